import { guardedPage } from "@/components/portal-pages";
import { ResultsPage } from "@/components/scores/results-page";

export const metadata = { title: "考证结果" };
export default guardedPage("school.scores", <ResultsPage portal="school" />);
