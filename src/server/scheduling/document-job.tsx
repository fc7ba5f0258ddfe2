// The worker's half of 考场资料: the same scoped reads as the request (documents.ts), the candidates' photos from
// storage, a QR code per ticket, one render with the PDF toolkit, the file stored for the requester.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { getStorage, newKey, type Storage } from "@/server/storage";
import { maskIdNumber } from "@/domain/auth/mask";
import { GENDER_LABELS } from "@/domain/candidates/rules";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { renderPdf, qrDataUrl } from "@/server/pdf/toolkit";
import { DeskStickersDocument, DoorSignsDocument, SignInSheetsDocument, TicketsDocument, type RoomSheet, type TicketData } from "@/server/pdf/exam-documents";
import { fileReady, fileStamp } from "@/server/exports/file-ready";
import { examTime } from "./list";
import { ticketCheckUrl } from "./ticket-check";
import { DOCUMENT_LABELS, schedulesOf, sittingsOf, type DocumentJob } from "./documents";
import { log } from "@/server/log";

async function photosOf(db: Db, storage: Storage, ids: (string | null)[]) {
  const files = await db.storedFile.findMany({ where: { id: { in: ids.filter((x): x is string => !!x) } }, select: { id: true, key: true } });
  const out = new Map<string, Buffer>();
  // A missing photo file leaves the box empty rather than failing the whole room.
  for (let i = 0; i < files.length; i += 50)
    await Promise.all(files.slice(i, i + 50).map(async (f) => out.set(f.id, await storage.readBuffer(f.key).catch(() => Buffer.alloc(0)))));
  return (id: string | null) => (id && out.get(id)?.length ? out.get(id)! : null);
}

type Sitting = Awaited<ReturnType<typeof sittingsOf>>[number];

export async function ticketsOf(sittings: Sitting[], photo: (id: string | null) => Buffer | null): Promise<TicketData[]> {
  return Promise.all(
    sittings.map(async (x) => {
      const level = x.planSubject.subject.certificateLevel;
      return {
        ticketNumber: x.ticketNumber!,
        name: x.registration.name,
        idNumberMasked: maskIdNumber(x.registration.idNumber),
        gender: GENDER_LABELS[x.registration.gender],
        school: x.registration.school.name,
        photo: photo(x.registration.photoFileId),
        org: x.planSubject.plan.org.name,
        plan: x.planSubject.plan.name,
        certificate: `${level.certificate.name}（${LEVEL_LABELS[level.level]}）`,
        subject: `${x.planSubject.subject.name}（${x.planSubject.subject.code}）`,
        time: examTime(x.planSubject),
        site: x.site?.name ?? "",
        room: x.room!.name,
        address: x.room!.address ?? x.site?.address ?? "",
        seat: x.seat!,
        qr: await qrDataUrl(ticketCheckUrl(x.ticketNumber!)),
      };
    }),
  );
}

function sheetsOf(
  schedules: NonNullable<Awaited<ReturnType<typeof schedulesOf>>>,
  sittings: Sitting[],
  photo: (id: string | null) => Buffer | null,
  staff: Map<string, string[]>,
): RoomSheet[] {
  return schedules.map((s) => {
    const list = sittings.filter((x) => x.roomId === s.roomId && x.subjectId === s.subjectId).sort((a, b) => a.seat! - b.seat!);
    const level = list[0]?.planSubject.subject.certificateLevel;
    return {
      room: s.room.name,
      site: s.site.name,
      address: s.room.address ?? s.site.address,
      certificate: level ? `${level.certificate.name}（${LEVEL_LABELS[level.level]}）` : "",
      subject: s.planSubject.subject.name,
      subjectCode: s.planSubject.subject.code,
      time: examTime(s.planSubject),
      ticketRange: `${s.firstTicket}~${s.lastTicket}`,
      invigilators: staff.get(`${s.roomId}|${s.subjectId}`) ?? [],
      candidates: list.map((x) => ({
        seat: x.seat!,
        name: x.registration.name,
        idNumberMasked: maskIdNumber(x.registration.idNumber),
        ticketNumber: x.ticketNumber!,
        school: x.registration.school.name,
        photo: photo(x.registration.photoFileId),
      })),
    };
  });
}

/** Builds the PDF a job asks for: the same scoped reads as the request, then one render. */
export async function buildDocument(
  deps: { db: Db; storage?: Storage },
  job: Pick<DocumentJob, "scope" | "target">,
  progress?: (n: number) => Promise<unknown>,
) {
  const { db } = deps;
  const storage = deps.storage ?? getStorage();
  const schedules = await schedulesOf(db, job.scope, job.target);
  const sittings = await sittingsOf(db, job.scope, job.target, schedules);
  const photo = await photosOf(
    db,
    storage,
    sittings.map((x) => x.registration.photoFileId),
  );
  await progress?.(Math.floor(sittings.length / 2));
  const kind = job.target.kind;
  if (kind === "TICKETS") return { pdf: await renderPdf(<TicketsDocument tickets={await ticketsOf(sittings, photo)} />), count: sittings.length, schedules };
  const duties = await db.examDuty.findMany({
    where: { role: "INVIGILATOR", OR: schedules!.map((s) => ({ roomId: s.roomId, subjectId: s.subjectId })) },
    orderBy: { createdAt: "asc" },
    select: { roomId: true, subjectId: true, invigilator: { select: { teacher: { select: { name: true } } } } },
  });
  const staff = new Map<string, string[]>();
  for (const d of duties) staff.set(`${d.roomId}|${d.subjectId}`, [...(staff.get(`${d.roomId}|${d.subjectId}`) ?? []), d.invigilator.teacher.name]);
  const rooms = sheetsOf(schedules!, sittings, photo, staff);
  const doc =
    kind === "DOOR_SIGNS" ? (
      <DoorSignsDocument rooms={rooms} />
    ) : kind === "DESK_STICKERS" ? (
      <DeskStickersDocument rooms={rooms} />
    ) : (
      <SignInSheetsDocument rooms={rooms} />
    );
  return { pdf: await renderPdf(doc), count: sittings.length, schedules };
}

export async function runDocumentJob(deps: { db: Db; clock: Clock; storage?: Storage }, job: DocumentJob): Promise<void> {
  const { db, clock } = deps;
  const rec = await db.exportRecord.findUnique({ where: { id: job.exportId } });
  if (!rec || rec.status !== "RUNNING") return;
  const storage = deps.storage ?? getStorage();
  try {
    const beat = (processed: number) => db.exportRecord.update({ where: { id: rec.id }, data: { processed, heartbeatAt: clock.now() } });
    const { pdf, count, schedules } = await buildDocument({ db, storage }, job, beat);
    const now = clock.now();
    const key = newKey("export", "pdf", now);
    const size = await storage.put(key, pdf);
    const label = DOCUMENT_LABELS[job.target.kind];
    const where = schedules?.length === 1 ? `_${schedules[0].room.name}` : schedules ? `_${schedules[0].site.name}` : "";
    await fileReady(
      db,
      job,
      { key, size, filename: `${label}${where}_${fileStamp(now)}.pdf`, contentType: "application/pdf", count },
      { action: "document.generate", summary: `生成${label}（${count} 人）` },
      now,
    );
  } catch (e) {
    const known = ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes((e as { code?: string }).code ?? "");
    if (!known) log.error({ err: e }, "exam-day documents failed");
    await db.exportRecord.updateMany({
      where: { id: rec.id, status: "RUNNING" },
      data: { status: "FAILED", message: known ? (e as Error).message : "生成失败，请稍后重试", finishedAt: clock.now() },
    });
  }
}
