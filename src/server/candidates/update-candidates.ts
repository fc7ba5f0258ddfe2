// 批量修改考生信息: export, fix, re-import. Rows match the school's candidates by ID number; the same rules
// as the form apply, including the lock once 信息准确 (name and ID type stay as they are).
import type { ImportSpec } from "@/server/imports/pipeline";
import { cleanCandidate, lockedChanges, type CandidateInput, type CandidateStatus } from "@/domain/candidates/rules";
import { candidateImport } from "./import-candidates";
import { sqlOf } from "@/server/db";
import { loadMajors, resolveCandidates, type MajorIndex, type Resolved } from "./resolve";
import { pinyinOf } from "./save-candidate";

type Matched = { id: string; userId: string | null; value: Resolved };

export const candidateUpdateImport: ImportSpec<CandidateInput, { schoolId: string; majors: MajorIndex }, Matched> = {
  kind: "CANDIDATE_UPDATES",
  title: "考生信息批量修改",
  columns: candidateImport.columns,
  context: async (db, who) => ({ schoolId: who.scope.schoolId, majors: await loadMajors(sqlOf(db)) }),
  check: (cells, _ctx, now) => cleanCandidate(cells, now),
  key: (v) => v.idNumber,
  checkBatch: async ({ db, sql }, rows, ctx) => {
    const found = await db.candidate.findMany({ where: { schoolId: ctx.schoolId, idNumber: { in: rows.map((r) => r.idNumber) } } });
    const byId = new Map(found.map((c) => [c.idNumber, c]));
    const resolved = await resolveCandidates(sql, rows, { exceptIds: rows.map((r) => byId.get(r.idNumber)?.id ?? null), majors: ctx.majors });
    return rows.map((r, i) => {
      const c = byId.get(r.idNumber);
      if (!c) return { ok: false, error: "本校没有该证件号码的考生（批量修改按证件号码匹配，新考生请用批量导入）" };
      const res = resolved[i];
      if (!res.ok) return res;
      if (lockedChanges(c.status as CandidateStatus, c, { name: r.name, idType: r.idType }).length)
        return { ok: false, error: "考生信息已认证为「信息准确」，姓名和证件类型不能修改" };
      return { ok: true, value: { id: c.id, userId: c.userId, value: res.value } };
    });
  },
  write: async ({ tx }, rows) => {
    for (const m of rows) {
      const v = m.value;
      await tx.candidate.update({
        where: { id: m.id },
        data: {
          type: v.type,
          name: v.name,
          pinyin: v.pinyin || pinyinOf(v.name),
          gender: v.gender,
          idType: v.idType,
          phone: v.phone,
          enrolYear: v.enrolYear,
          majorLevel: v.majorLevelValue,
          majorId: v.majorId,
        },
      });
      if (m.userId) await tx.user.update({ where: { id: m.userId }, data: { name: v.name, phone: v.phone } });
    }
  },
};
