// Which imports exist, who may start them, and their specs (rooms, registrations… join here).
import type { SessionUser } from "@/server/session-user";
import type { ImportSpec } from "./pipeline";
import { candidateImport } from "@/server/candidates/import-candidates";

export const IMPORTS: Record<string, { spec: ImportSpec<never, never>; may: (u: SessionUser) => boolean }> = {
  candidates: { spec: candidateImport as unknown as ImportSpec<never, never>, may: (u) => (u.role === "SCHOOL_PRINCIPAL" || u.role === "SCHOOL_ADMIN") && u.schoolStatus !== "APPLYING" },
};
