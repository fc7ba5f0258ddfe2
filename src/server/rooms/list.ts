// 考场管理 on the list engine: tabs 未排考 / 排考中 / 已结束 are the plan's scheduling window at this moment.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";
import { ROOM_STATUS_LABELS, ROOM_TYPE_LABELS, roomStatus, roomStatusWhere, type RoomStatus } from "@/domain/rooms/rules";
import { roomsWhere } from "./scope";

const text = z.string().trim().max(60).optional();
const filter = z.strictObject({ plan: text, site: text, certificate: text, planId: z.uuid().optional() });
const include = {
  plan: { select: { code: true, name: true, schedulingStartsAt: true, schedulingEndsAt: true } },
  site: { select: { code: true, name: true } },
  school: { select: { name: true } },
  certificateLevel: { select: { level: true, certificate: { select: { name: true } } } },
  subjects: { select: { subject: { select: { code: true, name: true } } } },
} satisfies Prisma.ExamRoomInclude;
type Raw = Prisma.ExamRoomGetPayload<{ include: typeof include }>;
export type RoomRow = Raw & { status: RoomStatus; certificate: string; mine: boolean };

export const roomList: ListDef<z.infer<typeof filter>, RoomRow, Prisma.ExamRoomWhereInput> = {
  name: "rooms",
  title: "考场信息",
  permissions: ["school.rooms"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.ExamRoomWhereInput>(
      roomsWhere(scope),
      f.planId ? { planId: f.planId } : null,
      f.plan ? { plan: { name: { contains: f.plan } } } : null,
      f.site ? { site: { name: { contains: f.site } } } : null,
      f.certificate ? { certificateLevel: { certificate: { name: { contains: f.certificate } } } } : null,
    ),
  tabs: (now) => (Object.keys(ROOM_STATUS_LABELS) as RoomStatus[]).map((s) => ({ value: s, label: ROOM_STATUS_LABELS[s], where: roomStatusWhere(s, now) })),
  count: (db, where) => db.examRoom.count({ where }),
  rows: async (db, where, p, { scope, now }) => {
    const rows = await db.examRoom.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { name: "asc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      ...r,
      status: roomStatus(r.plan, now),
      certificate: `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`,
      mine: scope.kind === "school" && r.schoolId === scope.schoolId,
    }));
  },
  columns: [
    { header: "考试计划编号", width: 16, value: (r) => r.plan.code },
    { header: "考试计划", width: 36, value: (r) => r.plan.name },
    { header: "考核站点编号", width: 14, value: (r) => r.site.code },
    { header: "考核站点", width: 44, value: (r) => r.site.name },
    { header: "所属院校", width: 28, value: (r) => r.school.name },
    { header: "考场名称", width: 24, value: (r) => r.name },
    { header: "考场类型", value: (r) => ROOM_TYPE_LABELS[r.type] },
    { header: "考场座位数", value: (r) => r.seats },
    { header: "考试证书", width: 40, value: (r) => r.certificate },
    { header: "考试科目", width: 40, value: (r) => r.subjects.map((s) => `${s.subject.code} ${s.subject.name}`).join("\n") },
    { header: "考场地址", width: 36, value: (r) => r.address },
    { header: "状态", value: (r) => ROOM_STATUS_LABELS[r.status] },
  ],
};
