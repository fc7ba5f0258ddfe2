import { guardedPage } from "@/components/portal-pages";
import { SiteSchedulesPage } from "@/components/scheduling/site-schedules";

export const metadata = { title: "考核站点编排" };
export default guardedPage("school.scheduling", <SiteSchedulesPage portal="school" />);
