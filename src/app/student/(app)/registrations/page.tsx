import { guardedPage } from "@/components/portal-pages";
import { StudentRegistrations } from "@/components/student/registrations";

export const metadata = { title: "我的报考" };
export default guardedPage("student.registrations", <StudentRegistrations />);
