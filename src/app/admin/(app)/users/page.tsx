import { Suspense } from "react";
import { requirePortal } from "@/server/auth/current";
import { UsersPage } from "@/components/users-page";

export const metadata = { title: "用户管理" };

export default async function Page() {
  await requirePortal("admin");
  return (
    <Suspense>
      <UsersPage title="用户管理" roleFilter />
    </Suspense>
  );
}
