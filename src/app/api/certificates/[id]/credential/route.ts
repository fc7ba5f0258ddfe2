// 下载可验证凭证: an issued certificate as an Open Badges 3.0 VerifiableCredential (JSON with its VC-JWT proof), for
// the org, the school (a 证书负责人 for its certificates) and the holder while it is not revoked.
import { normalizeCredential } from "did-jwt-vc";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/auth/current";
import { requesterOf } from "@/server/tenancy";
import { certificateCredentialJwt } from "@/server/issuance/credential";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const notFound = () => new Response("证书不存在或无权下载", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  const user = await getCurrentUser();
  const who = user && !user.needsBinding && !user.mustChangePassword ? requesterOf(user) : null;
  if (!who) return notFound();
  try {
    const { jwt, certificateNumber } = await certificateCredentialJwt(getDb(), who.scope, id);
    return new Response(JSON.stringify(normalizeCredential(jwt), null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(`${certificateNumber}.credential.json`)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    // Not the caller's, not issued, revoked, or a scope without certificates: the same answer for each.
    if (["NOT_FOUND", "FORBIDDEN"].includes((e as { code?: string }).code ?? "")) return notFound();
    throw e;
  }
}
