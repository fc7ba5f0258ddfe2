import { guardedPage } from "@/components/portal-pages";
import { CandidatesPage } from "@/components/candidates/candidates-page";

export const metadata = { title: "社会考生管理" };
export default guardedPage("school.candidates", <CandidatesPage type="SOCIAL" />);
