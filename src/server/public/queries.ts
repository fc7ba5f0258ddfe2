// What anyone may read without signing in: published announcements and the certificate catalogue.
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

export const CATEGORY_LABELS = { POLICY: "政策文件", NOTICE: "通知公告" } as const;

export async function publishedAnnouncements(db: Db, opts: { category?: "POLICY" | "NOTICE"; page: number; pageSize: number }) {
  const where: Prisma.AnnouncementWhereInput = { status: "PUBLISHED", ...(opts.category ? { category: opts.category } : {}) };
  const [rows, total] = await Promise.all([
    db.announcement.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
      select: { id: true, title: true, category: true, publishedAt: true },
    }),
    db.announcement.count({ where }),
  ]);
  return { rows, total };
}

export async function publishedAnnouncement(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const a = await db.announcement.findFirst({
    where: { id, status: "PUBLISHED" },
    include: { attachments: { include: { file: { select: { id: true, filename: true, size: true } } } } },
  });
  return a && { ...a, attachments: a.attachments.map((x) => x.file) };
}

export async function publicCertificates(db: Db, opts: { q?: string; page: number; pageSize: number }) {
  const q = opts.q?.trim().slice(0, 50);
  const where: Prisma.CertificateWhereInput = {
    status: "ENABLED",
    ...(q
      ? { OR: [{ name: { contains: q } }, { code: { startsWith: q } }, { levels: { some: { code: { startsWith: q } } } }, { org: { name: { contains: q } } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.certificate.findMany({
      where,
      orderBy: [{ openedAt: "desc" }, { code: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
      include: { org: { select: { name: true } }, levels: { select: { level: true, code: true }, orderBy: { level: "asc" } } },
    }),
    db.certificate.count({ where }),
  ]);
  return { rows, total };
}

/** A certificate by its 证书代码 (7 digits) or by one of its levels' 证书编号 (8 digits). */
export async function publicCertificate(db: Db, code: string) {
  if (!/^\d{7,8}$/.test(code)) return null;
  return db.certificate.findFirst({
    where: { OR: [{ code }, { levels: { some: { code } } }], status: "ENABLED" },
    include: {
      org: { select: { name: true, website: true } },
      levels: { orderBy: { level: "asc" }, include: { subjects: { where: { status: "ENABLED" }, orderBy: { code: "asc" } } } },
      majors: { include: { major: true }, orderBy: { major: { code: "asc" } } },
      skillStandard: { select: { name: true } },
    },
  });
}
