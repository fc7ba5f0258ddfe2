// 通知公告 for the platform admin, on the list engine (the public reads published ones elsewhere).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { forbidden } from "@/server/errors";

const filter = z.strictObject({ q: z.string().trim().max(50).optional() });
const select = { id: true, title: true, category: true, status: true, publishedAt: true, createdAt: true } satisfies Prisma.AnnouncementSelect;
type Row = Prisma.AnnouncementGetPayload<{ select: typeof select }>;
const CATEGORY = { POLICY: "政策文件", NOTICE: "通知公告" } as const;
const STATUS = { DRAFT: "草稿", PUBLISHED: "已发布", WITHDRAWN: "已撤回" } as const;

export const announcementList: ListDef<z.infer<typeof filter>, Row, Prisma.AnnouncementWhereInput> = {
  name: "announcements",
  title: "通知公告",
  permissions: ["admin.announcements"],
  filter,
  where: (_db, scope, f) => {
    if (scope.kind !== "admin") throw forbidden();
    return and<Prisma.AnnouncementWhereInput>(f.q ? { title: { contains: f.q } } : null);
  },
  tabs: (Object.keys(STATUS) as (keyof typeof STATUS)[]).map((s) => ({ value: s, label: STATUS[s], where: { status: s } })),
  count: (db, where) => db.announcement.count({ where }),
  rows: (db, where, p) =>
    db.announcement.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      select,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    }),
  columns: [
    { header: "标题", width: 40, value: (r) => r.title },
    { header: "类别", value: (r) => CATEGORY[r.category] },
    { header: "状态", value: (r) => STATUS[r.status] },
    { header: "发布时间", width: 20, value: (r) => r.publishedAt?.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) ?? "" },
  ],
};
