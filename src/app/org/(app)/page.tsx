import { workbenchPage } from "@/components/portal-pages";

export const metadata = { title: "工作台" };
export default workbenchPage("org");
