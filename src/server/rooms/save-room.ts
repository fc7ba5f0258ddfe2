// 设置考场 / 编辑 / 删除 (002 §5.2.5). The status is the plan's 排考 window: 未排考 edits everything and deletes,
// 排考中 only adds seats, 已结束 is read-only; new rooms only before scheduling starts. The type follows the
// subjects' exam mode; the name is unique per (plan, site, certificate level).
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import type { Db, Tx } from "@/server/db";
import { canDeleteRoom, roomCreateProblem, roomEditProblem, roomNameProblem, roomStatus, roomTypeOf, seatsProblem, type RoomInput } from "@/domain/rooms/rules";
import { placesFor, type Place } from "./places";
import { roomsWhere } from "./scope";

export const ROOM_NAME_TAKEN = "同一考试计划、考核站点、考试证书下已有同名考场，请换一个名称";

export type CheckedRoom = {
  planId: string;
  siteId: string;
  certificateLevelId: string;
  subjectIds: string[];
  type: "COMPUTER" | "PRACTICAL" | "WRITTEN";
  name: string;
  seats: number;
  regionCode: string | null;
  address: string | null;
};

/** The rules every room passes, from the form or an import row: place, subjects and type, name, seats. */
export async function checkRoom(
  db: Db | Tx,
  scope: SchoolScope,
  input: RoomInput,
  /** Places per plan, kept across the rows of one import batch or one 沿用. */
  cache = new Map<string, Promise<Place[]>>(),
): Promise<{ ok: true; value: CheckedRoom } | { ok: false; error: string }> {
  const problem = roomNameProblem(input.name) ?? seatsProblem(input.seats);
  if (problem) return { ok: false, error: problem };
  if (!cache.has(input.planId)) cache.set(input.planId, placesFor(db, scope, input.planId));
  const place = (await cache.get(input.planId)!).find((p) => p.siteId === input.siteId);
  if (!place) return { ok: false, error: "所选考核站点不可用：须为本校审核通过且已启用的考核站点，或已分配给本校借考的考核站点" };
  if (!place.levelIds.includes(input.certificateLevelId)) return { ok: false, error: "所选证书不在该考试计划与考核站点共同包含的证书中" };
  const subjectIds = [...new Set(input.subjectIds)];
  const subjects = await db.examSubject.findMany({
    where: { id: { in: subjectIds }, certificateLevelId: input.certificateLevelId, status: "ENABLED" },
    select: { examMode: true },
  });
  if (subjects.length !== subjectIds.length) return { ok: false, error: "所选科目不属于该证书等级或已停用" };
  const type = roomTypeOf(subjects.map((s) => s.examMode));
  if (!type.ok) return type;
  const regionCode = input.regionCode || null;
  if (regionCode && !/^\d{6}$/.test(regionCode)) return { ok: false, error: "考场地址的省市区不正确" };
  return {
    ok: true,
    value: {
      planId: input.planId,
      siteId: input.siteId,
      certificateLevelId: input.certificateLevelId,
      subjectIds,
      type: type.type,
      name: input.name.trim(),
      seats: input.seats,
      regionCode: regionCode ?? place.regionCode,
      address: input.address?.trim() || place.address,
    },
  };
}

/** A checked room and its subjects (设置, 沿用 and import write rooms the same way). */
export async function insertRoom(tx: Tx, r: CheckedRoom, by: { schoolId: string; createdById: string; importId?: string; createdAt?: Date }) {
  const { subjectIds, ...room } = r;
  const { id } = await tx.examRoom.create({ data: { ...room, ...by } });
  await tx.examRoomSubject.createMany({ data: subjectIds.map((subjectId) => ({ roomId: id, subjectId })) });
  return id;
}

export async function saveRoom({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: RoomInput }) {
  const { db, scope, clock, actor } = ctx;
  const now = clock.now();
  const existing = input.id
    ? await db.examRoom.findFirst({ where: { AND: [{ id: input.id, schoolId: scope.schoolId }, roomsWhere(scope)] }, include: { plan: true, subjects: true } })
    : null;
  if (input.id && !existing) throw notFound("考场不存在");
  if (existing) {
    if (existing.planId !== input.planId || existing.siteId !== input.siteId || existing.certificateLevelId !== input.certificateLevelId)
      throw badRequest("不能更改考场的考试计划、考核站点或考试证书，请删除后重新设置");
    const problem = roomEditProblem(
      roomStatus(existing.plan, now),
      {
        name: existing.name,
        seats: existing.seats,
        subjectIds: existing.subjects.map((s) => s.subjectId),
        regionCode: existing.regionCode,
        address: existing.address,
      },
      {
        name: input.name.trim(),
        seats: input.seats,
        subjectIds: input.subjectIds,
        regionCode: input.regionCode || existing.regionCode,
        address: input.address?.trim() || existing.address,
      },
    );
    if (problem) throw badRequest(problem);
  } else {
    const plan = await db.examPlan.findFirst({ where: { id: input.planId, schools: { some: { schoolId: scope.schoolId } } } });
    if (!plan) throw notFound("考试计划不存在");
    const problem = roomCreateProblem(plan, now);
    if (problem) throw badRequest(problem);
  }
  const checked = await checkRoom(db, scope, input);
  if (!checked.ok) throw badRequest(checked.error);
  const r = checked.value;
  const data = { name: r.name, type: r.type, seats: r.seats, regionCode: r.regionCode, address: r.address };
  return change(
    ctx,
    async (tx) => {
      let id: string;
      if (existing) {
        // Fewer seats never slip in between the check and the write (a second tab): the bound is in the where.
        const claimed = await tx.examRoom.updateMany({
          where: { id: existing.id, ...(roomStatus(existing.plan, now) === "SCHEDULING" ? { seats: { lte: r.seats } } : {}) },
          data,
        });
        if (claimed.count === 0) throw conflict("考场已被修改，请刷新后重试");
        await tx.examRoomSubject.deleteMany({ where: { roomId: existing.id } });
        id = existing.id;
      } else {
        id = (
          await tx.examRoom.create({
            data: { ...data, planId: r.planId, siteId: r.siteId, certificateLevelId: r.certificateLevelId, schoolId: scope.schoolId, createdById: actor.id },
          })
        ).id;
      }
      await tx.examRoomSubject.createMany({ data: r.subjectIds.map((subjectId) => ({ roomId: id, subjectId })) });
      return { id };
    },
    ({ id }) => ({
      action: existing ? "room.update" : "room.create",
      targetType: "ExamRoom",
      targetId: id,
      summary: `${existing ? "编辑" : "设置"}考场 ${r.name}（${r.seats} 座）`,
    }),
    { unique: ROOM_NAME_TAKEN },
  );
}

/** 删除考场: only 未排考 rooms the school set itself. */
export async function deleteRooms({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { db, scope, clock } = ctx;
  const rows = await db.examRoom.findMany({ where: { AND: [{ id: { in: ids }, schoolId: scope.schoolId }, roomsWhere(scope)] }, include: { plan: true } });
  if (rows.length !== new Set(ids).size) throw notFound("考场不存在");
  const now = clock.now();
  const locked = rows.find((r) => !canDeleteRoom(roomStatus(r.plan, now)));
  if (locked) throw badRequest(`「${locked.name}」所属考试计划已进入排考，只有未排考的考场可以删除`);
  await change(
    ctx,
    async (tx) => {
      const gone = await tx.examRoom.deleteMany({
        where: { id: { in: rows.map((r) => r.id) }, schoolId: scope.schoolId, plan: { schedulingStartsAt: { gt: now } } },
      });
      if (gone.count !== rows.length) throw conflict("考场状态已变化，请刷新后重试");
    },
    {
      action: "room.delete",
      targetType: "ExamRoom",
      summary: `删除考场 ${rows.length} 个：${rows
        .slice(0, 3)
        .map((r) => r.name)
        .join("、")}${rows.length > 3 ? "等" : ""}`,
    },
  );
  return { deleted: rows.length };
}

/**
 * 沿用: the school's rooms of an earlier plan copied into a plan not yet scheduling, for the sites and levels
 * still possible there; rooms whose name is already taken, or whose subjects the new plan cannot use, are skipped.
 */
export async function copyRooms({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: { fromPlanId: string; toPlanId: string } }) {
  const { db, scope, clock, actor } = ctx;
  if (input.fromPlanId === input.toPlanId) throw badRequest("请选择另一个考试计划作为沿用来源");
  const target = await db.examPlan.findFirst({ where: { id: input.toPlanId, schools: { some: { schoolId: scope.schoolId } } } });
  if (!target) throw notFound("考试计划不存在");
  const problem = roomCreateProblem(target, clock.now());
  if (problem) throw badRequest(problem);
  const source = await db.examRoom.findMany({
    where: { planId: input.fromPlanId, schoolId: scope.schoolId },
    include: { subjects: true },
    orderBy: { name: "asc" },
  });
  if (source.length === 0) throw badRequest("所选考试计划中没有本校设置的考场");
  const existing = await db.examRoom.findMany({
    where: { planId: target.id, schoolId: scope.schoolId },
    select: { siteId: true, certificateLevelId: true, name: true },
  });
  const taken = new Set(existing.map((e) => `${e.siteId}|${e.certificateLevelId}|${e.name}`));
  const rows: CheckedRoom[] = [];
  const places = new Map<string, Promise<Place[]>>();
  let skipped = 0;
  for (const r of source) {
    const checked = await checkRoom(
      db,
      scope,
      {
        planId: target.id,
        siteId: r.siteId,
        certificateLevelId: r.certificateLevelId,
        subjectIds: r.subjects.map((s) => s.subjectId),
        name: r.name,
        seats: r.seats,
        regionCode: r.regionCode,
        address: r.address,
      },
      places,
    );
    const key = `${r.siteId}|${r.certificateLevelId}|${r.name}`;
    if (!checked.ok || taken.has(key)) {
      skipped++;
      continue;
    }
    taken.add(key);
    rows.push(checked.value);
  }
  if (rows.length === 0) throw badRequest(`没有可沿用的考场（${skipped} 个考场在新计划中已存在或其考核站点、证书不在新计划中）`);
  await change(
    ctx,
    async (tx) => {
      for (const r of rows) await insertRoom(tx, r, { schoolId: scope.schoolId, createdById: actor.id });
    },
    { action: "room.copy", targetType: "ExamPlan", targetId: target.id, summary: `沿用考场 ${rows.length} 个到 ${target.name}` },
    { unique: ROOM_NAME_TAKEN },
  );
  return { copied: rows.length, skipped };
}
