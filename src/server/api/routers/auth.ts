import { activateAccount, requestActivation } from "@/server/auth/activate";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure, sessionProcedure } from "@/server/api/trpc";
import { createCaptcha } from "@/server/auth/captcha";
import { startLogin, trustDevice, verifyLoginSms } from "@/server/auth/login";
import { me } from "@/server/auth/me";
import { logout } from "@/server/auth/logout";
import { deviceCookie } from "@/server/auth/device-cookie";
import { env } from "@/server/env";
import {
  changePassword,
  completeFirstLogin,
  requestPasswordReset,
  resetForgottenPassword,
  sendBindPhoneCode,
  sendOwnPhoneCode,
  updateProfile,
} from "@/server/auth/account";
import { PORTALS } from "@/domain/auth/portals";
import { captchaReply } from "@/domain/auth/work";

const password = z.string().min(1, "请输入密码").max(128);
const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, "请输入正确的 11 位手机号");
const smsCode = z.string().trim().max(10);

export const authRouter = createTRPCRouter({
  captcha: publicProcedure.mutation(({ ctx }) => createCaptcha(ctx)),

  login: publicProcedure
    .input(
      z.strictObject({
        portal: z.enum(PORTALS),
        account: z.string().trim().min(1, "请输入账号").max(64),
        password,
        ...captchaReply,
      }),
    )
    .mutation(({ ctx, input }) => startLogin(ctx, input, ctx.meta)),

  verifyLoginSms: publicProcedure
    .input(z.strictObject({ challenge: z.string().max(100), code: smsCode, trustDevice: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { userId } = await verifyLoginSms(ctx, input, ctx.meta);
      if (input.trustDevice) {
        const token = await trustDevice(ctx, userId, ctx.meta.deviceToken);
        ctx.setCookie(deviceCookie(token, env().APP_MODE === "production"));
      }
      return { ok: true };
    }),

  forgotRequest: publicProcedure
    .input(
      z.strictObject({
        account: z.string().trim().min(1, "请输入账号").max(64),
        phone,
        ...captchaReply,
      }),
    )
    .mutation(({ ctx, input }) => requestPasswordReset(ctx, input, ctx.meta)),

  forgotReset: publicProcedure
    .input(z.strictObject({ account: z.string().trim().min(1).max(64), phone, smsCode, newPassword: password, confirmPassword: password }))
    .mutation(({ ctx, input }) => resetForgottenPassword(ctx, input, ctx.meta)),

  /** 激活账号 (student), step 1: ID number + the phone on the candidate record + captcha. */
  activateRequest: publicProcedure
    .input(z.strictObject({ idNumber: z.string().trim().min(1, "请输入证件号码").max(30), phone, ...captchaReply }))
    .mutation(({ ctx, input }) => requestActivation(ctx, input, ctx.meta)),
  /** Step 2: the SMS code and the new password. */
  activate: publicProcedure
    .input(z.strictObject({ idNumber: z.string().trim().min(1).max(30), phone, smsCode, newPassword: password, confirmPassword: password }))
    .mutation(({ ctx, input }) => activateAccount(ctx, input, ctx.meta)),

  me: sessionProcedure.query(({ ctx }) => me({ ctx })),

  sendBindCode: sessionProcedure.input(z.strictObject({ phone })).mutation(({ ctx, input }) => sendBindPhoneCode(ctx, ctx.session, input.phone, ctx.meta)),

  completeFirstLogin: sessionProcedure
    .input(
      z.strictObject({
        name: z.string().trim().max(30).optional(),
        phone: phone.optional(),
        smsCode: smsCode.optional(),
        newPassword: password,
        confirmPassword: password,
      }),
    )
    .mutation(({ ctx, input }) => completeFirstLogin(ctx, ctx.session, input, ctx.meta)),

  sendOwnCode: protectedProcedure
    .input(z.strictObject({ purpose: z.enum(["CHANGE_PASSWORD", "CHANGE_PROFILE", "SENSITIVE_ACTION", "EXPORT", "MANAGE_USERS", "SIGN_ISSUANCE"]) }))
    .mutation(({ ctx, input }) => sendOwnPhoneCode(ctx, ctx.session, input.purpose, ctx.meta)),

  sendNewPhoneCode: protectedProcedure
    .input(z.strictObject({ phone }))
    .mutation(({ ctx, input }) => sendBindPhoneCode(ctx, ctx.session, input.phone, ctx.meta)),

  changePassword: protectedProcedure
    .input(z.strictObject({ oldPassword: password, newPassword: password, confirmPassword: password, smsCode }))
    .mutation(({ ctx, input }) => changePassword(ctx, ctx.session, input, ctx.meta)),

  updateProfile: protectedProcedure
    .input(
      z.strictObject({
        name: z.string().trim().min(2, "请输入姓名").max(30),
        email: z.string().trim().max(100).nullish(),
        smsCode,
        newPhone: phone.nullish(),
        newPhoneCode: smsCode.nullish(),
        password: z.string().max(128).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx, ctx.session, input, ctx.meta)),

  logout: sessionProcedure.mutation(({ ctx }) => logout({ ctx })),
});
