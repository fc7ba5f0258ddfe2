import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { getCurrentUser } from "@/server/auth/current";
import { MAX_UPLOAD_BYTES, mayUpload, storeUpload } from "@/server/files/upload";
import { AppError } from "@/server/errors";
import { requesterOf } from "@/server/tenancy";
import { UPLOAD_RULES, type UploadPurpose } from "@/domain/files/rules";

import { BAD_TEXT_MESSAGE, hasBadText } from "@/domain/text";
import { CROSS_SITE, crossSite } from "@/server/http/guards";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "x-content-type-options": "nosniff" } });

/** POST multipart/form-data with one `file`; returns { id, filename, size } of the stored file. */
export async function POST(req: Request, ctx: { params: Promise<{ purpose: string }> }) {
  const purpose = (await ctx.params).purpose.toUpperCase().replace(/-/g, "_") as UploadPurpose;
  if (!(purpose in UPLOAD_RULES)) return json(404, { message: "未知的上传类型" });
  if (crossSite(req)) return json(CROSS_SITE.status, { message: CROSS_SITE.message });
  const user = await getCurrentUser();
  if (!user) return json(401, { message: "登录已失效，请重新登录" });
  const who = user.needsBinding || user.mustChangePassword ? null : requesterOf(user);
  if (!who || !mayUpload(who.scope, purpose)) return json(403, { message: "无权上传此类文件" });
  // Size cap before buffering: the declared length first, then the parsed file's own size.
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!declared || declared > UPLOAD_RULES[purpose].maxBytes + 64 * 1024 || declared > MAX_UPLOAD_BYTES + 64 * 1024) {
    return json(413, { message: `文件过大，${UPLOAD_RULES[purpose].label}不能超过 ${Math.round(UPLOAD_RULES[purpose].maxBytes / 1048576)}M` });
  }
  let file: File | null = null;
  try {
    const form = await req.formData();
    const f = form.get("file");
    file = f instanceof File ? f : null;
  } catch {
    return json(400, { message: "上传内容无法识别" });
  }
  if (!file) return json(400, { message: "请选择文件" });
  if (hasBadText(file.name)) return json(400, { message: BAD_TEXT_MESSAGE });
  try {
    const stored = await storeUpload({ db: getDb(), clock: systemClock }, who, purpose, {
      name: file.name,
      size: file.size,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    return json(200, stored);
  } catch (e) {
    if (e instanceof AppError) return json(400, { message: e.message });
    log.error({ err: e }, "upload failed");
    return json(500, { message: "系统繁忙，请稍后再试" });
  }
}
