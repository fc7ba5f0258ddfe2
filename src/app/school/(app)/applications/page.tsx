import { guardedPage } from "@/components/portal-pages";
import { ApplicationsPage } from "@/components/applications/school-applications";

export const metadata = { title: "证书试点申报" };
export default guardedPage("school.applications", <ApplicationsPage />);
