import { guardedPage } from "@/components/portal-pages";
import { OrgPaymentsPage } from "@/components/payments/org-payments";

export const metadata = { title: "缴费管理" };
export default guardedPage("org.payments", <OrgPaymentsPage />);
