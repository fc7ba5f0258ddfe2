import { requirePortal } from "@/server/auth/current";
import { Workbench } from "@/components/workbench";

export const metadata = { title: "工作台" };

export default async function Page() {
  await requirePortal("school");
  return <Workbench />;
}
