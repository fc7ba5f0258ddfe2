// 批量导入监考人员 through the shared pipeline: a teacher of the roster (by ID number) and the certificates (by
// 证书代码) the school pilots; a teacher already an invigilator gets the new certificates added.
import type { ImportSpec } from "@/server/imports/pipeline";
import type { SchoolScope } from "@/server/tenancy";
import { cleanCell, cleanIdNumber } from "@/domain/candidates/identity";
import { pilotCertificatesWhere } from "@/server/catalogue/pilots";

type Row = { idNumber: string; name: string; codes: string[] };
type Ready = { teacherId: string; invigilatorId: string | null; add: { certificateId: string; orgId: string }[] };

export const invigilatorImport: ImportSpec<Row, { scope: SchoolScope }, Ready> = {
  kind: "INVIGILATORS",
  title: "监考人员导入",
  columns: [
    { key: "name", header: "姓名", example: "王老师", note: "须与「教师管理」中的姓名一致" },
    { key: "idNumber", header: "证件号码", width: 24, example: "110108198003011228", text: true, note: "「教师管理」中已登记的教师" },
    { key: "codes", header: "监考证书代码", width: 28, example: "6000001、6000003", text: true, note: "7 位证书代码，多个用顿号分隔；须为本校试点的证书" },
  ],
  context: async (_db, who) => ({ scope: who.scope }),
  check: (cells) => {
    const idNumber = cleanIdNumber(cells.idNumber);
    const name = (cells.name ?? "").replace(/\s+/g, "");
    const codes = [
      ...new Set(
        (cells.codes ?? "")
          .split(/[、,，;；\s]+/)
          .map(cleanCell)
          .filter(Boolean),
      ),
    ];
    if (!name) return { ok: false, error: "请填写姓名" };
    if (!idNumber) return { ok: false, error: "请填写证件号码" };
    if (codes.length === 0) return { ok: false, error: "请填写监考证书代码" };
    if (codes.some((c) => !/^\d{7}$/.test(c))) return { ok: false, error: "监考证书代码应为 7 位数字" };
    return { ok: true, value: { idNumber, name, codes } };
  },
  key: (v) => v.idNumber,
  checkBatch: async ({ db }, rows, { scope }) => {
    const [teachers, certs] = await Promise.all([
      db.teacher.findMany({
        where: { schoolId: scope.schoolId, idNumber: { in: rows.map((r) => r.idNumber) } },
        select: { id: true, name: true, idNumber: true, invigilator: { select: { id: true, certificates: { select: { certificateId: true } } } } },
      }),
      db.certificate.findMany({
        where: { AND: [{ code: { in: [...new Set(rows.flatMap((r) => r.codes))] } }, pilotCertificatesWhere(scope)] },
        select: { id: true, code: true, orgId: true },
      }),
    ]);
    return rows.map((r) => {
      const t = teachers.find((x) => x.idNumber === r.idNumber);
      if (!t) return { ok: false, error: "该证件号码不在本校教师名单中，请先在「教师管理」中添加" };
      if (t.name !== r.name) return { ok: false, error: `姓名与教师名单不一致（名单中为 ${t.name}）` };
      const unknown = r.codes.filter((c) => !certs.some((x) => x.code === c));
      if (unknown.length) return { ok: false, error: `证书代码 ${unknown.join("、")} 不存在或不是本校试点的证书` };
      const have = new Set(t.invigilator?.certificates.map((c) => c.certificateId) ?? []);
      const add = certs.filter((c) => r.codes.includes(c.code) && !have.has(c.id)).map((c) => ({ certificateId: c.id, orgId: c.orgId }));
      if (add.length === 0) return { ok: false, error: "该教师已是这些证书的监考人员" };
      return { ok: true, value: { teacherId: t.id, invigilatorId: t.invigilator?.id ?? null, add } };
    });
  },
  write: async ({ tx }, rows, { scope }, now, importId) => {
    for (const r of rows) {
      const id = r.invigilatorId ?? (await tx.invigilator.create({ data: { schoolId: scope.schoolId, teacherId: r.teacherId, importId, createdAt: now } })).id;
      await tx.invigilatorCertificate.createMany({ data: r.add.map((a) => ({ ...a, invigilatorId: id, createdAt: now })) });
    }
  },
};
