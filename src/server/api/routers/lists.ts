import { z } from "zod";
import { APPLICANT_ONLY, createTRPCRouter, pageInput, roleProcedure } from "@/server/api/trpc";
import { LISTS, type ListName } from "@/server/lists/registry";
import { pageOf, type ListDef } from "@/server/lists/define";
import { exportStatus, requestExport } from "@/server/exports/create-export";
import { badRequest, forbidden } from "@/server/errors";

/** One paged-list procedure per list definition, with the definition's roles. */
function listProcedure<F, R extends { id: string }, W extends object>(def: ListDef<F, R, W>, opts: { applicant?: boolean } = {}) {
  return roleProcedure(def.roles, opts)
    .input(z.strictObject({ filter: def.filter, tab: z.string().max(30).optional(), ...pageInput }))
    .query(({ ctx, input }) => pageOf(def, { ctx, input: { filter: input.filter as F, tab: input.tab, page: input.page, pageSize: input.pageSize } }));
}

const names = Object.keys(LISTS) as [ListName, ...ListName[]];

export const listsRouter = createTRPCRouter({
  certificates: listProcedure(LISTS.certificates),
  orgs: listProcedure(LISTS.orgs),
  skillStandards: listProcedure(LISTS.skillStandards),
  siteStandards: listProcedure(LISTS.siteStandards),
  schools: listProcedure(LISTS.schools),
  pilotApplications: listProcedure(LISTS.pilotApplications, { applicant: true }),
  applicationReviews: listProcedure(LISTS.applicationReviews),
  weeklyReports: listProcedure(LISTS.weeklyReports),
  weeklyReportReviews: listProcedure(LISTS.weeklyReportReviews),
  candidates: listProcedure(LISTS.candidates),
  users: listProcedure(LISTS.users),
  announcements: listProcedure(LISTS.announcements),
  auditLog: listProcedure(LISTS.auditLog),
  plans: listProcedure(LISTS.plans, { applicant: true }),
  missingReports: listProcedure(LISTS.missingReports),
});

export const exportsRouter = createTRPCRouter({
  // Every signed-in role may export the lists its role may see; createExport checks the list's roles.
  create: roleProcedure(["ADMIN", "EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN"], { applicant: true })
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
      if (ctx.scope.kind === "school" && ctx.scope.applying && input.list !== "pilotApplications") throw forbidden(APPLICANT_ONLY);
      return requestExport({ ctx, input: { ...input, def } });
    }),
  /** The export dialog polls its export until the file is ready (or the worker gave up, with the reason). */
  status: roleProcedure(["ADMIN", "EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN"], { applicant: true })
    .input(z.strictObject({ id: z.uuid("导出记录不存在") }))
    .query(({ ctx, input }) => exportStatus({ ctx, input })),
});
