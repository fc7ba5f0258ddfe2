import { requirePermission } from "@/server/auth/current";
import { ReviewQueue } from "@/components/applications/review-queue";

export const metadata = { title: "证书试点申报审核" };
export default async function Page() {
  const u = await requirePermission("edu.applications");
  return <ReviewQueue stage={u.departmentLevel === "CITY" ? "CITY" : "PROVINCE"} />;
}
