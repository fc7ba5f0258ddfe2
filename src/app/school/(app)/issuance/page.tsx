import { guardedPage } from "@/components/portal-pages";
import { IssuancePage } from "@/components/issuance/issuance-page";

export const metadata = { title: "证书发放管理" };
export default guardedPage("school.issuance", <IssuancePage side="site" />);
