import { guardedPage } from "@/components/portal-pages";
import { StudentCertificates } from "@/components/student/certificates";

export const metadata = { title: "我的证书" };
export default guardedPage("student.certificates", <StudentCertificates />);
