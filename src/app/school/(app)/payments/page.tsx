import { guardedPage } from "@/components/portal-pages";
import { SchoolPaymentsPage } from "@/components/payments/school-payments";

export const metadata = { title: "缴费管理" };
export default guardedPage("school.payments", <SchoolPaymentsPage />);
