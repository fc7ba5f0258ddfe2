import { guardedPage } from "@/components/portal-pages";
import { CertificationsPage } from "@/components/invigilators/invigilators-page";

export const metadata = { title: "考评人员认证" };
export default guardedPage("org.invigilators", <CertificationsPage />);
