import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { copyRooms, deleteRooms, saveRoom } from "@/server/rooms/save-room";
import { roomDetail, roomPlaces, roomPlans } from "@/server/rooms/queries";
import { roomInputSchema } from "@/domain/rooms/rules";

const school = permissionProcedure("school.rooms");

export const roomsRouter = createTRPCRouter({
  /** 设置考场 / 编辑考场 (what an edit may change follows the plan's 排考 window). */
  save: school.input(roomInputSchema).mutation(({ ctx, input }) => saveRoom({ ctx, input })),
  delete: school.input(z.strictObject({ ids: z.array(z.uuid()).min(1, "请先勾选考场").max(200) })).mutation(({ ctx, input }) => deleteRooms({ ctx, input })),
  /** 沿用 an earlier plan's rooms into a plan not yet scheduling. */
  copy: school
    .input(z.strictObject({ fromPlanId: z.uuid("请选择沿用的考试计划"), toPlanId: z.uuid("请选择考试计划") }))
    .mutation(({ ctx, input }) => copyRooms({ ctx, input })),
  detail: school.input(z.strictObject({ id: z.uuid("考场不存在") })).query(({ ctx, input }) => roomDetail({ ctx, input })),
  /** The plans the school takes part in. */
  plans: school.query(({ ctx }) => roomPlans({ ctx })),
  /** For one plan: usable sites → certificate levels → subjects. */
  places: school.input(z.strictObject({ planId: z.uuid("请选择考试计划") })).query(({ ctx, input }) => roomPlaces({ ctx, input })),
});
