import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { AuditPage } from "./audit-page";

export const metadata = { title: "审计日志" };

export default async function Page() {
  await requirePermission("admin.audit");
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
