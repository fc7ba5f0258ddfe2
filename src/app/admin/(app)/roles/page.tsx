import { guardedPage } from "@/components/portal-pages";
import { RolesAdmin } from "@/components/roles-admin";

export const metadata = { title: "角色管理" };
export default guardedPage("admin.roles", <RolesAdmin />);
