import { guardedPage } from "@/components/portal-pages";
import { SchoolList } from "@/components/catalogue/schools";

export const metadata = { title: "院校管理" };
export default guardedPage("admin.schools", <SchoolList title="院校管理" />);
