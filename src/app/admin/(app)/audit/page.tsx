import { Suspense } from "react";
import { requirePortal } from "@/server/auth/current";
import { AuditPage } from "./audit-page";

export const metadata = { title: "审计日志" };

export default async function Page() {
  await requirePortal("admin");
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
