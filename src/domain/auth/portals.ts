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

export type MenuItem = { label: string; href: string; roles?: readonly RoleName[] };
export type MenuSection = { label: string; items: MenuItem[] };

/** Only sections that work are listed; later capabilities add theirs here. */
export const PORTAL_MENUS: Record<Portal, MenuSection[]> = {
  school: [
    { label: "工作台", items: [{ label: "工作台", href: "/school" }] },
    {
      label: "机构管理",
      items: [
        { label: "培训评价组织", href: "/school/orgs" },
        { label: "试点院校管理", href: "/school/schools" },
      ],
    },
    {
      label: "标准管理",
      items: [
        { label: "职业技能等级标准", href: "/school/standards/skill" },
        { label: "考核站点建设标准", href: "/school/standards/site" },
      ],
    },
    {
      label: "证书管理",
      items: [
        { label: "证书信息管理", href: "/school/certificates" },
        { label: "证书试点申报", href: "/school/applications" },
        { label: "申报计划", href: "/school/plans" },
      ],
    },
    { label: "考务管理", items: [{ label: "考生管理", href: "/school/candidates" }] },
    { label: "周报管理", items: [{ label: "提交周报", href: "/school/reports", roles: ["SCHOOL_PRINCIPAL"] }] },
    { label: "系统管理", items: [{ label: "用户管理", href: "/school/users", roles: ["SCHOOL_PRINCIPAL"] }] },
  ],
  org: [
    { label: "工作台", items: [{ label: "工作台", href: "/org" }] },
    {
      label: "标准管理",
      items: [
        { label: "职业技能等级标准", href: "/org/standards/skill" },
        { label: "考核站点建设标准", href: "/org/standards/site" },
      ],
    },
    { label: "证书管理", items: [{ label: "证书信息管理", href: "/org/certificates" }] },
  ],
  edu: [
    { label: "工作台", items: [{ label: "工作台", href: "/edu" }] },
    {
      label: "机构管理",
      items: [
        { label: "院校管理", href: "/edu/schools" },
        { label: "培训评价组织", href: "/edu/orgs" },
      ],
    },
    {
      label: "证书管理",
      items: [
        { label: "申报计划", href: "/edu/plans" },
        { label: "证书试点申报审核", href: "/edu/applications" },
        { label: "证书信息管理", href: "/edu/certificates" },
      ],
    },
    { label: "周报管理", items: [{ label: "周报审核", href: "/edu/reports" }] },
    { label: "系统管理", items: [{ label: "院校负责人账号", href: "/edu/users" }] },
  ],
  admin: [
    { label: "工作台", items: [{ label: "工作台", href: "/admin" }] },
    {
      label: "机构管理",
      items: [
        { label: "院校管理", href: "/admin/schools" },
        { label: "培训评价组织", href: "/admin/orgs" },
      ],
    },
    {
      label: "标准管理",
      items: [
        { label: "职业技能等级标准", href: "/admin/standards/skill" },
        { label: "考核站点建设标准", href: "/admin/standards/site" },
      ],
    },
    { label: "证书管理", items: [{ label: "证书信息管理", href: "/admin/certificates" }] },
    { label: "信息发布", items: [{ label: "通知公告", href: "/admin/announcements" }] },
    {
      label: "系统管理",
      items: [
        { label: "用户管理", href: "/admin/users" },
        { label: "审计日志", href: "/admin/audit" },
      ],
    },
  ],
  student: [{ label: "工作台", items: [{ label: "工作台", href: "/student" }] }],
};

/** A school still applying to become a pilot (001 §2.1.3) sees only these pages. */
export const APPLICANT_MENU: MenuSection[] = [
  { label: "工作台", items: [{ label: "工作台", href: "/school" }] },
  { label: "院校信息", items: [{ label: "完善基础信息", href: "/school/info" }] },
  {
    label: "证书管理",
    items: [
      { label: "证书试点申报", href: "/school/applications" },
      { label: "申报计划", href: "/school/plans" },
    ],
  },
];

export function menuFor(portal: Portal, role: RoleName, applicant = false): MenuSection[] {
  if (applicant && portal === "school") return APPLICANT_MENU;
  return PORTAL_MENUS[portal].map((s) => ({ ...s, items: s.items.filter((i) => !i.roles || i.roles.includes(role)) })).filter((s) => s.items.length > 0);
}
