import { guardedPage } from "@/components/portal-pages";
import { InvigilatorsPage } from "@/components/invigilators/invigilators-page";

export const metadata = { title: "监考人员" };
export default guardedPage("school.invigilators", <InvigilatorsPage />);
