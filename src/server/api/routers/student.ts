import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { studentProfile } from "@/server/students/profile";
import { studentTickets } from "@/server/students/tickets";
import { studentRegistrations, studentResults } from "@/server/students/results";
import { resultDetail } from "@/server/scores/queries";
import { z } from "zod";
import { myCertificates } from "@/server/issuance/my-certificates";
import { requestStudentTicket, studentTicketSchema } from "@/server/scheduling/documents";

const tickets = permissionProcedure("student.tickets");
const scores = permissionProcedure("student.scores");

export const studentRouter = createTRPCRouter({
  profile: permissionProcedure("student.profile").query(({ ctx }) => studentProfile({ ctx })),
  /** 我的准考证: published sittings only. */
  tickets: tickets.query(({ ctx }) => studentTickets({ ctx })),
  /** 下载准考证: one sitting's, or all, as a job (the page polls exports.status). */
  ticket: tickets.input(studentTicketSchema).mutation(({ ctx, input }) => requestStudentTicket({ ctx, input })),
  /** 我的报考. */
  registrations: permissionProcedure("student.registrations").query(({ ctx }) => studentRegistrations({ ctx })),
  /** 我的成绩 / 我的考证结果: plans in or after 成绩公示 only. */
  results: scores.query(({ ctx }) => studentResults({ ctx })),
  /** 我的证书: issued certificates, valid or revoked. */
  certificates: permissionProcedure("student.certificates").query(({ ctx }) => myCertificates({ ctx })),
  result: scores.input(z.strictObject({ id: z.uuid("考证结果不存在") })).query(({ ctx, input }) => resultDetail({ ctx, input })),
});
