import { z } from "zod";
import { createTRPCRouter, pageInput, permissionProcedure, protectedProcedure } from "@/server/api/trpc";
import { LISTS, type ListName } from "@/server/lists/registry";
import { pageOf, type ListDef } from "@/server/lists/define";
import { exportStatus, requestExport } from "@/server/exports/create-export";
import { badRequest } from "@/server/errors";

/** One paged-list procedure per list definition, gated by the definition's permissions. */
function listProcedure<F, R extends { id: string }, W extends object>(def: ListDef<F, R, W>) {
  const [first, ...rest] = def.permissions;
  return (
    permissionProcedure(first, ...rest)
      .input(z.strictObject({ filter: def.filter, tab: z.string().max(30).optional(), ...pageInput }))
      // List pages read from the replica when one is configured.
      .query(({ ctx, input }) =>
        pageOf(def, { ctx: { ...ctx, db: ctx.readDb }, input: { filter: input.filter as F, tab: input.tab, page: input.page, pageSize: input.pageSize } }),
      )
  );
}

const names = Object.keys(LISTS) as [ListName, ...ListName[]];

export const listsRouter = createTRPCRouter({
  certificates: listProcedure(LISTS.certificates),
  orgs: listProcedure(LISTS.orgs),
  skillStandards: listProcedure(LISTS.skillStandards),
  siteStandards: listProcedure(LISTS.siteStandards),
  schools: listProcedure(LISTS.schools),
  pilotApplications: listProcedure(LISTS.pilotApplications),
  applicationReviews: listProcedure(LISTS.applicationReviews),
  weeklyReports: listProcedure(LISTS.weeklyReports),
  weeklyReportReviews: listProcedure(LISTS.weeklyReportReviews),
  candidates: listProcedure(LISTS.candidates),
  users: listProcedure(LISTS.users),
  announcements: listProcedure(LISTS.announcements),
  auditLog: listProcedure(LISTS.auditLog),
  plans: listProcedure(LISTS.plans),
  missingReports: listProcedure(LISTS.missingReports),
  accessRoles: listProcedure(LISTS.accessRoles),
  sites: listProcedure(LISTS.sites),
  siteAllocations: listProcedure(LISTS.siteAllocations),
  rooms: listProcedure(LISTS.rooms),
  subjects: listProcedure(LISTS.subjects),
  examPlans: listProcedure(LISTS.examPlans),
  registrations: listProcedure(LISTS.registrations),
  paymentOrders: listProcedure(LISTS.paymentOrders),
  siteSchedules: listProcedure(LISTS.siteSchedules),
  roomSchedules: listProcedure(LISTS.roomSchedules),
  sittings: listProcedure(LISTS.sittings),
  scores: listProcedure(LISTS.scores),
  issuable: listProcedure(LISTS.issuable),
  issuances: listProcedure(LISTS.issuances),
  results: listProcedure(LISTS.results),
  passRates: listProcedure(LISTS.passRates),
  teachers: listProcedure(LISTS.teachers),
  invigilators: listProcedure(LISTS.invigilators),
  invigilatorCertifications: listProcedure(LISTS.invigilatorCertifications),
});

export const exportsRouter = createTRPCRouter({
  // Any signed-in account may export the lists it may read; requestExport checks the list's permissions.
  create: protectedProcedure
    .input(
      z.strictObject({
        list: z.enum(names),
        filter: z.record(z.string(), z.unknown()).default({}),
        tab: z.string().max(30).optional(),
        ids: z.array(z.uuid()).max(1000, "勾选的数据过多，请不勾选而按查询条件导出").optional(),
        smsCode: z.string().trim().max(10),
      }),
    )
    .mutation(({ ctx, input }) => {
      const def = LISTS[input.list] as unknown as ListDef<unknown, { id: string }, object>;
      if (!def) throw badRequest("未知的列表");
      return requestExport({ ctx, input: { ...input, def } });
    }),
  /** The export dialog polls its export until the file is ready (or the worker gave up, with the reason). */
  status: protectedProcedure.input(z.strictObject({ id: z.uuid("导出记录不存在") })).query(({ ctx, input }) => exportStatus({ ctx, input })),
});
