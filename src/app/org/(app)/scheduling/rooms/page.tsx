import { Suspense } from "react";
import { guardedPage } from "@/components/portal-pages";
import { RoomSchedulesPage } from "@/components/scheduling/room-schedules";

export const metadata = { title: "考场编排" };
export default guardedPage(
  "org.scheduling",
  <Suspense>
    <RoomSchedulesPage portal="org" />
  </Suspense>,
);
