// 导入科目成绩 (002 §5.2.9; the org, inside 成绩登记): the plan chosen first; each row a sitting, by 准考证号 or by 证件号码
// and 科目编号, with its 成绩 or its 考试状态 (缺考, 违纪). Through the shared pipeline: one transaction, failed rows back
// with their reasons. Re-importing a changed score keeps the old value; once 公示 has begun it is a correction.
import { z } from "zod";
import type { Db, Sql } from "@/server/db";
import { SheetError } from "@/server/imports/read-sheet";
import type { Checked, ImportSpec, Importer } from "@/server/imports/pipeline";
import type { OrgScope } from "@/server/tenancy";
import { cleanCell, cleanIdNumber } from "@/domain/candidates/identity";
import { entryOf, markOf, type ScoreMarkName } from "@/domain/scores/outcome";
import { entryProblem, overwriteProblem } from "@/domain/scores/window";
import { writeScores, type ScoreWrite } from "./write-scores";

const paramsSchema = z.strictObject({ planId: z.uuid("请选择考试计划") });

type Plan = {
  id: string;
  name: string;
  scoringStartsAt: Date;
  scoringEndsAt: Date;
  publicityStartsAt: Date;
  publicityEndsAt: Date;
  scoresLockedAt: Date | null;
};
type Ctx = { plan: Plan; userId: string; subjects: Map<string, { id: string; fullScore: number }> };
type Row = { ticket: string; idNumber: string; subjectCode: string; mark: ScoreMarkName; scoreText: string };

async function contextOf(db: Db, who: Importer<OrgScope>, params: unknown, now: Date): Promise<Checked<Ctx>> {
  const p = paramsSchema.safeParse(params);
  if (!p.success) return { ok: false, error: "请先选择考试计划" };
  const plan = await db.examPlan.findFirst({
    where: { id: p.data.planId, orgId: who.scope.orgId },
    select: {
      id: true,
      name: true,
      scoringStartsAt: true,
      scoringEndsAt: true,
      publicityStartsAt: true,
      publicityEndsAt: true,
      scoresLockedAt: true,
      subjects: { select: { subject: { select: { id: true, code: true, fullScore: true } } } },
    },
  });
  if (!plan) return { ok: false, error: "考试计划不存在" };
  const problem = entryProblem(plan, now);
  if (problem) return { ok: false, error: problem };
  const subjects = new Map(plan.subjects.map((s) => [s.subject.code, { id: s.subject.id, fullScore: s.subject.fullScore }]));
  return { ok: true, value: { plan, userId: who.actor.id, subjects } };
}

type Found = {
  registrationId: string;
  subjectId: string;
  ticketNumber: string | null;
  idNumber: string;
  code: string;
  placed: boolean;
  mark: ScoreMarkName | null;
  score: string | null;
};

async function findSittings(sql: Sql, planId: string, rows: Row[]): Promise<Found[]> {
  const tickets = rows.map((r) => r.ticket).filter(Boolean);
  const pairs = rows.filter((r) => !r.ticket);
  const [byTicket, byPerson] = await Promise.all([
    tickets.length
      ? sql<Found>`
          SELECT rs."registrationId", rs."subjectId", rs."ticketNumber", r."idNumber", s.code, rs."roomId" IS NOT NULL AS placed, sc.mark, sc.score::text
            FROM "RegistrationSubject" rs JOIN "Registration" r ON r.id = rs."registrationId" JOIN "ExamSubject" s ON s.id = rs."subjectId"
            LEFT JOIN "SubjectScore" sc ON sc."registrationId" = rs."registrationId" AND sc."subjectId" = rs."subjectId"
           WHERE rs."planId" = ${planId}::uuid AND rs."ticketNumber" = ANY(${tickets}::text[])`
      : Promise.resolve([]),
    pairs.length
      ? sql<Found>`
          SELECT rs."registrationId", rs."subjectId", rs."ticketNumber", r."idNumber", s.code, rs."roomId" IS NOT NULL AS placed, sc.mark, sc.score::text
            FROM unnest(${pairs.map((p) => p.idNumber)}::text[], ${pairs.map((p) => p.subjectCode)}::text[]) AS q(id_number, code)
            JOIN "Registration" r ON r."planId" = ${planId}::uuid AND r."idNumber" = q.id_number
            JOIN "ExamSubject" s ON s.code = q.code
            JOIN "RegistrationSubject" rs ON rs."registrationId" = r.id AND rs."subjectId" = s.id
            LEFT JOIN "SubjectScore" sc ON sc."registrationId" = rs."registrationId" AND sc."subjectId" = rs."subjectId"`
      : Promise.resolve([]),
  ]);
  return [...byTicket, ...byPerson];
}

export const scoreImport: ImportSpec<Row, Ctx, ScoreWrite, OrgScope> = {
  kind: "SUBJECT_SCORES",
  title: "科目成绩导入",
  columns: [
    { key: "ticket", header: "准考证号", width: 24, example: "11000101260100010001", text: true, note: "填写准考证号时可不填证件号码和科目编号" },
    { key: "name", header: "姓名", width: 12, example: "王玉霞", note: "仅供核对，不导入" },
    { key: "idNumber", header: "证件号码", width: 22, example: "", text: true, note: "不填准考证号时必填，与报考信息一致" },
    { key: "subjectCode", header: "科目编号", width: 16, example: "", text: true, note: "不填准考证号时必填，「考试科目」中的科目编号" },
    { key: "score", header: "成绩", width: 10, example: "86.5", note: "0 至科目满分，最多一位小数；缺考、违纪不填" },
    { key: "mark", header: "考试状态", width: 12, example: "正常", options: ["正常", "缺考", "违纪"], note: "不填视为正常" },
  ],
  context: async (db, who, params, now) => {
    const c = await contextOf(db, who, params, now);
    if (!c.ok) throw new SheetError(c.error);
    return c.value;
  },
  check: (cells, ctx) => {
    const ticket = cleanCell(cells.ticket);
    const idNumber = cleanIdNumber(cells.idNumber);
    const subjectCode = cleanCell(cells.subjectCode);
    if (!ticket && (!idNumber || !subjectCode)) return { ok: false, error: "请填写准考证号，或证件号码和科目编号" };
    if (!ticket && !ctx.subjects.has(subjectCode)) return { ok: false, error: "该考试计划中没有该科目编号" };
    const mark = markOf(cleanCell(cells.mark));
    if (!mark) return { ok: false, error: "考试状态只能为正常、缺考或违纪" };
    return { ok: true, value: { ticket, idNumber, subjectCode, mark, scoreText: cleanCell(cells.score) } };
  },
  key: (v) => v.ticket || `${v.idNumber}|${v.subjectCode}`,
  checkBatch: async ({ sql }, rows, ctx, now) => {
    const found = await findSittings(sql, ctx.plan.id, rows);
    const byTicket = new Map(found.filter((f) => f.ticketNumber).map((f) => [f.ticketNumber!, f]));
    const byPerson = new Map(found.map((f) => [`${f.idNumber}|${f.code}`, f]));
    const fullOf = new Map([...ctx.subjects.values()].map((s) => [s.id, s.fullScore]));
    return rows.map((r): Checked<ScoreWrite> => {
      const f = r.ticket ? byTicket.get(r.ticket) : byPerson.get(`${r.idNumber}|${r.subjectCode}`);
      if (!f) return { ok: false, error: r.ticket ? "该考试计划中没有该准考证号" : "该考生未在该考试计划中报考该科目" };
      if (r.ticket && r.idNumber && r.idNumber !== f.idNumber) return { ok: false, error: "准考证号与证件号码不符" };
      if (r.ticket && r.subjectCode && r.subjectCode !== f.code) return { ok: false, error: "准考证号与科目编号不符" };
      if (!f.placed) return { ok: false, error: "该考生该科目未排考，不能登记成绩" };
      const e = entryOf(r.mark, r.scoreText, fullOf.get(f.subjectId) ?? 100);
      if (!e.ok) return e;
      const changes = f.mark !== null && (f.mark !== e.mark || (f.score === null ? null : Number(f.score)) !== e.score);
      const problem = changes ? overwriteProblem(ctx.plan, now) : null;
      if (problem) return { ok: false, error: problem };
      return { ok: true, value: { registrationId: f.registrationId, subjectId: f.subjectId, planId: ctx.plan.id, mark: e.mark, score: e.score } };
    });
  },
  write: async ({ sql }, rows, ctx, now, importId) => {
    await writeScores(sql, rows, { now, userId: ctx.userId, importId, reason: "重新导入" });
  },
};

/** The route's check of the chosen plan before the upload. */
export async function scoreImportProblem(db: Db, who: Importer<OrgScope>, params: unknown, now: Date): Promise<string | null> {
  const c = await contextOf(db, who, params, now);
  return c.ok ? null : c.error;
}
