import { guardedPage } from "@/components/portal-pages";
import { ExamPlansPage } from "@/components/exam-plans/exam-plans";

export const metadata = { title: "考试计划" };
export default guardedPage("school.examPlans", <ExamPlansPage manage={false} />);
