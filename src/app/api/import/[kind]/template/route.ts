import { getCurrentUser } from "@/server/auth/current";
import { IMPORTS, mayImport } from "@/server/imports/registry";
import { templateOf } from "@/server/imports/pipeline";

export const dynamic = "force-dynamic";

/** The .xlsx template of an import, for signed-in users who may run it. */
export async function GET(_req: Request, ctx: { params: Promise<{ kind: string }> }) {
  const entry = IMPORTS[(await ctx.params).kind];
  if (!entry?.template) return Response.json({ message: "未知的导入类型" }, { status: 404 });
  const user = await getCurrentUser();
  if (!user || !mayImport(user, entry)) return Response.json({ message: "无权下载" }, { status: user ? 403 : 401 });
  const body = await templateOf(entry.template.columns, entry.template.title);
  const name = `${entry.template.title.replace(/导入$/, "")}导入模板.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
