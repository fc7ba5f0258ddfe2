import { guardedPage } from "@/components/portal-pages";
import { ScoresPage } from "@/components/scores/scores-page";

export const metadata = { title: "科目成绩" };
export default guardedPage("school.scores", <ScoresPage portal="school" />);
