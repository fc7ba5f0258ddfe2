// The worker's half of 发放证书: each record of the run is rendered with the PDF toolkit (photo, seal, principal's
// e-signature, QR code), stored, and moved to 完成发放 with its ledger leaf in one transaction, a chunk at a time,
// with the run's progress. A missing seal, signature or photo lands the record in 盖章失败 with the cause.
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { sqlOf } from "@/server/db";
import type { Clock } from "@/server/clock";
import { writeAudit } from "@/server/audit/write";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { appendLeaves } from "@/server/ledger/append";
import { maskIdNumber } from "@/domain/auth/mask";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { beijingDate, beijingDateZh, registrationWording, issuedLeaf, sealProblem, type IssueMode } from "@/domain/issuance/certificate";
import { renderPdf, qrDataUrl } from "@/server/pdf/toolkit";
import { CertificateDocument, type CertificateData } from "@/server/pdf/certificate";
import { moveIssuances } from "./transition";
import type { IssueJob } from "./issue";
import { verifyUrl } from "./verify-link";
import { log } from "@/server/log";

const CHUNK = 25;
const SYSTEM = "系统（证书生成）";

/** What a certificate prints of its record. */
export const recordSelect = {
  id: true,
  certificateNumber: true,
  idSalt: true,
  schoolId: true,
  registration: {
    select: {
      name: true,
      pinyin: true,
      idNumber: true,
      photoFileId: true,
      candidate: { select: { photoFileId: true } },
      school: { select: { name: true, signatureFileId: true } },
      plan: { select: { examStartsAt: true } },
      certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true, englishName: true } } } },
    },
  },
} as const;

type Loaded = Awaited<ReturnType<typeof loadChunk>>[number];

function loadChunk(db: Db, batchId: string) {
  return db.issuance.findMany({ where: { batchId, status: "GENERATING" }, orderBy: { certificateNumber: "asc" }, take: CHUNK, select: recordSelect });
}

/** Reads each stored image once per run (seals and signatures repeat across records). */
function imageCache(db: Db, storage: Storage) {
  const cache = new Map<string, Promise<Buffer | null>>();
  return (fileId: string | null | undefined) => {
    if (!fileId) return Promise.resolve(null);
    if (!cache.has(fileId))
      cache.set(
        fileId,
        db.storedFile
          .findUnique({ where: { id: fileId }, select: { key: true } })
          .then((f) => (f ? storage.readBuffer(f.key) : null))
          .then((b) => (b?.length ? b : null))
          .catch(() => null),
      );
    return cache.get(fileId)!;
  };
}

/** The certificate's page data, or the cause of 盖章失败. */
export async function certificateData(
  r: Loaded,
  mode: IssueMode,
  images: { seal: Buffer | null; signature: Buffer | null; photo: Buffer | null },
  issuedAt: Date,
): Promise<{ data: CertificateData } | { cause: string }> {
  const problem = sealProblem(mode, { seal: !!images.seal, signature: !!images.signature, photo: !!images.photo });
  if (problem) return { cause: problem };
  const reg = r.registration;
  const level = reg.certificateLevel;
  const w = registrationWording(reg);
  return {
    data: {
      certificateNumber: r.certificateNumber!,
      name: reg.name,
      idNumberMasked: maskIdNumber(reg.idNumber),
      photo: images.photo!,
      certificate: `${level.certificate.name}（${LEVEL_LABELS[level.level]}）`,
      zh: w.zh,
      en: w.en,
      org: "",
      school: reg.school.name,
      issuedOn: beijingDateZh(issuedAt),
      issuedOnEn: beijingDate(issuedAt),
      seal: mode === "ELECTRONIC" ? images.seal : null,
      signature: images.signature!,
      qr: await qrDataUrl(verifyUrl(r.certificateNumber!)),
      paper: mode === "PAPER",
    },
  };
}

export async function runIssueJob(deps: { db: Db; clock: Clock; storage?: Storage }, job: IssueJob): Promise<void> {
  const { db, clock } = deps;
  const batch = await db.issueBatch.findUnique({ where: { id: job.batchId } });
  if (!batch || batch.status !== "RUNNING") return;
  const storage = deps.storage ?? getStorage();
  const image = imageCache(db, storage);
  const org = await db.evaluationOrg.findUniqueOrThrow({ where: { id: batch.orgId }, select: { code: true, name: true, sealFileId: true } });
  const seal = await image(org.sealFileId);
  try {
    for (;;) {
      const records = await loadChunk(db, batch.id);
      if (records.length === 0) break;
      const now = clock.now();
      const done: { r: Loaded; pdf: Buffer; key: string; size: number; filename: string }[] = [];
      const failed: { r: Loaded; cause: string }[] = [];
      for (const r of records) {
        const reg = r.registration;
        const built = await certificateData(
          r,
          batch.mode,
          { seal, signature: await image(reg.school.signatureFileId), photo: await image(reg.photoFileId ?? reg.candidate.photoFileId) },
          now,
        );
        if ("cause" in built) {
          failed.push({ r, cause: built.cause });
          continue;
        }
        const pdf = await renderPdf(<CertificateDocument certificates={[{ ...built.data, org: org.name }]} />);
        const key = newKey("certificate", "pdf", now);
        const size = await storage.put(key, pdf);
        const filename = `${r.certificateNumber}_${reg.name}_${reg.certificateLevel.certificate.name}（${LEVEL_LABELS[reg.certificateLevel.level]}）.pdf`;
        done.push({ r, pdf, key, size, filename: filename.replace(/[\\/:*?"<>|]/g, "_") });
      }
      await db.$transaction(async (tx) => {
        for (const d of done) {
          const f = await tx.storedFile.create({
            data: { key: d.key, purpose: "CERTIFICATE", filename: d.filename, contentType: "application/pdf", size: d.size, ownerUserId: batch.createdById },
          });
          await moveIssuances(
            tx,
            job.scope,
            [d.r.id],
            { kind: "generated" },
            { at: now, actorId: null, actorName: SYSTEM, data: { certificateFileId: f.id, issuedAt: now } },
          );
        }
        for (const x of failed)
          await moveIssuances(
            tx,
            job.scope,
            [x.r.id],
            { kind: "sealFailed", cause: x.cause },
            { at: now, actorId: null, actorName: SYSTEM, data: { failureCause: x.cause } },
          );
        await appendLeaves(
          sqlOf(tx),
          done.map((d) => {
            const reg = d.r.registration;
            return {
              kind: "CERTIFICATE_ISSUED" as const,
              subjectId: d.r.id,
              value: issuedLeaf({
                certificateNumber: d.r.certificateNumber!,
                name: reg.name,
                idNumber: reg.idNumber,
                idSalt: d.r.idSalt ?? randomBytes(16).toString("hex"),
                levelCode: reg.certificateLevel.code,
                certificateName: reg.certificateLevel.certificate.name,
                level: reg.certificateLevel.level,
                orgCode: org.code,
                orgName: org.name,
                issuedAt: now,
                mode: batch.mode,
                pdf: d.pdf,
              }),
            };
          }),
          now,
        );
        await tx.issueBatch.update({
          where: { id: batch.id },
          data: { processed: { increment: records.length }, issued: { increment: done.length }, failed: { increment: failed.length }, heartbeatAt: now },
        });
      });
    }
    const now = clock.now();
    await db.$transaction(async (tx) => {
      const b = await tx.issueBatch.update({ where: { id: batch.id }, data: { status: "DONE", finishedAt: now, heartbeatAt: now } });
      await writeAudit(tx, {
        actor: job.actor,
        ip: job.ip,
        action: "issuance.generated",
        targetType: "IssueBatch",
        targetId: batch.id,
        summary: `证书生成完成：完成发放 ${b.issued} 份，盖章失败 ${b.failed} 份`,
      });
    });
  } catch (e) {
    log.error({ err: e }, "issuing failed");
    await stopRun(db, job, "证书生成异常中止，请重新发放", clock.now());
  }
}

/** Ends a run that cannot go on: its records still in 证书生成中 go to 盖章失败 with the cause, to be issued again. */
export async function stopRun(db: Db, job: Pick<IssueJob, "batchId" | "scope">, cause: string, now: Date) {
  await db.$transaction(async (tx) => {
    const left = await tx.issuance.findMany({ where: { batchId: job.batchId, status: "GENERATING" }, select: { id: true } });
    if (left.length)
      await moveIssuances(
        tx,
        job.scope,
        left.map((r) => r.id),
        { kind: "sealFailed", cause },
        { at: now, actorId: null, actorName: SYSTEM, data: { failureCause: cause } },
      );
    await tx.issueBatch.updateMany({
      where: { id: job.batchId, status: "RUNNING" },
      data: { status: "FAILED", message: cause, processed: { increment: left.length }, failed: { increment: left.length }, finishedAt: now },
    });
  });
}
