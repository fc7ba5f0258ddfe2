import { guardedPage } from "@/components/portal-pages";
import { StandardList } from "@/components/catalogue/standards";

export const metadata = { title: "职业技能等级标准" };
export default guardedPage("admin.standards", <StandardList kind="skill" />);
