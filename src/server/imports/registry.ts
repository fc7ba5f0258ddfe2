// Which imports exist, who may start them, what file they take and how they run (rooms, registrations… join here).
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import type { ImportKind } from "@/generated/prisma/enums";
import { holdsAny, type Permission } from "@/domain/auth/permissions";
import { runImport, type ImportColumn, type Importer, type ImportScope } from "./pipeline";
import { IMPORT_MAX_BYTES } from "./read-sheet";
import { candidateImport } from "@/server/candidates/import-candidates";
import { candidateUpdateImport } from "@/server/candidates/update-candidates";
import { importPhotos, PHOTO_ZIP_MAX_BYTES } from "@/server/candidates/import-photos";
import { roomImport } from "@/server/rooms/import-rooms";
import { teacherImport } from "@/server/teachers/import-teachers";
import { invigilatorImport } from "@/server/invigilators/import-invigilators";
import { scoreImport, scoreImportProblem } from "@/server/scores/import-scores";
import { forbidden } from "@/server/errors";
import type { OrgScope, SchoolScope } from "@/server/tenancy";
import { registrationByCertificateImport, registrationBySubjectImport, registrationImportProblem } from "@/server/registrations/import-registrations";

type Run = (deps: { db: Db; clock: Clock }, who: Importer<ImportScope>, recordId: string, bytes: Buffer) => Promise<unknown>;
export type ImportEntry = {
  kind: ImportKind;
  /** Whose import it is: the route mints that portal's scope (a school's unless said). */
  portal?: "school" | "org";
  ext: "xlsx" | "zip";
  maxBytes: number;
  /** Who may start it and download its template (the permission table). */
  permission: Permission;
  run: Run;
  template?: { title: string; columns: ImportColumn[] };
  /** Checks what the importer chose before uploading (the plan of a 报考 import); a message refuses it. */
  prepare?: (db: Db, who: Importer<ImportScope>, params: unknown, now: Date) => Promise<string | null>;
};

/** A school's import gets a school's scope (the route mints the entry's portal; this refuses anything else). */
function school(who: Importer<ImportScope>): Importer<SchoolScope> {
  if (who.scope.kind !== "school") throw forbidden();
  return who as Importer<SchoolScope>;
}
function org(who: Importer<ImportScope>): Importer<OrgScope> {
  if (who.scope.kind !== "org") throw forbidden();
  return who as Importer<OrgScope>;
}

export const IMPORTS: Record<string, ImportEntry> = {
  candidates: {
    kind: "CANDIDATES",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.candidates",
    run: (d, u, id, b) => runImport(d, school(u), candidateImport, id, b),
    template: candidateImport,
  },
  "candidate-updates": {
    kind: "CANDIDATE_UPDATES",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.candidates",
    run: (d, u, id, b) => runImport(d, school(u), candidateUpdateImport, id, b),
    template: candidateUpdateImport,
  },
  rooms: {
    kind: "EXAM_ROOMS",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.rooms",
    run: (d, u, id, b) => runImport(d, school(u), roomImport, id, b),
    template: roomImport,
  },
  teachers: {
    kind: "TEACHERS",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.teachers",
    run: (d, u, id, b) => runImport(d, school(u), teacherImport, id, b),
    template: teacherImport,
  },
  invigilators: {
    kind: "INVIGILATORS",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.invigilators",
    run: (d, u, id, b) => runImport(d, school(u), invigilatorImport, id, b),
    template: invigilatorImport,
  },
  "registrations-by-certificate": {
    kind: "REGISTRATIONS_BY_CERTIFICATE",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.registrations",
    run: (d, u, id, b) => runImport(d, school(u), registrationByCertificateImport, id, b),
    template: registrationByCertificateImport,
    prepare: (db, u, p, now) => registrationImportProblem(false)(db, school(u), p, now),
  },
  "registrations-by-subject": {
    kind: "REGISTRATIONS_BY_SUBJECT",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "school.registrations",
    run: (d, u, id, b) => runImport(d, school(u), registrationBySubjectImport, id, b),
    template: registrationBySubjectImport,
    prepare: (db, u, p, now) => registrationImportProblem(true)(db, school(u), p, now),
  },
  "candidate-photos": {
    kind: "CANDIDATE_PHOTOS",
    ext: "zip",
    maxBytes: PHOTO_ZIP_MAX_BYTES,
    permission: "school.candidates",
    run: (d, u, id, b) => importPhotos(d, school(u), id, b),
  },
  "subject-scores": {
    kind: "SUBJECT_SCORES",
    portal: "org",
    ext: "xlsx",
    maxBytes: IMPORT_MAX_BYTES,
    permission: "org.scores",
    run: (d, u, id, b) => runImport(d, org(u), scoreImport, id, b),
    template: scoreImport,
    prepare: (db, u, p, now) => scoreImportProblem(db, org(u), p, now),
  },
};

export function mayImport(holder: { permissions: readonly Permission[] }, entry: ImportEntry): boolean {
  return holdsAny(holder.permissions, [entry.permission]);
}
