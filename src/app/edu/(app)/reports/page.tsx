import { guardedPage } from "@/components/portal-pages";
import { EduReports } from "@/components/reports/edu-reports";

export const metadata = { title: "周报审核" };
export default guardedPage("edu.reports", <EduReports />);
