import { z } from "zod";
import { searchMajors } from "@/server/catalogue/search-majors";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import {
  addCertificateLevel,
  addSubject,
  createCertificate,
  setCertificateMajors,
  setCertificateStatus,
  setSubjectStatus,
  updateCertificate,
} from "@/server/certificates/manage-certificates";

const org = permissionProcedure("org.certificates");
const level = z.enum(["JUNIOR", "INTERMEDIATE", "SENIOR"]);
const mode = z.enum(["COMPUTER", "PRACTICAL", "WRITTEN"]);
const text = (max: number) => z.string().trim().max(max).nullish();
const info = {
  batch: z.string().trim().min(1, "请填写所属批次").max(20),
  category: z.string().trim().min(1, "请填写专业大类").max(40),
  examModes: z.array(mode).max(3),
  examTimeNote: text(100),
  hours: z.number().int().nullish(),
  credits: z.number().nullish(),
  targetGroups: text(1000),
  requirements: text(1000),
  intro: text(2000),
  englishName: text(200),
  englishIntro: text(2000),
  skillStandardId: z.uuid().nullish(),
  siteStandardId: z.uuid().nullish(),
  sampleFileId: z.uuid().nullish(),
};
const id = z.uuid("证书不存在");

export const certificatesRouter = createTRPCRouter({
  create: org
    .input(z.strictObject({ code: z.string().trim().max(7), name: z.string().trim().min(1, "请填写证书名称").max(60), levels: z.array(level).max(3), ...info }))
    .mutation(({ ctx, input }) => createCertificate({ ctx, input })),
  update: org.input(z.strictObject({ id, ...info })).mutation(({ ctx, input }) => updateCertificate({ ctx, input })),
  enable: org.input(z.strictObject({ id })).mutation(({ ctx, input }) => setCertificateStatus({ ctx, input: { id: input.id, enabled: true } })),
  disable: org.input(z.strictObject({ id })).mutation(({ ctx, input }) => setCertificateStatus({ ctx, input: { id: input.id, enabled: false } })),
  addLevel: org.input(z.strictObject({ id, level })).mutation(({ ctx, input }) => addCertificateLevel({ ctx, input })),
  setMajors: org.input(z.strictObject({ id, majorIds: z.array(z.uuid()).max(200) })).mutation(({ ctx, input }) => setCertificateMajors({ ctx, input })),
  addSubject: org
    .input(
      z.strictObject({
        levelId: z.uuid("证书等级不存在"),
        code: z.string().trim().max(11),
        name: z.string().trim().max(60),
        examMode: mode,
        durationMinutes: z.number().int(),
        targetGroup: z.string().trim().max(30).default("所有考生"),
        fullScore: z.number().int().default(100),
        passScore: z.number().int().default(60),
      }),
    )
    .mutation(({ ctx, input }) => addSubject({ ctx, input })),
  enableSubject: org.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setSubjectStatus({ ctx, input: { id: input.id, enabled: true } })),
  disableSubject: org.input(z.strictObject({ id: z.uuid() })).mutation(({ ctx, input }) => setSubjectStatus({ ctx, input: { id: input.id, enabled: false } })),
  /** Options for the majors picker: the catalogue, searchable. */
  majors: org
    .input(z.strictObject({ q: z.string().trim().max(30).optional() }))
    .query(({ ctx, input }) => searchMajors({ ctx, input: { q: input.q, take: 50 } })),
});
