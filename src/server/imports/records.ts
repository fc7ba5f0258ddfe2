// 导入记录 of the caller's school, for the import kinds the caller may run (each kind's permission is the one of
// its import in the registry), and one record's progress.
import { forbidden, notFound } from "@/server/errors";
import type { OrgScope, SchoolScope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";
import type { ImportKind } from "@/generated/prisma/enums";
import { holdsAny, type Permission } from "@/domain/auth/permissions";

/** Who may read the records of each kind: the holder of the page that runs that import. */
export const IMPORT_KIND_PERMISSIONS: Record<ImportKind, Permission> = {
  CANDIDATES: "school.candidates",
  CANDIDATE_UPDATES: "school.candidates",
  CANDIDATE_PHOTOS: "school.candidates",
  EXAM_ROOMS: "school.rooms",
  TEACHERS: "school.teachers",
  INVIGILATORS: "school.invigilators",
  REGISTRATIONS_BY_CERTIFICATE: "school.registrations",
  REGISTRATIONS_BY_SUBJECT: "school.registrations",
  SUBJECT_SCORES: "org.scores",
};

/** Every import kind, for the procedures' input. */
export const IMPORT_KINDS = Object.keys(IMPORT_KIND_PERMISSIONS) as [ImportKind, ...ImportKind[]];

type ImporterScope = SchoolScope | OrgScope;
/** An import record is its school's, or its org's (科目成绩). */
const ownerWhere = (scope: ImporterScope) => (scope.kind === "school" ? { schoolId: scope.schoolId } : { orgId: scope.orgId });

function readableKinds(scope: ImporterScope, kinds: ImportKind[]): ImportKind[] {
  const held = kinds.filter((k) => holdsAny(scope.permissions, [IMPORT_KIND_PERMISSIONS[k]]));
  if (held.length === 0) throw forbidden();
  return held;
}

export async function importRecords({ ctx: deps, input: f }: { ctx: ReadCtx<ImporterScope>; input: { kinds: ImportKind[]; page: number; pageSize: number } }) {
  const where = { ...ownerWhere(deps.scope), kind: { in: readableKinds(deps.scope, f.kinds) } };
  const [rows, total] = await Promise.all([
    deps.db.importRecord.findMany({ where, orderBy: { createdAt: "desc" }, skip: (f.page - 1) * f.pageSize, take: f.pageSize }),
    deps.db.importRecord.count({ where }),
  ]);
  const users = await deps.db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))] } },
    select: { id: true, name: true, account: true },
  });
  return { total, rows: rows.map((r) => ({ ...r, user: users.find((x) => x.id === r.userId)?.name ?? "" })) };
}

export async function importRecord({ ctx: deps, input: { id } }: { ctx: ReadCtx<ImporterScope>; input: { id: string } }) {
  const r = await deps.db.importRecord.findFirst({ where: { id, ...ownerWhere(deps.scope) } });
  if (!r || !holdsAny(deps.scope.permissions, [IMPORT_KIND_PERMISSIONS[r.kind]])) throw notFound("导入记录不存在");
  return r;
}
