// 考试计划 on the list engine: an org's own plans and the plans a school takes part in; tabs 未开始 / 进行中 / 已结束
// at the moment of the request.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { EXAM_PLAN_STATUS_LABELS, REGISTRATION_MODE_LABELS, examPlanStatus, type ExamPlanStatus } from "@/domain/exams/plan";
import { examPlansWhere } from "./scope";

const text = z.string().trim().max(60).optional();
const filter = z.strictObject({
  code: text,
  name: text,
  year: z
    .string()
    .regex(/^\d{4}$/, "年度为 4 位数字")
    .optional(),
});
const include = { org: { select: { name: true } }, _count: { select: { schools: true, subjects: true, levels: true } } } satisfies Prisma.ExamPlanInclude;
type Raw = Prisma.ExamPlanGetPayload<{ include: typeof include }>;
export type ExamPlanRow = Omit<Raw, "passRule"> & { status: ExamPlanStatus };
const fmt = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
const span = (a: Date, b: Date) => `${fmt(a)} ~ ${fmt(b)}`;

const statusWhere = (s: ExamPlanStatus, now: Date): Prisma.ExamPlanWhereInput =>
  s === "NOT_STARTED"
    ? { registrationStartsAt: { gt: now } }
    : s === "IN_PROGRESS"
      ? { registrationStartsAt: { lte: now }, publicityEndsAt: { gt: now } }
      : { publicityEndsAt: { lte: now } };

export const examPlanList: ListDef<z.infer<typeof filter>, ExamPlanRow, Prisma.ExamPlanWhereInput> = {
  name: "examPlans",
  title: "考试计划",
  permissions: ["org.examPlans", "school.examPlans"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.ExamPlanWhereInput>(
      examPlansWhere(scope),
      f.code ? { code: { startsWith: f.code } } : null,
      f.name ? { name: { contains: f.name } } : null,
      f.year ? { year: Number(f.year) } : null,
    ),
  tabs: (now) =>
    (Object.keys(EXAM_PLAN_STATUS_LABELS) as ExamPlanStatus[]).map((s) => ({ value: s, label: EXAM_PLAN_STATUS_LABELS[s], where: statusWhere(s, now) })),
  count: (db, where) => db.examPlan.count({ where }),
  rows: async (db, where, p, { now }) => {
    const rows = await db.examPlan.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ registrationStartsAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map(({ passRule: _rule, ...r }) => ({ ...r, status: examPlanStatus(r, now) }));
  },
  columns: [
    { header: "计划编号", width: 16, value: (r) => r.code },
    { header: "计划名称", width: 36, value: (r) => r.name },
    { header: "考试年度", value: (r) => r.year },
    { header: "考核单位", width: 28, value: (r) => r.org.name },
    { header: "报考方式", value: (r) => REGISTRATION_MODE_LABELS[r.registrationMode] },
    { header: "报考时间", width: 40, value: (r) => span(r.registrationStartsAt, r.registrationEndsAt) },
    { header: "排考时间", width: 40, value: (r) => span(r.schedulingStartsAt, r.schedulingEndsAt) },
    { header: "考试时间", width: 40, value: (r) => span(r.examStartsAt, r.examEndsAt) },
    { header: "成绩登记时间", width: 40, value: (r) => span(r.scoringStartsAt, r.scoringEndsAt) },
    { header: "成绩公示时间", width: 40, value: (r) => span(r.publicityStartsAt, r.publicityEndsAt) },
    { header: "参考院校数", value: (r) => r._count.schools },
    { header: "计划状态", value: (r) => EXAM_PLAN_STATUS_LABELS[r.status] },
  ],
};
