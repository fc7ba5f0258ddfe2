import { guardedPage } from "@/components/portal-pages";
import { CandidatesPage } from "@/components/candidates/candidates-page";

export const metadata = { title: "本校考生管理" };
export default guardedPage("school.candidates", <CandidatesPage type="SCHOOL" />);
