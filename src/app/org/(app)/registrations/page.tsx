import { guardedPage } from "@/components/portal-pages";
import { OrgRegistrationsPage } from "@/components/registrations/org-registrations";

export const metadata = { title: "报考信息" };
export default guardedPage("org.registrations", <OrgRegistrationsPage />);
