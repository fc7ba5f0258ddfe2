import type { PublicCtx } from "@/server/use-case";

/** Enabled certificates, for the 开放证书范围 picker of a plan. */
export async function enabledCertificateOptions({ ctx }: { ctx: PublicCtx }) {
  return ctx.db.certificate.findMany({ where: { status: "ENABLED" }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}
