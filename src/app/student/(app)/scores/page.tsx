import { guardedPage } from "@/components/portal-pages";
import { StudentScores } from "@/components/student/scores";

export const metadata = { title: "我的成绩" };
export default guardedPage("student.scores", <StudentScores />);
