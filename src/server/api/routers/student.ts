import { createTRPCRouter, permissionProcedure } from "@/server/api/trpc";
import { studentProfile } from "@/server/students/profile";

export const studentRouter = createTRPCRouter({
  profile: permissionProcedure("student.profile").query(({ ctx }) => studentProfile({ ctx })),
});
