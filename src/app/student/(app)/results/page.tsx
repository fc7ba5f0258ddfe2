import { guardedPage } from "@/components/portal-pages";
import { StudentResults } from "@/components/student/scores";

export const metadata = { title: "我的考证结果" };
export default guardedPage("student.scores", <StudentResults />);
