// 周报提纲 (002 §6): the province publishes one outline per cadence (周报, 半月报); its schools download the one for
// the cadence they report in, its city departments see what the province published.
import { badRequest, forbidden } from "@/server/errors";
import type { DepartmentScope, Scope } from "@/server/tenancy";
import { change, type ReadCtx, type UseCaseCtx } from "@/server/use-case";
import { provinceCodeOf } from "@/domain/regions";
import { CADENCE_LABELS, type Cadence } from "@/domain/reports/period";
import { cadenceForRegion } from "./scope";

const select = { cadence: true, publishedAt: true, file: { select: { id: true, filename: true, size: true } } } as const;

async function provinceOf(ctx: ReadCtx, scope: Scope): Promise<string> {
  if (scope.kind === "department") return scope.provinceCode;
  if (scope.kind === "school") {
    const s = await ctx.db.school.findUniqueOrThrow({ where: { id: scope.schoolId }, select: { regionCode: true } });
    return provinceCodeOf(s.regionCode);
  }
  throw forbidden();
}

/** The outlines of the caller's province, by cadence, and the cadence its schools report in now. */
export async function reportOutlines({ ctx }: { ctx: ReadCtx }) {
  const province = await provinceOf(ctx, ctx.scope);
  const rows = await ctx.db.reportOutline.findMany({ where: { department: { level: "PROVINCE", regionCode: province } }, select });
  return { cadence: await cadenceForRegion(ctx.db, province), outlines: rows };
}

/** 发布周报提纲: the province only; replaces the outline of that cadence. */
export async function publishOutline({ ctx, input }: { ctx: UseCaseCtx<DepartmentScope>; input: { cadence: Cadence; fileId: string } }) {
  const d = ctx.scope;
  if (d.level !== "PROVINCE") throw forbidden("周报提纲由省级教育行政部门发布");
  const file = await ctx.db.storedFile.findFirst({ where: { id: input.fileId, purpose: "REPORT_OUTLINE", ownerUserId: ctx.actor.id } });
  if (!file) throw badRequest("提纲文件不存在，请重新上传");
  const now = ctx.clock.now();
  return change(
    ctx,
    (tx) =>
      tx.reportOutline.upsert({
        where: { departmentId_cadence: { departmentId: d.departmentId, cadence: input.cadence } },
        create: { departmentId: d.departmentId, cadence: input.cadence, fileId: file.id, publishedById: ctx.actor.id, publishedAt: now },
        update: { fileId: file.id, publishedById: ctx.actor.id, publishedAt: now },
        select: { id: true },
      }),
    (o) => ({
      action: "report.outline",
      targetType: "ReportOutline",
      targetId: o.id,
      summary: `发布${CADENCE_LABELS[input.cadence]}提纲（${file.filename}）`,
    }),
  );
}
