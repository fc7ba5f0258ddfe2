import { loginPage } from "@/components/portal-pages";

export const metadata = { title: "登录" };
export default loginPage("org");
