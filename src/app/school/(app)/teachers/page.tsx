import { guardedPage } from "@/components/portal-pages";
import { TeachersPage } from "@/components/teachers/teachers-page";

export const metadata = { title: "教师管理" };
export default guardedPage("school.teachers", <TeachersPage />);
