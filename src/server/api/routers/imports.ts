import { z } from "zod";
import { createTRPCRouter, pageInput, permissionProcedure } from "@/server/api/trpc";
import { IMPORT_KINDS, importRecord, importRecords } from "@/server/imports/records";

// An account holding any import's page (a school's, or the org's 科目成绩); each record is then checked against its
// own kind's permission, within its own school or org.
const importer = permissionProcedure("school.candidates", "school.rooms", "school.teachers", "school.invigilators", "school.registrations", "org.scores");
const kind = z.enum(IMPORT_KINDS);

export const importsRouter = createTRPCRouter({
  /** 导入记录 of these kinds (one page's imports). */
  records: importer.input(z.strictObject({ kinds: z.array(kind).min(1).max(6), ...pageInput })).query(({ ctx, input }) => importRecords({ ctx, input })),
  /** One import's progress, polled by the import dialog. */
  status: importer.input(z.strictObject({ id: z.uuid("导入记录不存在") })).query(({ ctx, input }) => importRecord({ ctx, input })),
});
