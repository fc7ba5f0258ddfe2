import { guardedPage } from "@/components/portal-pages";
import { PlansPage } from "@/components/plans-page";

export const metadata = { title: "申报计划" };
export default guardedPage("edu.plans", <PlansPage />);
