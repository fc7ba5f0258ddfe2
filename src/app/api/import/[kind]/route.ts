import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { getCurrentUser } from "@/server/auth/current";
import { IMPORTS, mayImport } from "@/server/imports/registry";
import { beginImport } from "@/server/imports/pipeline";
import { sheetFileProblem } from "@/server/imports/read-sheet";
import { enqueue } from "@/server/jobs/queue";
import { actorOf, mintScope, scopeFor } from "@/server/tenancy";
import type { ImportJob } from "@/server/jobs/handlers";

import { BAD_TEXT_MESSAGE, hasBadText } from "@/domain/text";
import { CROSS_SITE, crossSite } from "@/server/http/guards";

export const dynamic = "force-dynamic";
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "x-content-type-options": "nosniff" } });

/** POST multipart/form-data with one `file`: records the import and queues it for the worker; returns { recordId }. */
export async function POST(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  const entry = IMPORTS[(await ctx.params).kind];
  if (!entry) return json(404, { message: "未知的导入类型" });
  if (crossSite(req)) return json(CROSS_SITE.status, { message: CROSS_SITE.message });
  const user = await getCurrentUser();
  if (!user) return json(401, { message: "登录已失效，请重新登录" });
  if (user.needsBinding || user.mustChangePassword || !mayImport(user, entry)) return json(403, { message: "无权导入" });
  const mb = Math.round(entry.maxBytes / 1048576);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!declared || declared > entry.maxBytes + 64 * 1024) return json(413, { message: `文件过大，单个导入文件不能超过 ${mb}M` });
  let file: File | null = null;
  let params: unknown = undefined;
  try {
    const form = await req.formData();
    const f = form.get("file");
    file = f instanceof File ? f : null;
    const p = form.get("params");
    if (typeof p === "string" && p) params = JSON.parse(p);
  } catch {
    return json(400, { message: "上传内容无法识别" });
  }
  if (!file) return json(400, { message: "请选择文件" });
  if (hasBadText(file.name)) return json(400, { message: BAD_TEXT_MESSAGE });
  if (entry.ext === "zip" && !file.name.toLowerCase().endsWith(".zip")) return json(400, { message: "文件格式不正确，请上传 .zip 压缩包" });
  const deps = { db: getDb(), clock: systemClock };
  const bytes = Buffer.from(await file.arrayBuffer());
  // A sheet is told by its bytes, not its name (an .xls renamed to .xlsx is still an .xls): refused here, at once.
  if (entry.ext === "xlsx") {
    const problem = sheetFileProblem(bytes);
    if (problem) return json(400, { message: problem });
  }
  // The route is this import's auth gate: it mints the scope the job carries (never the session).
  const who = { scope: scopeFor(mintScope(user), entry.portal ?? "school"), actor: actorOf(user) };
  // What was chosen before the upload (报考: the plan): refused here at once when it cannot be imported into.
  if (params !== undefined && !entry.prepare) return json(400, { message: "上传内容无法识别" });
  if (entry.prepare) {
    const problem = await entry.prepare(deps.db, who, params, deps.clock.now());
    if (problem) return json(400, { message: problem });
  }
  const record = await beginImport(deps, who, entry.kind, { name: file.name, bytes }, params as never);
  // The worker reads the stored source and runs the import; progress lives in the record.
  const job: ImportJob = { recordId: record.id, importKind: (await ctx.params).kind, who };
  await enqueue(deps.db, "import", job);
  return json(202, { recordId: record.id });
}
