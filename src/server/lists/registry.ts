// Every list the platform pages and exports, by name: the tRPC list procedures, the export request and the
// export job all look a list up here. Each area keeps its definitions; this file only names them.
import { certificateList, orgList, schoolList, siteStandardList, skillStandardList } from "@/server/catalogue/lists";
import { applicationReviewList, pilotApplicationList } from "@/server/applications/list";
import { weeklyReportList, weeklyReportReviewList } from "@/server/reports/list";
import { candidateList } from "@/server/candidates/list";

export const LISTS = {
  // 证书、机构、标准、院校

  certificates: certificateList,
  orgs: orgList,
  skillStandards: skillStandardList,
  siteStandards: siteStandardList,
  schools: schoolList,
  pilotApplications: pilotApplicationList,
  applicationReviews: applicationReviewList,
  weeklyReports: weeklyReportList,
  weeklyReportReviews: weeklyReportReviewList,
  candidates: candidateList,
} as const;
export type ListName = keyof typeof LISTS;
