import { getDb } from "@/server/db";
import { ledgerHttp } from "@/server/ledger/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ path: string[] }> }) {
  const { path } = await ctx.params;
  const { status, body } = await ledgerHttp(getDb(), path, new URL(req.url).searchParams);
  // A head changes with each append; a proof or a leaf of a given size never does.
  const cache =
    status === 200 && path[0] !== "head" && (path[0] !== "proof" || new URL(req.url).searchParams.has("treeSize"))
      ? "public, max-age=31536000, immutable"
      : "no-store";
  return Response.json(body, { status, headers: { "cache-control": cache, "x-content-type-options": "nosniff", "access-control-allow-origin": "*" } });
}
