import { guardedPage } from "@/components/portal-pages";
import { CertificateList } from "@/components/catalogue/certificates";

export const metadata = { title: "证书信息管理" };
export default guardedPage("admin.certificates", <CertificateList />);
