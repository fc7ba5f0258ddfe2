// 考场 (002 §5.2.5): its status follows the plan's 排考 window — before it 未排考 (edit all, delete), inside it
// 排考中 (only more seats), after it 已结束 (read only). Its type is the exam mode of its subjects.
import { z } from "zod";
import { EXAM_MODE_LABELS } from "@/domain/catalogue/labels";

export type RoomStatus = "NOT_SCHEDULED" | "SCHEDULING" | "ENDED";
export const ROOM_STATUS_LABELS: Record<RoomStatus, string> = { NOT_SCHEDULED: "未排考", SCHEDULING: "排考中", ENDED: "已结束" };
export type ExamMode = keyof typeof EXAM_MODE_LABELS;
export const ROOM_TYPE_LABELS: Record<ExamMode, string> = { COMPUTER: "机考考场", PRACTICAL: "实操考场", WRITTEN: "笔试考场" };

export type SchedulingWindow = { schedulingStartsAt: Date; schedulingEndsAt: Date };

export function roomStatus(plan: SchedulingWindow, now: Date): RoomStatus {
  if (now < plan.schedulingStartsAt) return "NOT_SCHEDULED";
  if (now < plan.schedulingEndsAt) return "SCHEDULING";
  return "ENDED";
}

/** The where of each status tab, for a given moment (rooms carry no status column: it is the plan's window). */
export function roomStatusWhere(s: RoomStatus, now: Date) {
  if (s === "NOT_SCHEDULED") return { plan: { schedulingStartsAt: { gt: now } } };
  if (s === "SCHEDULING") return { plan: { schedulingStartsAt: { lte: now }, schedulingEndsAt: { gt: now } } };
  return { plan: { schedulingEndsAt: { lte: now } } };
}

/** One exam mode for all chosen subjects, or why not (002 §5.2.5 注意 3: 分科目创建不同的考场). */
export function roomTypeOf(modes: ExamMode[]): { ok: true; type: ExamMode } | { ok: false; error: string } {
  if (modes.length === 0) return { ok: false, error: "请选择考试科目" };
  const set = [...new Set(modes)];
  if (set.length > 1)
    return {
      ok: false,
      error: `所选科目的考试方式不同（${set.map((m) => EXAM_MODE_LABELS[m]).join("、")}），一个考场只能安排一种考试方式，请分科目创建不同的考场`,
    };
  return { ok: true, type: set[0] };
}

export const SEATS_MAX = 500;
export function seatsProblem(seats: number): string | null {
  if (!Number.isInteger(seats) || seats < 1) return "考场座位数须为正整数";
  if (seats > SEATS_MAX) return `考场座位数不能超过 ${SEATS_MAX}`;
  return null;
}

export function roomNameProblem(name: string): string | null {
  const n = name.trim();
  if (!n) return "请填写考场名称（如：107 室、13 号机房）";
  if (n.length > 40) return "考场名称不能超过 40 字";
  return null;
}

/** 新增 / 沿用 only before the plan's scheduling starts: the org schedules into rooms set by then. */
export function roomCreateProblem(plan: SchedulingWindow, now: Date): string | null {
  const s = roomStatus(plan, now);
  if (s === "SCHEDULING") return "考试计划已进入排考时间，不能再设置考场；考位不足时可编辑已有考场增加考位数";
  if (s === "ENDED") return "考试计划的排考时间已结束，不能再设置考场";
  return null;
}

type Editable = { name: string; seats: number; subjectIds: string[]; regionCode: string | null; address: string | null };

/** What an edit may change in each status; null: allowed. */
export function roomEditProblem(status: RoomStatus, before: Editable, after: Editable): string | null {
  if (status === "ENDED") return "考试计划的排考时间已结束，考场信息不能修改";
  if (status === "SCHEDULING") {
    const same =
      before.name === after.name &&
      (before.regionCode ?? "") === (after.regionCode ?? "") &&
      (before.address ?? "") === (after.address ?? "") &&
      [...before.subjectIds].sort().join() === [...after.subjectIds].sort().join();
    if (!same) return "排考中的考场只能修改考位数";
    if (after.seats < before.seats) return `排考中的考场只能增加考位数，不能少于原有的 ${before.seats} 个`;
  }
  return null;
}

export const canDeleteRoom = (s: RoomStatus) => s === "NOT_SCHEDULED";

export const roomInputSchema = z.strictObject({
  id: z.uuid().optional(),
  planId: z.uuid("请选择考试计划"),
  siteId: z.uuid("请选择考核站点"),
  certificateLevelId: z.uuid("请选择考试证书"),
  subjectIds: z.array(z.uuid()).max(20),
  name: z.string().max(60),
  seats: z.number().int("考场座位数须为正整数"),
  regionCode: z.string().trim().max(6).nullish(),
  address: z.string().trim().max(200, "考场地址不能超过 200 字").nullish(),
});
export type RoomInput = z.infer<typeof roomInputSchema>;
