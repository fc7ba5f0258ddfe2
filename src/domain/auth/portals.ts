// Portals, their roles and their menus (manual 001 §1.1: 工作台、机构管理、标准管理、证书管理、考试组织、周报管理、系统管理).
export const PORTALS = ["school", "org", "edu", "admin", "student"] as const;
export type Portal = (typeof PORTALS)[number];
export type RoleName = "ADMIN" | "EDU" | "ORG" | "SCHOOL_PRINCIPAL" | "SCHOOL_ADMIN" | "STUDENT";

export const PORTAL_ROLES: Record<Portal, readonly RoleName[]> = {
  school: ["SCHOOL_PRINCIPAL", "SCHOOL_ADMIN"],
  org: ["ORG"],
  edu: ["EDU"],
  admin: ["ADMIN"],
  student: ["STUDENT"],
};

export const PORTAL_TITLES: Record<Portal, string> = {
  school: "试点院校业务平台",
  org: "培训评价组织业务平台",
  edu: "教育行政部门管理平台",
  admin: "综合业务管理平台",
  student: "学生个人空间",
};

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "综合业务管理员",
  EDU: "教育行政部门",
  ORG: "培训评价组织",
  SCHOOL_PRINCIPAL: "试点院校负责人",
  SCHOOL_ADMIN: "试点院校业务管理员",
  STUDENT: "学生",
};

export function portalOfRole(role: RoleName): Portal {
  return (Object.keys(PORTAL_ROLES) as Portal[]).find((p) => PORTAL_ROLES[p].includes(role))!;
}

export function isPortal(v: unknown): v is Portal {
  return typeof v === "string" && (PORTALS as readonly string[]).includes(v);
}

export type MenuItem = { label: string; href: string };
export type MenuSection = { label: string; items: MenuItem[] };
