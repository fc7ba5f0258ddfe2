import { Suspense } from "react";
import { redirect } from "next/navigation";
import { requirePortal } from "@/server/auth/current";
import { UsersPage } from "@/components/users-page";

export const metadata = { title: "用户管理" };

export default async function Page() {
  const u = await requirePortal("school");
  // Only the principal manages sub-accounts (manual 001 §1.9).
  if (u.role !== "SCHOOL_PRINCIPAL") redirect("/school");
  return (
    <Suspense>
      <UsersPage title="用户管理" canCreate />
    </Suspense>
  );
}
