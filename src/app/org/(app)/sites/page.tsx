import { guardedPage } from "@/components/portal-pages";
import { OrgSitesPage } from "@/components/sites/org-sites";

export const metadata = { title: "考核站点审核" };
export default guardedPage("org.sites", <OrgSitesPage />);
