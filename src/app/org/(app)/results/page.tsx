import { guardedPage } from "@/components/portal-pages";
import { ResultsPage } from "@/components/scores/results-page";

export const metadata = { title: "考证结果" };
export default guardedPage("org.scores", <ResultsPage portal="org" />);
