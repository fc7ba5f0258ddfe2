import { guardedPage } from "@/components/portal-pages";
import { SubjectsPage } from "@/components/subjects/subjects-page";

export const metadata = { title: "考试科目" };
export default guardedPage("school.subjects", <SubjectsPage />);
