import { guardedPage } from "@/components/portal-pages";
import { ApplicantSchoolInfo } from "@/components/school/applicant-info";

export const metadata = { title: "院校基础信息" };
export default guardedPage("school.info", <ApplicantSchoolInfo />);
