import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { createWorkChallenge } from "@/server/auth/captcha";
import { certificateLookupSchema, scoreLookupSchema } from "@/domain/lookup/rules";
import { lookupScores } from "@/server/lookup/lookup-scores";
import { lookupCertificates } from "@/server/lookup/lookup-certificates";

export const lookupRouter = createTRPCRouter({
  /** A proof-of-work challenge for one lookup (no image: accessible), bound to this browser. */
  challenge: publicProcedure.mutation(({ ctx }) => createWorkChallenge(ctx)),
  /** 成绩查询: name + ID number (+ plan) → published scores. */
  scores: publicProcedure.input(scoreLookupSchema).mutation(({ ctx, input }) => lookupScores({ ctx, input })),
  /** 证书查询: number + name, or name + ID number → certificates and their state. */
  certificates: publicProcedure.input(certificateLookupSchema).mutation(({ ctx, input }) => lookupCertificates({ ctx, input })),
});
