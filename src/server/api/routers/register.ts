import { z } from "zod";
import { captchaReply } from "@/domain/auth/work";
import { listRegions } from "@/server/catalogue/regions";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { registerSchool, searchDirectory, sendRegistrationCode } from "@/server/schools/register-school";

const base = {
  provinceCode: z.string().regex(/^\d{2}$/, "请先选择院校所在省市"),
  name: z.string().trim().min(1, "请填写院校名称").max(60),
  code: z.string().trim().max(20),
  phone: z.string().trim().max(20),
};

/** 试点院校申报系统—注册账号 (public). */
export const registerRouter = createTRPCRouter({
  provinces: publicProcedure.query(async ({ ctx }) => (await listRegions({ ctx, input: {} })).map(({ code, name }) => ({ code, name }))),
  searchSchools: publicProcedure
    .input(z.strictObject({ provinceCode: z.string().max(2), q: z.string().max(30) }))
    .query(({ ctx, input }) => searchDirectory({ ctx, input })),
  sendCode: publicProcedure.input(z.strictObject({ ...base, ...captchaReply })).mutation(({ ctx, input }) => sendRegistrationCode(ctx, input, ctx.meta)),
  register: publicProcedure
    .input(z.strictObject({ ...base, contactName: z.string().max(30), smsCode: z.string().max(10) }))
    .mutation(({ ctx, input }) => registerSchool(ctx, input, ctx.meta)),
});
