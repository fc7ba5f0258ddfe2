import { guardedPage } from "@/components/portal-pages";
import { SchoolSitesPage } from "@/components/sites/school-sites";

export const metadata = { title: "考核站点" };
export default guardedPage("school.sites", <SchoolSitesPage />);
