import { guardedPage } from "@/components/portal-pages";
import { FeesPage } from "@/components/payments/fees-page";

export const metadata = { title: "收费标准" };
export default guardedPage("org.payments", <FeesPage />);
