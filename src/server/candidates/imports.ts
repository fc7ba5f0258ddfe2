// 导入记录 of the caller's school, and starting an import from an uploaded file.
import { notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import type { ReadCtx } from "@/server/use-case";

export async function importRecords({
  ctx: deps,
  input: f,
}: {
  ctx: ReadCtx<SchoolScope>;
  input: { kind?: "CANDIDATES" | "CANDIDATE_UPDATES" | "CANDIDATE_PHOTOS"; page: number; pageSize: number };
}) {
  const { schoolId } = deps.scope;
  const where = { schoolId, ...(f.kind ? { kind: f.kind } : {}) };
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

export async function importRecord({ ctx: deps, input: { id } }: { ctx: ReadCtx<SchoolScope>; input: { id: string } }) {
  const { schoolId } = deps.scope;
  const r = await deps.db.importRecord.findFirst({ where: { id, schoolId } });
  if (!r) throw notFound("导入记录不存在");
  return r;
}
