import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { UsersPage } from "@/components/users-page";

export const metadata = { title: "用户管理" };

export default async function Page() {
  await requirePermission("admin.users");
  return (
    <Suspense>
      <UsersPage title="用户管理" roleFilter />
    </Suspense>
  );
}
