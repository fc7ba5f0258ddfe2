import { guardedPage } from "@/components/portal-pages";
import { RegistrationsPage } from "@/components/registrations/registrations-page";

export const metadata = { title: "报考管理" };
export default guardedPage("school.registrations", <RegistrationsPage />);
