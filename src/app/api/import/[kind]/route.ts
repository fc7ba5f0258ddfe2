import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { getCurrentUser } from "@/server/auth/current";
import { IMPORTS } from "@/server/imports/registry";
import { beginImport, runInBackground } from "@/server/imports/pipeline";
import { IMPORT_MAX_BYTES } from "@/server/imports/read-sheet";

export const dynamic = "force-dynamic";
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "x-content-type-options": "nosniff" } });

/** POST multipart/form-data with one `file`: records the import and runs it in the background; returns { recordId }. */
export async function POST(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  const entry = IMPORTS[(await ctx.params).kind];
  if (!entry) return json(404, { message: "未知的导入类型" });
  const user = await getCurrentUser();
  if (!user) return json(401, { message: "登录已失效，请重新登录" });
  if (user.needsBinding || user.mustChangePassword || !entry.may(user)) return json(403, { message: "无权导入" });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!declared || declared > IMPORT_MAX_BYTES + 64 * 1024) return json(413, { message: "文件过大，单个导入文件不能超过 20M" });
  let file: File | null = null;
  try {
    const f = (await req.formData()).get("file");
    file = f instanceof File ? f : null;
  } catch {
    return json(400, { message: "上传内容无法识别" });
  }
  if (!file) return json(400, { message: "请选择文件" });
  if (!/\.xlsx$/i.test(file.name)) return json(400, { message: "文件格式不正确，请使用下载的 .xlsx 模板填写后导入" });
  const deps = { db: getDb(), clock: systemClock };
  const bytes = Buffer.from(await file.arrayBuffer());
  const record = await beginImport(deps, user, entry.spec.kind, { name: file.name, bytes });
  runInBackground(deps, user, entry.spec, record.id, bytes);
  return json(202, { recordId: record.id });
}
