import { guardedPage } from "@/components/portal-pages";
import { StudentProfile } from "@/components/student/profile";

export const metadata = { title: "个人信息" };
export default guardedPage("student.profile", <StudentProfile />);
