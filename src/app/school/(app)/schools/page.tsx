import { guardedPage } from "@/components/portal-pages";
import { SchoolList } from "@/components/catalogue/schools";

export const metadata = { title: "试点院校管理" };
export default guardedPage("school.schools", <SchoolList own />);
