import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { UsersPage } from "@/components/users-page";

export const metadata = { title: "院校负责人账号" };

export default async function Page() {
  await requirePermission("edu.users");
  return (
    <Suspense>
      <UsersPage title="院校负责人账号" />
    </Suspense>
  );
}
