// 用户管理: the accounts below the signed-in superior (MANAGES in src/domain/auth/permissions.ts), on the list engine.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { afterIdWhere, and, type ListDef } from "@/server/lists/define";
import { managedUsersWhere } from "./queries";
import { maskPhone } from "@/domain/auth/mask";
import { ROLE_LABELS } from "@/domain/auth/portals";

const filter = z.strictObject({
  q: z.string().trim().max(50).optional(),
  role: z.enum(["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"]).optional(),
});
const include = {
  school: { select: { name: true } },
  org: { select: { name: true } },
  department: { select: { name: true } },
  accessRole: { select: { name: true } },
  // A student account belongs to the school that registered it as a candidate.
  candidateStudentAccounts: { select: { school: { select: { name: true } } }, take: 1 },
  _count: { select: { certificateScopes: true } },
} satisfies Prisma.UserInclude;

export type ManagedUserRow = {
  id: string;
  account: string;
  name: string | null;
  role: keyof typeof ROLE_LABELS;
  /** The maintained role's name for a sub-account (plus 证书负责人), else the account kind. */
  roleLabel: string;
  status: "ACTIVE" | "DISABLED";
  disabledReason: string | null;
  phone: string | null;
  tenant: string;
  frozen: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export const managedUserList: ListDef<z.infer<typeof filter>, ManagedUserRow, Prisma.UserWhereInput> = {
  name: "users",
  title: "用户信息",
  permissions: ["school.users", "edu.users", "admin.users"],
  filter,
  where: (_db, scope, f) =>
    and<Prisma.UserWhereInput>(
      managedUsersWhere(scope),
      f.role ? { role: f.role } : null,
      f.q
        ? {
            OR: [
              { account: { contains: f.q } },
              { name: { contains: f.q } },
              { school: { name: { contains: f.q } } },
              { org: { name: { contains: f.q } } },
              { department: { name: { contains: f.q } } },
              { candidateStudentAccounts: { some: { school: { name: { contains: f.q } } } } },
            ],
          }
        : null,
    ),
  tabs: [
    { value: "ACTIVE", label: "已启用", where: { status: "ACTIVE" } },
    { value: "DISABLED", label: "已停用", where: { status: "DISABLED" } },
  ],
  count: (db, where) => db.user.count({ where }),
  rows: async (db, where, p) => {
    const rows = await db.user.findMany({
      where: and(where, afterIdWhere(p.afterId)),
      include,
      orderBy: p.byId ? { id: "asc" } : [{ createdAt: "desc" }, { id: "asc" }],
      skip: p.skip,
      take: p.take,
    });
    return rows.map((r) => ({
      id: r.id,
      account: r.account,
      name: r.name,
      role: r.role,
      roleLabel: r.accessRole ? `${r.accessRole.name}${r._count.certificateScopes ? "（证书负责人）" : ""}` : ROLE_LABELS[r.role],
      status: r.status,
      disabledReason: r.disabledReason,
      phone: maskPhone(r.phone),
      tenant: r.school?.name ?? r.org?.name ?? r.department?.name ?? r.candidateStudentAccounts[0]?.school.name ?? (r.role === "STUDENT" ? "—" : "平台"),
      frozen: !!r.frozenUntil,
      mustChangePassword: r.mustChangePassword,
      lastLoginAt: r.lastLoginAt,
      createdAt: r.createdAt,
    }));
  },
  columns: [
    { header: "账号", value: (r) => r.account },
    { header: "姓名", value: (r) => r.name ?? "" },
    { header: "角色", value: (r) => r.roleLabel },
    { header: "所属单位", width: 30, value: (r) => r.tenant },
    { header: "手机号", value: (r) => r.phone ?? "" },
    { header: "状态", value: (r) => (r.status === "ACTIVE" ? "已启用" : "已停用") },
  ],
};
