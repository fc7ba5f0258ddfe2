// 批量导入报考 (002 §5.2.6): 按证书导入 (the plan chosen first; each row a candidate and a 证书编号, all the level's
// subjects) and 按科目导入 (plan and certificate level chosen first; each row a candidate, the subjects and, for a
// subject of a named direction, the 参考对象). Both through the shared pipeline; the quota is decided in the write, counted once per import under its lock.
import { z } from "zod";
import type { Db } from "@/server/db";
import { SheetError } from "@/server/imports/read-sheet";
import type { ImportSpec, Importer } from "@/server/imports/pipeline";
import { cleanCell, cleanIdNumber, cleanName } from "@/domain/candidates/identity";
import { registrationContext, type RegistrationContext, type RegistrationLevel } from "./context";
import { checkRegistrationRows, placeRegistrations, type LevelUse, type PlacedRow, type RegistrationRow } from "./place";

const paramsSchema = z.strictObject({ planId: z.uuid("请选择考试计划"), certificateLevelId: z.uuid("请选择考核证书").optional() });
type Ctx = { reg: RegistrationContext; fixedLevel?: RegistrationLevel; userId: string; held: Map<string, LevelUse> };

async function contextOf(
  db: Db,
  who: Importer,
  params: unknown,
  now: Date,
  bySubject: boolean,
): Promise<{ ok: true; value: Ctx } | { ok: false; error: string }> {
  const p = paramsSchema.safeParse(params);
  if (!p.success) return { ok: false, error: bySubject ? "请先选择考试计划和考核证书" : "请先选择考试计划" };
  const c = await registrationContext(db, who.scope, who.actor.id, p.data.planId, now);
  if (!c.ok) return c;
  const mode = c.value.plan.registrationMode;
  if (bySubject && mode !== "BY_SUBJECT") return { ok: false, error: "该考试计划为按证书报考，请使用「按证书导入」" };
  if (!bySubject && mode !== "BY_CERTIFICATE") return { ok: false, error: "该考试计划为按科目报考，请使用「按科目导入」" };
  if (c.value.levels.length === 0) return { ok: false, error: "该考试计划中没有您可报考的证书" };
  if (!bySubject) return { ok: true, value: { reg: c.value, userId: who.actor.id, held: new Map() } };
  const fixedLevel = c.value.levels.find((l) => l.id === p.data.certificateLevelId);
  if (!fixedLevel) return { ok: false, error: "请选择该考试计划中的考核证书" };
  return { ok: true, value: { reg: c.value, fixedLevel, userId: who.actor.id, held: new Map() } };
}

const person = [
  { key: "name", header: "姓名", width: 12, example: "王玉霞" },
  { key: "idNumber", header: "证件号码", width: 22, example: "110101200501010011", text: true, note: "与「考生管理」中的证件号码一致；考生须为本校、信息准确" },
];

function spec(bySubject: boolean): ImportSpec<RegistrationRow, Ctx, PlacedRow> {
  return {
    kind: bySubject ? "REGISTRATIONS_BY_SUBJECT" : "REGISTRATIONS_BY_CERTIFICATE",
    title: bySubject ? "报考信息导入（按科目）" : "报考信息导入（按证书）",
    columns: bySubject
      ? [
          ...person,
          {
            key: "subjectCodes",
            header: "考试科目编号",
            width: 30,
            example: "600000111101",
            text: true,
            note: "「考试科目」中的科目编号，多个用顿号或逗号分隔",
          },
          { key: "declared", header: "参考对象", width: 18, example: "", note: "科目的参考对象为某一专业方向时填写，与科目的参考对象一致" },
        ]
      : [
          ...person,
          {
            key: "levelCode",
            header: "证书编号",
            width: 14,
            example: "60000011",
            text: true,
            note: "证书代码加等级位（1 初级、2 中级、3 高级），须在所选考试计划中",
          },
        ],
    context: async (db, who, params, now) => {
      const c = await contextOf(db, who, params, now, bySubject);
      if (!c.ok) throw new SheetError(c.error);
      return c.value;
    },
    check: (cells) => {
      const name = cleanName(cells.name);
      const idNumber = cleanIdNumber(cells.idNumber);
      if (!name) return { ok: false, error: "请填写姓名" };
      if (!idNumber) return { ok: false, error: "请填写证件号码" };
      const subjectCodes = (cells.subjectCodes ?? "")
        .split(/[、,，;；\s]+/)
        .map(cleanCell)
        .filter(Boolean);
      const levelCode = bySubject ? null : cleanCell(cells.levelCode);
      if (!bySubject && !levelCode) return { ok: false, error: "请填写证书编号" };
      if (bySubject && subjectCodes.length === 0) return { ok: false, error: "请填写考试科目编号" };
      return { ok: true, value: { name, idNumber, levelCode, subjectCodes, declared: cleanName(cells.declared) || null } };
    },
    // One candidate once per level in a file (按科目: the level is the chosen one).
    key: (v) => `${v.idNumber}|${v.levelCode ?? ""}`,
    checkBatch: ({ sql }, rows, ctx) => checkRegistrationRows(sql, rows, ctx.reg, ctx.fixedLevel),
    write: ({ sql }, rows, ctx, now, importId) => placeRegistrations(sql, rows, ctx.reg, { now, importId, createdById: ctx.userId }, ctx.held),
  };
}

export const registrationByCertificateImport = spec(false);
export const registrationBySubjectImport = spec(true);

/** The route's check of what was chosen before the upload: refused at once, with the reason. */
export const registrationImportProblem = (bySubject: boolean) => async (db: Db, who: Importer, params: unknown, now: Date) => {
  const c = await contextOf(db, who, params, now, bySubject);
  return c.ok ? null : c.error;
};
