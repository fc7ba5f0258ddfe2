// 批量导入考场信息 through the shared pipeline: codes as the lists show them (考试计划编号, 考核站点编号, 证书编号,
// 科目编号), the same rules as 设置考场 for each row, the name unique per plan, site and certificate.
import type { ImportSpec } from "@/server/imports/pipeline";
import type { SchoolScope } from "@/server/tenancy";
import { cleanCell } from "@/domain/candidates/identity";
import { roomCreateProblem, roomNameProblem, seatsProblem } from "@/domain/rooms/rules";
import { checkRoom, insertRoom, ROOM_NAME_TAKEN, type CheckedRoom } from "./save-room";

type Row = { planCode: string; siteCode: string; levelCode: string; subjectCodes: string[]; name: string; seats: number; address: string };

export const roomImport: ImportSpec<Row, { scope: SchoolScope; userId: string }, CheckedRoom> = {
  kind: "EXAM_ROOMS",
  title: "考场信息导入",
  columns: [
    {
      key: "planCode",
      header: "考试计划编号",
      width: 18,
      example: "202609170028",
      text: true,
      note: "「考试计划」中的计划编号，须为本校参加、尚未进入排考的计划",
    },
    { key: "siteCode", header: "考核站点编号", width: 16, example: "110000001", text: true, note: "本校审核通过的考核站点，或分配给本校借考的考核站点" },
    { key: "levelCode", header: "证书编号", width: 14, example: "60000011", text: true, note: "证书代码加等级位（1 初级、2 中级、3 高级）" },
    { key: "subjectCodes", header: "考试科目编号", width: 28, example: "60000011101", text: true, note: "多个科目用顿号或逗号分隔，须为同一种考试方式" },
    { key: "name", header: "考场名称", width: 20, example: "13 号机房" },
    { key: "seats", header: "考场座位数", example: "40" },
    { key: "address", header: "考场地址", width: 36, example: "实训楼 3 层 301", note: "可不填，默认为考核站点的详细地址" },
  ],
  context: async (_db, who) => ({ scope: who.scope, userId: who.actor.id }),
  check: (cells) => {
    const c = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, cleanCell(v)]));
    const subjectCodes = (cells.subjectCodes ?? "")
      .split(/[、,，;；\s]+/)
      .map(cleanCell)
      .filter(Boolean);
    for (const [k, label] of [
      ["planCode", "考试计划编号"],
      ["siteCode", "考核站点编号"],
      ["levelCode", "证书编号"],
    ] as const)
      if (!c[k]) return { ok: false, error: `请填写${label}` };
    if (subjectCodes.length === 0) return { ok: false, error: "请填写考试科目编号" };
    const name = (cells.name ?? "").trim();
    const seats = /^\d+$/.test(c.seats ?? "") ? Number(c.seats) : NaN;
    const problem = roomNameProblem(name) ?? seatsProblem(seats);
    if (problem) return { ok: false, error: problem };
    return {
      ok: true,
      value: { planCode: c.planCode, siteCode: c.siteCode, levelCode: c.levelCode, subjectCodes, name, seats, address: (cells.address ?? "").trim() },
    };
  },
  key: (v) => `${v.planCode}|${v.siteCode}|${v.levelCode}|${v.name}`,
  checkBatch: async ({ db }, rows, { scope }, now) => {
    const uniq = <T>(xs: T[]) => [...new Set(xs)];
    const [plans, sites, levels, subjects] = await Promise.all([
      db.examPlan.findMany({ where: { code: { in: uniq(rows.map((r) => r.planCode)) }, schools: { some: { schoolId: scope.schoolId } } } }),
      db.assessmentSite.findMany({ where: { code: { in: uniq(rows.map((r) => r.siteCode)) } }, select: { id: true, code: true } }),
      db.certificateLevel.findMany({ where: { code: { in: uniq(rows.map((r) => r.levelCode)) } }, select: { id: true, code: true } }),
      db.examSubject.findMany({ where: { code: { in: uniq(rows.flatMap((r) => r.subjectCodes)) } }, select: { id: true, code: true } }),
    ]);
    const taken = await db.examRoom.findMany({
      where: { planId: { in: plans.map((p) => p.id) }, name: { in: uniq(rows.map((r) => r.name)) } },
      select: { planId: true, siteId: true, certificateLevelId: true, name: true },
    });
    const out = [];
    const places = new Map();
    for (const r of rows) {
      const plan = plans.find((p) => p.code === r.planCode);
      const site = sites.find((s) => s.code === r.siteCode);
      const level = levels.find((l) => l.code === r.levelCode);
      const missing = r.subjectCodes.filter((c) => !subjects.some((s) => s.code === c));
      if (!plan) out.push({ ok: false as const, error: `考试计划 ${r.planCode} 不存在或本校未参加` });
      else if (roomCreateProblem(plan, now)) out.push({ ok: false as const, error: roomCreateProblem(plan, now)! });
      else if (!site) out.push({ ok: false as const, error: `考核站点 ${r.siteCode} 不存在` });
      else if (!level) out.push({ ok: false as const, error: `证书编号 ${r.levelCode} 不存在` });
      else if (missing.length) out.push({ ok: false as const, error: `考试科目 ${missing.join("、")} 不存在` });
      else if (taken.some((t) => t.planId === plan.id && t.siteId === site.id && t.certificateLevelId === level.id && t.name === r.name))
        out.push({ ok: false as const, error: ROOM_NAME_TAKEN });
      else
        out.push(
          await checkRoom(
            db,
            scope,
            {
              planId: plan.id,
              siteId: site.id,
              certificateLevelId: level.id,
              subjectIds: subjects.filter((s) => r.subjectCodes.includes(s.code)).map((s) => s.id),
              name: r.name,
              seats: r.seats,
              address: r.address || null,
            },
            places,
          ),
        );
    }
    return out;
  },
  write: async ({ tx }, rows, { scope, userId }, now, importId) => {
    for (const r of rows) await insertRoom(tx, r, { schoolId: scope.schoolId, createdById: userId, importId, createdAt: now });
  },
};
