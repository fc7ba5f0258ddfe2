// 证书通过率统计 on the list engine (screen, chart and export from one definition): registrations grouped by
// certificate or certificate level, with their results counted in SQL (one GROUP BY; nothing per row in JavaScript).
// The caller's scope decides the registrations: a school its own, an org those of its plans, a department those of
// the schools in its region (a province may narrow to one of its cities).
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { forbidden } from "@/server/errors";
import type { Scope } from "@/server/tenancy";
import type { ListDef } from "@/server/lists/define";
import type { ReadCtx } from "@/server/use-case";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { passRate, passRateText, type StatisticsDimension } from "@/domain/statistics/pass-rate";

const text = z.string().trim().max(60).optional();
export const passRateFilter = z.strictObject({
  by: z.enum(["certificate", "level"]),
  year: z
    .string()
    .regex(/^\d{4}$/, "统计年度格式不正确")
    .optional(),
  planId: z.uuid().optional(),
  plan: text,
  certificate: text,
  /** A province department's city (4 digits of the region code); ignored elsewhere. */
  city: z
    .string()
    .regex(/^\d{4}$/, "地市格式不正确")
    .optional(),
});
type Filter = z.infer<typeof passRateFilter>;
type Where = { by: StatisticsDimension; cond: Prisma.Sql };

export type PassRateRow = {
  id: string;
  certificateCode: string;
  certificateName: string;
  level: string | null;
  levelCode: string | null;
  registered: number;
  sat: number;
  absent: number;
  passed: number;
  rate: number | null;
};

/** The registrations the caller may count, as SQL over r (Registration), p (ExamPlan) and s (School). */
function scopeSql(scope: Scope, f: Filter): Prisma.Sql {
  switch (scope.kind) {
    case "school":
      return scope.certificateLevelIds
        ? Prisma.sql`r."schoolId" = ${scope.schoolId}::uuid AND r."certificateLevelId" = ANY(${scope.certificateLevelIds}::uuid[])`
        : Prisma.sql`r."schoolId" = ${scope.schoolId}::uuid`;
    case "org":
      return Prisma.sql`p."orgId" = ${scope.orgId}::uuid`;
    case "department": {
      // A province may look at one of its cities; a city always sees its own.
      const prefix = scope.level === "PROVINCE" && f.city?.startsWith(scope.regionPrefix) ? f.city : scope.regionPrefix;
      return Prisma.sql`s."regionCode" LIKE ${`${prefix}%`}`;
    }
    default:
      throw forbidden();
  }
}

function whereOf(scope: Scope, f: Filter): Where {
  const parts = [scopeSql(scope, f)];
  if (f.year) parts.push(Prisma.sql`r.year = ${Number(f.year)}`);
  if (f.planId) parts.push(Prisma.sql`r."planId" = ${f.planId}::uuid`);
  if (f.plan) parts.push(Prisma.sql`(p.name LIKE ${`%${f.plan}%`} OR p.code LIKE ${`${f.plan}%`})`);
  if (f.certificate) parts.push(Prisma.sql`(c.name LIKE ${`%${f.certificate}%`} OR c.code LIKE ${`${f.certificate}%`})`);
  return { by: f.by, cond: Prisma.join(parts, " AND ") };
}

const FROM = Prisma.sql`
  FROM "Registration" r
  JOIN "ExamPlan" p ON p.id = r."planId"
  JOIN "School" s ON s.id = r."schoolId"
  JOIN "CertificateLevel" l ON l.id = r."certificateLevelId"
  JOIN "Certificate" c ON c.id = l."certificateId"
  LEFT JOIN "CertificationResult" cr ON cr."registrationId" = r.id`;

// 实考 = a result other than 缺考 and 成绩未齐 (PENDING); a registration without a result counts as registered only.
const COUNTS = Prisma.sql`
  count(*)::int AS registered,
  count(*) FILTER (WHERE cr.outcome IN ('PASSED', 'FAILED', 'DISQUALIFIED'))::int AS sat,
  count(*) FILTER (WHERE cr.outcome = 'ABSENT')::int AS absent,
  count(*) FILTER (WHERE cr.outcome = 'PASSED')::int AS passed`;

const keyOf = (by: StatisticsDimension) => (by === "level" ? Prisma.sql`l.id` : Prisma.sql`c.id`);

/** The engine's export wraps the where with the ticked rows ({ AND: [where, { id: { in } }] }): back to one Where. */
function resolve(w: Where | { AND: object[] }): Where {
  if ("cond" in w) return w;
  const base = w.AND.find((x): x is Where => "cond" in x);
  if (!base) throw forbidden();
  const ids = w.AND.map((x) => (x as { id?: { in?: string[] } }).id?.in).find(Boolean);
  return ids ? { by: base.by, cond: Prisma.sql`${base.cond} AND ${keyOf(base.by)} = ANY(${ids}::uuid[])` } : base;
}

async function groups(db: Db, where: Where, page: { skip?: number; take: number; afterId?: string; byId?: boolean }): Promise<PassRateRow[]> {
  const w = resolve(where);
  const key = keyOf(w.by);
  const after = page.afterId ? Prisma.sql`AND ${key} > ${page.afterId}::uuid` : Prisma.empty;
  const levelCols = w.by === "level" ? Prisma.sql`, l.level::text AS level, l.code AS "levelCode"` : Prisma.sql`, NULL AS level, NULL AS "levelCode"`;
  const groupBy = w.by === "level" ? Prisma.sql`c.id, c.code, c.name, l.id, l.level, l.code` : Prisma.sql`c.id, c.code, c.name`;
  const order = page.byId ? key : w.by === "level" ? Prisma.sql`c.code, l.level, l.id` : Prisma.sql`c.code, c.id`;
  const rows = await db.$queryRaw<Omit<PassRateRow, "rate">[]>`
    SELECT ${key}::text AS id, c.code AS "certificateCode", c.name AS "certificateName" ${levelCols}, ${COUNTS}
    ${FROM}
    WHERE ${w.cond} ${after}
    GROUP BY ${groupBy}
    ORDER BY ${order}
    OFFSET ${page.skip ?? 0} LIMIT ${page.take}`;
  return rows.map((r) => ({ ...r, level: r.level ? LEVEL_LABELS[r.level as keyof typeof LEVEL_LABELS] : null, rate: passRate(r) }));
}

export const passRateList: ListDef<Filter, PassRateRow, Where> = {
  name: "passRates",
  title: "证书通过率统计",
  permissions: ["school.statistics", "org.statistics", "edu.statistics"],
  filter: passRateFilter,
  where: (_db, scope, f) => whereOf(scope, f),
  count: async (db, where) => {
    const w = resolve(where);
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT ${keyOf(w.by)})::int AS n ${FROM} WHERE ${w.cond}`;
    return n;
  },
  rows: (db, w, page) => groups(db, w, page),
  columns: [
    { header: "证书编号", width: 14, value: (r) => r.levelCode ?? r.certificateCode },
    { header: "证书名称", width: 40, value: (r) => (r.level ? `${r.certificateName}（${r.level}）` : r.certificateName) },
    { header: "报考人数", value: (r) => r.registered },
    { header: "实考人数", value: (r) => r.sat },
    { header: "缺考人数", value: (r) => r.absent },
    { header: "通过人数", value: (r) => r.passed },
    { header: "通过率", value: (r) => passRateText(r) },
  ],
};

/** The totals over the filter (the page's summary line and the chart's caption). */
export async function passRateTotals({ ctx: { db, scope }, input: f }: { ctx: ReadCtx; input: Filter }) {
  const w = whereOf(scope, f);
  const [t] = await db.$queryRaw<{ registered: number; sat: number; absent: number; passed: number }[]>`
    SELECT ${COUNTS} ${FROM} WHERE ${w.cond}`;
  return { ...t, rate: passRate(t) };
}

/** What the filters offer: the years and plans of the caller's registrations (newest first). */
export async function passRateOptions({ ctx: { db, scope } }: { ctx: ReadCtx }) {
  const cond = scopeSql(scope, { by: "certificate" });
  const plans = await db.$queryRaw<{ id: string; code: string; name: string; year: number }[]>`
    SELECT p.id::text, p.code, p.name, p.year
      FROM "ExamPlan" p
     WHERE EXISTS (SELECT 1 FROM "Registration" r JOIN "School" s ON s.id = r."schoolId" WHERE r."planId" = p.id AND ${cond})
     ORDER BY p."examStartsAt" DESC LIMIT 200`;
  // A province narrows to one of its cities (the city field is shown only then).
  const cities =
    scope.kind === "department" && scope.level === "PROVINCE"
      ? (
          await db.region.findMany({
            where: { level: "CITY", code: { startsWith: scope.regionPrefix } },
            orderBy: { code: "asc" },
            select: { code: true, name: true },
          })
        ).map((r) => ({ value: r.code.slice(0, 4), label: r.name }))
      : [];
  return { years: [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a), plans, cities };
}
