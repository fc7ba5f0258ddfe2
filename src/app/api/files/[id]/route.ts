import { Readable } from "node:stream";
import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { getCurrentUser } from "@/server/auth/current";
import { getStorage } from "@/server/storage";
import { canDownload } from "@/server/files/access";
import { requesterOf } from "@/server/tenancy";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const notFound = () => new Response("文件不存在或无权下载", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!/^[0-9a-f-]{36}$/i.test(id)) return notFound();
  const db = getDb();
  const file = await db.storedFile.findUnique({ where: { id } });
  if (!file) return notFound();
  const user = await getCurrentUser();
  // Until first login is complete (binding, password change) an account downloads nothing but public files.
  const who = user && !user.needsBinding && !user.mustChangePassword ? requesterOf(user) : null;
  if (!(await canDownload(db, who, file, systemClock.now()))) return notFound();
  const body = await getStorage().read(file.key);
  const inline = file.contentType.startsWith("image/") || file.contentType === "application/pdf";
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
