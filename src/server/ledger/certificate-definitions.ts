// 证书上链 (002 §4.1): each change to a certificate's definition (created, information, status, levels, subjects,
// majors) appends a leaf with the whole definition as it now stands, in the same transaction as the change.
import type { Tx } from "@/server/db";
import { sqlOf } from "@/server/db";
import { appendLeaves, type Appended } from "./append";

/** The definition a leaf records: what the certificate is, never who edited it or internal ids beyond its own. */
async function definitions(tx: Tx, ids: string[]) {
  const certs = await tx.certificate.findMany({
    where: { id: { in: ids } },
    orderBy: { code: "asc" },
    include: {
      org: { select: { code: true, name: true } },
      levels: { orderBy: { code: "asc" }, include: { subjects: { orderBy: { code: "asc" } } } },
      majors: { include: { major: { select: { code: true, catalogVersion: true } } } },
    },
  });
  return certs.map((c) => ({
    id: c.id,
    value: {
      type: "certificate-definition",
      version: 1,
      certificate: {
        code: c.code,
        name: c.name,
        englishName: c.englishName ?? null,
        org: { code: c.org.code, name: c.org.name },
        batch: c.batch,
        category: c.category,
        examModes: [...c.examModes].sort(),
        status: c.status,
        hours: c.hours ?? null,
        credits: c.credits === null ? null : String(c.credits),
        levels: c.levels.map((l) => ({
          level: l.level,
          code: l.code,
          subjects: l.subjects.map((s) => ({
            code: s.code,
            name: s.name,
            examMode: s.examMode,
            fullScore: s.fullScore,
            passScore: s.passScore,
            status: s.status,
          })),
        })),
        majors: c.majors.map((m) => `${m.major.catalogVersion}/${m.major.code}`).sort(),
      },
    },
  }));
}

/** Appends the current definitions of these certificates (call inside the transaction that changed them). */
export async function recordCertificateDefinitions(tx: Tx, ids: string[], now: Date): Promise<Appended[]> {
  const defs = await definitions(tx, [...new Set(ids)]);
  return appendLeaves(
    sqlOf(tx),
    defs.map((d) => ({ kind: "CERTIFICATE_DEFINITION", subjectId: d.id, value: { ...d.value, recordedAt: now.toISOString() } })),
    now,
  );
}
