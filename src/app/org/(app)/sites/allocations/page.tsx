import { guardedPage } from "@/components/portal-pages";
import { OrgAllocationsPage } from "@/components/sites/org-sites";

export const metadata = { title: "考核站点分配" };
export default guardedPage("org.sites", <OrgAllocationsPage />);
