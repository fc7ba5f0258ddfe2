import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { authRouter } from "./routers/auth";
import { usersRouter } from "./routers/users";
import { workbenchRouter } from "./routers/workbench";
import { demoRouter } from "./routers/demo";
import { exportsRouter, listsRouter } from "./routers/lists";
import { catalogueRouter } from "./routers/catalogue";
import { schoolRouter } from "./routers/school";
import { standardsRouter } from "./routers/standards";
import { announcementsRouter } from "./routers/announcements";
import { orgsRouter } from "./routers/orgs";
import { certificatesRouter } from "./routers/certificates";
import { plansRouter } from "./routers/plans";
import { applicationsRouter } from "./routers/applications";
import { reportsRouter } from "./routers/reports";
import { registerRouter } from "./routers/register";
import { candidatesRouter } from "./routers/candidates";
import { rolesRouter } from "./routers/roles";
import { studentRouter } from "./routers/student";
import { sitesRouter } from "./routers/sites";
import { importsRouter } from "./routers/imports";
import { roomsRouter } from "./routers/rooms";
import { teachersRouter } from "./routers/teachers";
import { invigilatorsRouter } from "./routers/invigilators";
import { examPlansRouter } from "./routers/exam-plans";
import { registrationsRouter } from "./routers/registrations";
import { paymentsRouter } from "./routers/payments";
import { schedulingRouter } from "./routers/scheduling";
import { scoresRouter } from "./routers/scores";
import { issuanceRouter } from "./routers/issuance";
import { statisticsRouter } from "./routers/statistics";
import { lookupRouter } from "./routers/lookup";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  workbench: workbenchRouter,
  demo: demoRouter,
  lists: listsRouter,
  exports: exportsRouter,
  catalogue: catalogueRouter,
  school: schoolRouter,
  standards: standardsRouter,
  announcements: announcementsRouter,
  orgs: orgsRouter,
  certificates: certificatesRouter,
  plans: plansRouter,
  applications: applicationsRouter,
  reports: reportsRouter,
  register: registerRouter,
  candidates: candidatesRouter,
  roles: rolesRouter,
  student: studentRouter,
  sites: sitesRouter,
  imports: importsRouter,
  rooms: roomsRouter,
  teachers: teachersRouter,
  invigilators: invigilatorsRouter,
  examPlans: examPlansRouter,
  registrations: registrationsRouter,
  payments: paymentsRouter,
  scheduling: schedulingRouter,
  scores: scoresRouter,
  issuance: issuanceRouter,
  statistics: statisticsRouter,
  lookup: lookupRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

/** Procedures anyone may call without signing in. A test fails if a public one is not listed here. */
export const PUBLIC_PROCEDURES = [
  "auth.captcha",
  "auth.login",
  "auth.verifyLoginSms",
  "auth.forgotRequest",
  "auth.forgotReset",
  "auth.activateRequest",
  "auth.activate",
  "demo.smsInbox",
  "register.provinces",
  "register.searchSchools",
  "register.sendCode",
  "register.register",
  "lookup.challenge",
  "lookup.scores",
  "lookup.certificates",
] as const;

/** Procedures open to a newly registered school that is not a pilot yet. A test fails on any other. */
export const APPLICANT_PROCEDURES = [
  "applications.applicable",
  "applications.majors",
  "applications.save",
  "applications.delete",
  "applications.detail",
  "teachers.fullTimeCounts",
  "lists.pilotApplications",
  "plans.access",
  "lists.plans",
  "school.mine",
  "school.update",
] as const;

/** Procedures a signed-in user may call while binding / the initial password change is pending. */
export const SESSION_PROCEDURES = ["auth.me", "auth.sendBindCode", "auth.completeFirstLogin", "auth.logout"] as const;
