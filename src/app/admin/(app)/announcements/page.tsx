import { guardedPage } from "@/components/portal-pages";
import { AnnouncementsAdmin } from "@/components/announcements-admin";

export const metadata = { title: "通知公告" };
export default guardedPage("admin.announcements", <AnnouncementsAdmin />);
