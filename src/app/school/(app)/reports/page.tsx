import { requirePermission } from "@/server/auth/current";
import { SchoolReports } from "@/components/reports/school-reports";

export const metadata = { title: "提交周报" };
export default async function Page() {
  // 001 §1.8: only the principal's account submits weekly reports.
  await requirePermission("school.reports");
  return <SchoolReports />;
}
