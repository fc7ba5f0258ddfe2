import { guardedPage } from "@/components/portal-pages";
import { SiteSchedulesPage } from "@/components/scheduling/site-schedules";

export const metadata = { title: "考核站点编排" };
export default guardedPage("org.scheduling", <SiteSchedulesPage portal="org" />);
