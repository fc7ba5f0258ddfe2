import { guardedPage } from "@/components/portal-pages";
import { ApplicationsPage } from "@/components/applications-page";

export const metadata = { title: "证书试点申报" };
export default guardedPage("school", <ApplicationsPage />);
