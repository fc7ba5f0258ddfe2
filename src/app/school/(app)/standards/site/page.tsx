import { guardedPage } from "@/components/portal-pages";
import { StandardList } from "@/components/catalogue/standards";

export const metadata = { title: "考核站点建设标准" };
export default guardedPage("school.standards", <StandardList kind="site" />);
