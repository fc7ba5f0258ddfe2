import { guardedPage } from "@/components/portal-pages";
import { SittingsPage } from "@/components/scheduling/sittings";

export const metadata = { title: "排考明细" };
export default guardedPage("org.scheduling", <SittingsPage portal="org" />);
