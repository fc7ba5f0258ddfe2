import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { studentProfile } from "@/server/students/profile";
import { studentTickets } from "@/server/students/tickets";
import { requestStudentTicket, studentTicketSchema } from "@/server/scheduling/documents";

const tickets = permissionProcedure("student.tickets");

export const studentRouter = createTRPCRouter({
  profile: permissionProcedure("student.profile").query(({ ctx }) => studentProfile({ ctx })),
  /** 我的准考证: published sittings only. */
  tickets: tickets.query(({ ctx }) => studentTickets({ ctx })),
  /** 下载准考证: one sitting's, or all, as a job (the page polls exports.status). */
  ticket: tickets.input(studentTicketSchema).mutation(({ ctx, input }) => requestStudentTicket({ ctx, input })),
});
