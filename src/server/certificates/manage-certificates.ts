// An org maintains its own certificates (证书管理): basic information while stopped, enable/disable,
// levels, corresponding majors and exam subjects. The org comes from the session; other orgs' ids are not found.
import { subjectScoresProblem, targetGroupProblem } from "@/domain/exams/subject";
import type { UseCaseCtx } from "@/server/use-case";
import { writeAudit } from "@/server/audit/write";
import { badRequest, conflict, notFound } from "@/server/errors";
import { scopeFor } from "@/server/tenancy";
import type { CertificateLevelName, ExamMode } from "@/generated/prisma/enums";
import { certificateCodeProblem, levelCode, subjectCodeProblem } from "@/domain/catalogue/codes";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { recordCertificateDefinitions } from "@/server/ledger/certificate-definitions";

async function ownCertificate({ db, scope }: UseCaseCtx, id: string) {
  const { orgId } = scopeFor(scope, "org");
  const c = await db.certificate.findFirst({ where: { id, orgId }, include: { levels: true } });
  if (!c) throw notFound("证书不存在或不属于本机构");
  return c;
}

export type CertificateInfo = {
  batch: string;
  category: string;
  examModes: ExamMode[];
  examTimeNote?: string | null;
  hours?: number | null;
  credits?: number | null;
  targetGroups?: string | null;
  requirements?: string | null;
  intro?: string | null;
  englishName?: string | null;
  englishIntro?: string | null;
  skillStandardId?: string | null;
  siteStandardId?: string | null;
  sampleFileId?: string | null;
};

async function checkInfo({ db, scope, actor: u }: UseCaseCtx, v: CertificateInfo) {
  const { orgId } = scopeFor(scope, "org");
  if (!v.batch.trim() || !v.category.trim()) throw badRequest("请填写所属批次和专业大类");
  if (v.examModes.length === 0) throw badRequest("请至少选择一种考试方式");
  if (v.hours != null && (v.hours < 1 || v.hours > 2000)) throw badRequest("学时应在 1–2000 之间");
  if (v.credits != null && (v.credits < 0 || v.credits > 100)) throw badRequest("建议学分应在 0–100 之间");
  if (v.skillStandardId && !(await db.skillStandard.count({ where: { id: v.skillStandardId, orgId } }))) throw badRequest("只能关联本机构的职业技能等级标准");
  if (v.siteStandardId && !(await db.siteStandard.count({ where: { id: v.siteStandardId, orgId } }))) throw badRequest("只能关联本机构的考核站点建设标准");
  if (v.sampleFileId && !(await db.storedFile.count({ where: { id: v.sampleFileId, purpose: "CERTIFICATE_SAMPLE", ownerUserId: u.id } })))
    throw badRequest("证书样本文件不存在，请重新上传");
}

const infoData = (v: CertificateInfo) => ({
  batch: v.batch.trim(),
  category: v.category.trim(),
  examModes: [...new Set(v.examModes)],
  examTimeNote: v.examTimeNote || null,
  hours: v.hours ?? null,
  credits: v.credits ?? null,
  targetGroups: v.targetGroups || null,
  requirements: v.requirements || null,
  intro: v.intro || null,
  englishName: v.englishName || null,
  englishIntro: v.englishIntro || null,
  skillStandardId: v.skillStandardId || null,
  siteStandardId: v.siteStandardId || null,
  ...(v.sampleFileId !== undefined ? { sampleFileId: v.sampleFileId } : {}),
});

export async function createCertificate({
  ctx: deps,
  input,
}: {
  ctx: UseCaseCtx;
  input: CertificateInfo & { code: string; name: string; levels: CertificateLevelName[] };
}) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db, clock } = deps;
  const { orgId } = scopeFor(deps.scope, "org");
  const code = input.code.trim();
  const name = input.name.trim();
  const codeProblem = certificateCodeProblem(code);
  if (codeProblem) throw badRequest(codeProblem);
  if (!name.endsWith("职业技能等级证书")) throw badRequest("证书名称应以“职业技能等级证书”结尾");
  if (input.levels.length === 0) throw badRequest("请至少选择一个证书等级");
  await checkInfo(deps, input);
  if (await db.certificate.findFirst({ where: { OR: [{ code }, { name }] }, select: { id: true } })) throw conflict("证书代码或名称已存在");
  return db.$transaction(async (tx) => {
    const c = await tx.certificate.create({
      data: {
        code,
        name,
        orgId,
        status: "DISABLED",
        openedAt: clock.now(),
        ...infoData(input),
        levels: { create: [...new Set(input.levels)].map((level) => ({ level, code: levelCode(code, level) })) },
      },
    });
    await recordCertificateDefinitions(tx, [c.id], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: "certificate.create",
      targetType: "Certificate",
      targetId: c.id,
      summary: `新增证书 ${code} ${name}`,
      ip: meta.ip,
    });
    return { id: c.id };
  });
}

export async function updateCertificate({ ctx: deps, input }: { ctx: UseCaseCtx; input: CertificateInfo & { id: string } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const c = await ownCertificate(deps, input.id);
  if (c.status !== "DISABLED") throw badRequest("请先停用该证书，再修改基本信息");
  await checkInfo(deps, input);
  await db.$transaction(async (tx) => {
    await tx.certificate.update({ where: { id: c.id }, data: infoData(input) });
    await recordCertificateDefinitions(tx, [c.id], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: "certificate.update",
      targetType: "Certificate",
      targetId: c.id,
      summary: `修改证书 ${c.code} 基本信息`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

export async function setCertificateStatus({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; enabled: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const c = await ownCertificate(deps, input.id);
  const want = input.enabled ? "ENABLED" : "DISABLED";
  if (c.status === want) throw badRequest(input.enabled ? "该证书已是启用状态" : "该证书已是停用状态");
  if (input.enabled && c.levels.length === 0) throw badRequest("证书至少要有一个等级才能启用");
  await db.$transaction(async (tx) => {
    const r = await tx.certificate.updateMany({ where: { id: c.id, status: c.status }, data: { status: want } });
    if (r.count === 0) throw conflict("证书状态已被他人修改，请刷新后重试");
    await recordCertificateDefinitions(tx, [c.id], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: input.enabled ? "certificate.enable" : "certificate.disable",
      targetType: "Certificate",
      targetId: c.id,
      summary: `${input.enabled ? "启用" : "停用"}证书 ${c.code}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

export async function addCertificateLevel({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; level: CertificateLevelName } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const c = await ownCertificate(deps, input.id);
  if (c.levels.some((l) => l.level === input.level)) throw conflict("该等级已存在");
  return db.$transaction(async (tx) => {
    const l = await tx.certificateLevel.create({ data: { certificateId: c.id, level: input.level, code: levelCode(c.code, input.level) } });
    await recordCertificateDefinitions(tx, [c.id], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: "certificate.level.add",
      targetType: "Certificate",
      targetId: c.id,
      summary: `证书 ${c.code} 增加${LEVEL_LABELS[input.level]}（${levelCode(c.code, input.level)}）`,
      ip: meta.ip,
    });
    return { id: l.id };
  });
}

export async function setCertificateMajors({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; majorIds: string[] } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const c = await ownCertificate(deps, input.id);
  const ids = [...new Set(input.majorIds)];
  if ((await db.major.count({ where: { id: { in: ids } } })) !== ids.length) throw badRequest("所选专业不在专业目录中");
  await db.$transaction(async (tx) => {
    await tx.certificateMajor.deleteMany({ where: { certificateId: c.id } });
    await tx.certificateMajor.createMany({ data: ids.map((majorId) => ({ certificateId: c.id, majorId })) });
    await recordCertificateDefinitions(tx, [c.id], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: "certificate.majors",
      targetType: "Certificate",
      targetId: c.id,
      summary: `设置证书 ${c.code} 的对应专业（${ids.length} 个）`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}

export type SubjectInput = {
  code: string;
  name: string;
  examMode: ExamMode;
  durationMinutes: number;
  targetGroup: string;
  fullScore: number;
  passScore: number;
};

function checkSubject(v: SubjectInput, ofLevel: string) {
  const codeProblem = subjectCodeProblem(v.code, ofLevel);
  if (codeProblem) throw badRequest(codeProblem);
  if (v.name.trim().length < 2) throw badRequest("请填写科目名称");
  if (v.durationMinutes < 10 || v.durationMinutes > 600) throw badRequest("考试时长应在 10–600 分钟之间");
  const problem = targetGroupProblem(v.targetGroup) ?? subjectScoresProblem(v.fullScore, v.passScore);
  if (problem) throw badRequest(problem);
}

export async function addSubject({ ctx: deps, input }: { ctx: UseCaseCtx; input: SubjectInput & { levelId: string } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const { orgId } = scopeFor(deps.scope, "org");
  const level = await db.certificateLevel.findFirst({ where: { id: input.levelId, certificate: { orgId } }, include: { certificate: true } });
  if (!level) throw notFound("证书等级不存在或不属于本机构");
  checkSubject(input, level.code);
  if (await db.examSubject.findUnique({ where: { code: input.code }, select: { id: true } })) throw conflict("科目编号已存在");
  return db.$transaction(async (tx) => {
    const s = await tx.examSubject.create({
      data: {
        code: input.code,
        name: input.name.trim(),
        examMode: input.examMode,
        durationMinutes: input.durationMinutes,
        targetGroup: input.targetGroup.trim(),
        fullScore: input.fullScore,
        passScore: input.passScore,
        certificateLevelId: level.id,
      },
    });
    await recordCertificateDefinitions(tx, [level.certificateId], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: "subject.create",
      targetType: "ExamSubject",
      targetId: s.id,
      summary: `新增考试科目 ${input.code} ${input.name}`,
      ip: meta.ip,
    });
    return { id: s.id };
  });
}

export async function setSubjectStatus({ ctx: deps, input }: { ctx: UseCaseCtx; input: { id: string; enabled: boolean } }) {
  const u = deps.actor;
  const meta = deps.meta;
  const { db } = deps;
  const { orgId } = scopeFor(deps.scope, "org");
  const s = await db.examSubject.findFirst({
    where: { id: input.id, certificateLevel: { certificate: { orgId } } },
    include: { certificateLevel: { select: { certificateId: true } } },
  });
  if (!s) throw notFound("科目不存在或不属于本机构");
  await db.$transaction(async (tx) => {
    await tx.examSubject.update({ where: { id: s.id }, data: { status: input.enabled ? "ENABLED" : "DISABLED" } });
    await recordCertificateDefinitions(tx, [s.certificateLevel.certificateId], deps.clock.now());
    await writeAudit(tx, {
      actor: u,
      action: input.enabled ? "subject.enable" : "subject.disable",
      targetType: "ExamSubject",
      targetId: s.id,
      summary: `${input.enabled ? "启用" : "停用"}考试科目 ${s.code}`,
      ip: meta.ip,
    });
  });
  return { ok: true };
}
