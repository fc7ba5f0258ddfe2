import { guardedPage } from "@/components/portal-pages";
import { OrgList } from "@/components/catalogue/orgs";

export const metadata = { title: "培训评价组织" };
export default guardedPage("edu.orgs", <OrgList />);
