import { z } from "zod";
import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { registerCandidate, registerInputSchema } from "@/server/registrations/register";
import { deleteRegistrations, deleteRegistrationsSchema } from "@/server/registrations/delete-registrations";
import { updateRegistration, updateRegistrationSchema } from "@/server/registrations/update-registration";
import { candidateSearchSchema, registrationCandidates, registrationDetail, registrationPlans } from "@/server/registrations/queries";

const school = permissionProcedure("school.registrations");

export const registrationsRouter = createTRPCRouter({
  /** 报考 one candidate (the imports run through /api/import). */
  register: school.input(registerInputSchema).mutation(({ ctx, input }) => registerCandidate({ ctx, input })),
  delete: school.input(deleteRegistrationsSchema).mutation(({ ctx, input }) => deleteRegistrations({ ctx, input })),
  /** The plans open for registration now, with the levels and subjects this account may register for. */
  plans: school.query(({ ctx }) => registrationPlans({ ctx })),
  candidates: school.input(candidateSearchSchema).query(({ ctx, input }) => registrationCandidates({ ctx, input })),
  detail: permissionProcedure("school.registrations", "org.registrations")
    .input(z.strictObject({ id: z.uuid("报考信息不存在") }))
    .query(({ ctx, input }) => registrationDetail({ ctx, input })),
  /** The org corrects 姓名拼音 and 手机号 only. */
  update: permissionProcedure("org.registrations")
    .input(updateRegistrationSchema)
    .mutation(({ ctx, input }) => updateRegistration({ ctx, input })),
});
