import { z } from "zod";
import { createTRPCRouter, pageInput, roleProcedure } from "@/server/api/trpc";
import { LISTS, type ListName } from "@/server/catalogue/lists";
import { pageOf, type ListDef } from "@/server/lists/define";
import { createExport } from "@/server/exports/create-export";
import { badRequest } from "@/server/errors";

/** One paged-list procedure per list definition, with the definition's roles. */
function listProcedure<F, R extends { id: string }, W extends object>(def: ListDef<F, R, W>) {
  return roleProcedure(def.roles)
    .input(z.strictObject({ filter: def.filter, tab: z.string().max(30).optional(), ...pageInput }))
    .query(({ ctx, input }) => pageOf(def, ctx.db, ctx.session, { filter: input.filter as F, tab: input.tab, page: input.page, pageSize: input.pageSize }));
}

const names = Object.keys(LISTS) as [ListName, ...ListName[]];

export const listsRouter = createTRPCRouter({
  certificates: listProcedure(LISTS.certificates),
  orgs: listProcedure(LISTS.orgs),
  skillStandards: listProcedure(LISTS.skillStandards),
  siteStandards: listProcedure(LISTS.siteStandards),
  schools: listProcedure(LISTS.schools),
});

export const exportsRouter = createTRPCRouter({
  // Every signed-in role may export the lists its role may see; createExport checks the list's roles.
  create: roleProcedure(["ADMIN", "EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN"])
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
      return createExport(ctx, ctx.session, def, input, ctx.meta);
    }),
});
