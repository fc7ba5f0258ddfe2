// Every list the platform pages and exports, by name: the tRPC list procedures, the export request and the
// export job all look a list up here. Each area keeps its definitions; this file only names them.
import { certificateList, orgList, schoolList, siteStandardList, skillStandardList } from "@/server/catalogue/lists";
import { applicationReviewList, pilotApplicationList } from "@/server/applications/list";
import { weeklyReportList, weeklyReportReviewList } from "@/server/reports/list";
import { candidateList } from "@/server/candidates/list";
import { managedUserList } from "@/server/accounts/list";
import { announcementList } from "@/server/announcements/list";
import { auditList } from "@/server/audit/list";
import { planList } from "@/server/plans/list";
import { missingReportList } from "@/server/reports/missing-list";
import { accessRoleList } from "@/server/roles/list";
import { allocationList, siteList } from "@/server/sites/list";
import { roomList } from "@/server/rooms/list";
import { subjectList } from "@/server/subjects/list";
import { examPlanList } from "@/server/exam-plans/list";
import { teacherList } from "@/server/teachers/list";
import { certificationList, invigilatorList } from "@/server/invigilators/list";
import { registrationList } from "@/server/registrations/list";
import { paymentOrderList } from "@/server/payments/list";
import { resultList, scoreList } from "@/server/scores/list";
import { passRateList } from "@/server/statistics/pass-rates";
import { issuableList } from "@/server/issuance/issuable";
import { issuanceList } from "@/server/issuance/list";
import { planSubjectScheduleList, roomScheduleList, sittingList } from "@/server/scheduling/list";

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
  // 系统管理、信息发布
  users: managedUserList,
  announcements: announcementList,
  auditLog: auditList,
  // 申报计划、本期未提交周报
  plans: planList,
  missingReports: missingReportList,
  accessRoles: accessRoleList,
  // 考务管理
  sites: siteList,
  siteAllocations: allocationList,
  rooms: roomList,
  subjects: subjectList,
  examPlans: examPlanList,
  teachers: teacherList,
  invigilators: invigilatorList,
  invigilatorCertifications: certificationList,
  registrations: registrationList,
  paymentOrders: paymentOrderList,
  siteSchedules: planSubjectScheduleList,
  roomSchedules: roomScheduleList,
  sittings: sittingList,
  // 成绩管理
  scores: scoreList,
  issuable: issuableList,
  issuances: issuanceList,
  results: resultList,
  // 统计分析
  passRates: passRateList,
} as const;
export type ListName = keyof typeof LISTS;
