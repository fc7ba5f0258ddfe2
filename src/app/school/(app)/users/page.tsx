import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { UsersPage } from "@/components/users-page";

export const metadata = { title: "用户管理" };

export default async function Page() {
  // Only the principal manages sub-accounts (manual 001 §1.9).
  await requirePermission("school.users");
  return (
    <Suspense>
      <UsersPage title="用户管理" canCreate />
    </Suspense>
  );
}
