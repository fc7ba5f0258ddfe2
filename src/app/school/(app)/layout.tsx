import { portalLayout } from "@/components/portal-pages";

export const dynamic = "force-dynamic";
export default portalLayout("school");
