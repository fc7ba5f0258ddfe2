import { guardedPage } from "@/components/portal-pages";
import { StatisticsPage } from "@/components/statistics/statistics-page";

export const metadata = { title: "证书通过率统计" };
export default guardedPage("school.statistics", <StatisticsPage by="certificate" />);
