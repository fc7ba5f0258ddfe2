import { guardedPage } from "@/components/portal-pages";
import { RoomsPage } from "@/components/rooms/rooms-page";

export const metadata = { title: "考场管理" };
export default guardedPage("school.rooms", <RoomsPage />);
