// 考场资料 (002 §5.2.8.2): 准考证, 考场门贴, 考场桌贴 and 考场签到表 as PDFs, for one room's sitting or every room of a
// site for a subject. The request checks and queues; the worker renders (document-job.tsx) with progress in an
// ExportRecord, downloadable by the requester for an hour. A school gets tickets of the candidates it may see (a
// borrower its own); door signs, desk stickers and sign-in sheets belong to the school that runs the room (and the
// org). A student gets their own published tickets. Nothing here loads the PDF toolkit (web requests never render).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { badRequest, forbidden, notFound } from "@/server/errors";
import { enqueue } from "@/server/jobs/queue";
import { change, type UseCaseCtx } from "@/server/use-case";
import type { Actor, Scope, StudentScope } from "@/server/tenancy";
import { roomSchedulesWhere, runsRoom, sittingsWhere } from "./scope";
import { roomSittingsWhere } from "./queries";

export const DOCUMENT_LABELS = { TICKETS: "准考证", DOOR_SIGNS: "考场门贴", DESK_STICKERS: "考场桌贴", SIGN_IN_SHEETS: "考场签到表" } as const;
export type DocumentKind = keyof typeof DOCUMENT_LABELS;
const kinds = Object.keys(DOCUMENT_LABELS) as [DocumentKind, ...DocumentKind[]];

export const documentSchema = z.union([
  z.strictObject({ kind: z.enum(kinds), roomScheduleId: z.uuid("考场编排不存在") }),
  z.strictObject({ kind: z.enum(kinds), planId: z.uuid("考试计划不存在"), subjectId: z.uuid("考试科目不存在"), siteId: z.uuid("考核站点不存在") }),
]);
export const studentTicketSchema = z.strictObject({ sittingId: z.uuid("准考证不存在").optional() });
export type DocumentTarget = z.infer<typeof documentSchema> | { kind: "TICKETS"; student: true; sittingId?: string };
export type DocumentJob = { exportId: string; target: DocumentTarget; scope: Scope; actor: Actor; ip: string | null };

const scheduleInclude = {
  room: { select: { name: true, address: true, schoolId: true, site: { select: { schoolId: true } } } },
  site: { select: { name: true, address: true } },
  planSubject: { select: { startsAt: true, endsAt: true, subject: { select: { code: true, name: true } } } },
} satisfies Prisma.RoomScheduleInclude;

export async function schedulesOf(db: Db, scope: Scope, target: DocumentTarget) {
  if ("student" in target) return null;
  const where = "roomScheduleId" in target ? { id: target.roomScheduleId } : { planId: target.planId, subjectId: target.subjectId, siteId: target.siteId };
  const list = await db.roomSchedule.findMany({
    where: { AND: [where, roomSchedulesWhere(scope)] },
    include: scheduleInclude,
    orderBy: { firstTicket: "asc" },
  });
  if (list.length === 0) throw notFound("考场编排不存在");
  if (target.kind !== "TICKETS" && !list.every((s) => runsRoom(scope, s.room))) throw forbidden("考场门贴、桌贴和签到表由承办考场的院校下载");
  return list;
}

/** What a document prints of a sitting. */
export const sittingSelect = {
  id: true,
  roomId: true,
  subjectId: true,
  seat: true,
  ticketNumber: true,
  registration: {
    select: { name: true, idNumber: true, gender: true, photoFileId: true, school: { select: { name: true } } },
  },
  planSubject: {
    select: {
      startsAt: true,
      endsAt: true,
      plan: { select: { name: true, org: { select: { name: true } } } },
      subject: { select: { code: true, name: true, certificateLevel: { select: { level: true, certificate: { select: { name: true } } } } } },
    },
  },
  room: { select: { name: true, address: true } },
  site: { select: { name: true, address: true } },
} satisfies Prisma.RegistrationSubjectSelect;

/** The sittings a document prints, in ticket order. */
export async function sittingsOf(db: Db, scope: Scope, target: DocumentTarget, schedules: Awaited<ReturnType<typeof schedulesOf>>) {
  const where: Prisma.RegistrationSubjectWhereInput = schedules
    ? { OR: schedules.map((s) => roomSittingsWhere(scope, s)) }
    : { AND: [sittingsWhere(scope), { roomId: { not: null } }, "sittingId" in target && target.sittingId ? { id: target.sittingId } : {}] };
  return db.registrationSubject.findMany({
    where,
    orderBy: { ticketNumber: "asc" },
    select: sittingSelect,
  });
}

export async function requestDocument({ ctx, input }: { ctx: UseCaseCtx; input: DocumentTarget }) {
  const schedules = await schedulesOf(ctx.db, ctx.scope, input);
  const total = schedules
    ? (await sittingsOf(ctx.db, ctx.scope, input, schedules)).length
    : await ctx.db.registrationSubject.count({
        where: { AND: [sittingsWhere(ctx.scope), { roomId: { not: null } }, "sittingId" in input && input.sittingId ? { id: input.sittingId } : {}] },
      });
  if (total === 0) throw badRequest("没有可生成的准考证");
  const label = DOCUMENT_LABELS[input.kind];
  const now = ctx.clock.now();
  return change(
    ctx,
    async (tx) => {
      const rec = await tx.exportRecord.create({ data: { list: `document.${input.kind}`, userId: ctx.actor.id, total, createdAt: now, heartbeatAt: now } });
      const job: DocumentJob = { exportId: rec.id, target: input, scope: ctx.scope, actor: ctx.actor, ip: ctx.meta.ip };
      await enqueue(tx, "document", job);
      return { exportId: rec.id, total };
    },
    (r) => ({ action: "document.request", targetType: "ExportRecord", targetId: r.exportId, summary: `申请生成${label}（${total} 人）` }),
  );
}

/** 下载准考证 (student): one published sitting, or all of them. */
export function requestStudentTicket({ ctx, input }: { ctx: UseCaseCtx<StudentScope>; input: z.infer<typeof studentTicketSchema> }) {
  return requestDocument({ ctx, input: { kind: "TICKETS", student: true, sittingId: input.sittingId } });
}
