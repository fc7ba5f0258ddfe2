// 批量导入考生信息 through the shared pipeline: the form's rules per row, then ID-number uniqueness and the
// major per batch, then candidates and student accounts written batch by batch.
import type { ImportSpec } from "@/server/imports/pipeline";
import { cleanCandidate, type CandidateInput } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS } from "@/domain/candidates/identity";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";
import { insertCandidates, pinyinOf } from "./save-candidate";
import { sqlOf } from "@/server/db";
import { loadMajors, resolveCandidates, type MajorIndex, type Resolved } from "./resolve";

export const candidateImport: ImportSpec<CandidateInput, { schoolId: string; userId: string; majors: MajorIndex }, Resolved> = {
  kind: "CANDIDATES",
  title: "考生信息导入",
  columns: [
    { key: "type", header: "考生类型", example: "院校考生", options: ["院校考生", "社会考生"] },
    { key: "name", header: "姓名", example: "张三" },
    { key: "pinyin", header: "姓名拼音", example: "zhang san", note: "可不填，按姓名自动生成" },
    { key: "gender", header: "性别", example: "男", options: ["男", "女"] },
    { key: "idType", header: "证件类型", width: 24, example: "居民身份证", options: Object.values(ID_TYPE_LABELS) },
    { key: "idNumber", header: "证件号码", width: 24, example: "110108200503011237", text: true, note: "请保持文本格式，末位 X 大小写均可" },
    { key: "phone", header: "手机号", width: 16, example: "13600000001", text: true },
    { key: "enrolYear", header: "入学年份", example: "2024" },
    { key: "majorLevel", header: "专业层次", example: "高职专科", options: Object.values(MAJOR_LEVEL_LABELS) },
    { key: "majorCode", header: "专业代码", example: "510201", text: true, note: "专业目录中的专业代码" },
  ],
  // The catalogue once per import, not a query per batch.
  context: async (db, who) => ({ schoolId: who.scope.schoolId, userId: who.actor.id, majors: await loadMajors(sqlOf(db)) }),
  // Pinyin here, not in the write: this step runs while PostgreSQL writes the previous batch.
  check: (cells, _ctx, now) => {
    const c = cleanCandidate(cells, now);
    return c.ok && !c.value.pinyin ? { ok: true, value: { ...c.value, pinyin: pinyinOf(c.value.name) } } : c;
  },
  key: (v) => v.idNumber,
  checkBatch: ({ sql }, rows, ctx) => resolveCandidates(sql, rows, { majors: ctx.majors }),
  write: async ({ sql }, rows, ctx, now, importId) => {
    await insertCandidates(sql, rows, ctx.schoolId, ctx.userId, now, importId);
  },
};
