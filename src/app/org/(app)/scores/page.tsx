import { guardedPage } from "@/components/portal-pages";
import { ScoresPage } from "@/components/scores/scores-page";

export const metadata = { title: "科目成绩" };
export default guardedPage("org.scores", <ScoresPage portal="org" />);
