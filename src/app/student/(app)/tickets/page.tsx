import { guardedPage } from "@/components/portal-pages";
import { StudentTickets } from "@/components/student/tickets";

export const metadata = { title: "我的准考证" };
export default guardedPage("student.tickets", <StudentTickets />);
