// Who may do what: the one table that the menu, the page guard, the procedure builder and the upload and
// import routes all read (docs/domain.md "Permissions"). A permission is a menu entry of one portal or an
// action inside a page. The principal and the single-account portals (org, department, admin, student) hold
// every permission of their portal; a school's sub-account (业务管理员) holds what its role (角色, manual
// 002 §8.1) grants. Principal-only rights (001 §1.8 周报, §1.9 用户管理, §4.1.1.1 签章) are never grantable.
// A school still applying to be a pilot (001 §2.1.3) holds only the permissions marked `applicant`.
import type { UploadPurpose } from "@/domain/files/rules";
import type { Portal, RoleName, MenuSection } from "./portals";
import { portalOfRole } from "./portals";

/** Why an applying school is refused (001 §2.1.3). */
export const APPLICANT_ONLY = "贵校尚未成为试点院校，目前只能完善院校信息和申报证书试点";

type PermissionDef = {
  portal: Portal;
  /** The menu section and entry label; the role editor groups permissions by section. */
  section: string;
  label: string;
  /** Menu entries (pages) this permission opens; none for an action inside a page. */
  pages?: readonly { label: string; href: string }[];
  /** Held by the school's principal only; a role cannot grant it. */
  principalOnly?: true;
  /** Also held by a school still applying; `only` = held only while applying. */
  applicant?: true | "only";
  /** Held by every account of the portal (the workbench). */
  always?: true;
};

export const PERMISSIONS = {
  "school.workbench": { portal: "school", section: "工作台", label: "工作台", pages: [{ label: "工作台", href: "/school" }], always: true, applicant: true },
  "school.info": {
    portal: "school",
    section: "院校信息",
    label: "完善基础信息",
    pages: [{ label: "完善基础信息", href: "/school/info" }],
    principalOnly: true,
    applicant: "only",
  },
  "school.profile": { portal: "school", section: "院校信息", label: "修改院校信息", principalOnly: true, applicant: true },
  "school.orgs": { portal: "school", section: "机构管理", label: "培训评价组织", pages: [{ label: "培训评价组织", href: "/school/orgs" }] },
  "school.schools": { portal: "school", section: "机构管理", label: "试点院校管理", pages: [{ label: "试点院校管理", href: "/school/schools" }] },
  "school.signature": { portal: "school", section: "机构管理", label: "电子签章管理", principalOnly: true },
  "school.standards": {
    portal: "school",
    section: "标准管理",
    label: "标准查看",
    pages: [
      { label: "职业技能等级标准", href: "/school/standards/skill" },
      { label: "考核站点建设标准", href: "/school/standards/site" },
    ],
  },
  "school.certificates": { portal: "school", section: "证书管理", label: "证书信息管理", pages: [{ label: "证书信息管理", href: "/school/certificates" }] },
  "school.applications": {
    portal: "school",
    section: "证书管理",
    label: "证书试点申报",
    pages: [{ label: "证书试点申报", href: "/school/applications" }],
    applicant: true,
  },
  "school.plans": { portal: "school", section: "证书管理", label: "申报计划", pages: [{ label: "申报计划", href: "/school/plans" }], applicant: true },
  "school.subjects": { portal: "school", section: "考务管理", label: "考试科目", pages: [{ label: "考试科目", href: "/school/subjects" }] },
  "school.examPlans": { portal: "school", section: "考务管理", label: "考试计划", pages: [{ label: "考试计划", href: "/school/exam-plans" }] },
  "school.candidates": {
    portal: "school",
    section: "考务管理",
    label: "考生管理",
    pages: [
      { label: "本校考生管理", href: "/school/candidates" },
      { label: "社会考生管理", href: "/school/candidates/social" },
    ],
  },
  "school.sites": {
    portal: "school",
    section: "考务管理",
    label: "考核站点",
    pages: [{ label: "考核站点", href: "/school/sites" }],
  },
  "school.rooms": { portal: "school", section: "考务管理", label: "考场管理", pages: [{ label: "考场管理", href: "/school/rooms" }] },
  "school.invigilators": { portal: "school", section: "考务管理", label: "监考人员", pages: [{ label: "监考人员", href: "/school/invigilators" }] },
  "school.registrations": { portal: "school", section: "考务管理", label: "报考管理", pages: [{ label: "报考管理", href: "/school/registrations" }] },
  "school.payments": { portal: "school", section: "考务管理", label: "缴费管理", pages: [{ label: "缴费管理", href: "/school/payments" }] },
  "school.scheduling": {
    portal: "school",
    section: "考务管理",
    label: "排考管理",
    pages: [
      { label: "考核站点编排", href: "/school/scheduling" },
      { label: "考场编排", href: "/school/scheduling/rooms" },
      { label: "排考明细", href: "/school/scheduling/sittings" },
    ],
  },
  "school.scores": {
    portal: "school",
    section: "考务管理",
    label: "成绩管理",
    pages: [
      { label: "科目成绩", href: "/school/scores" },
      { label: "考证结果", href: "/school/results" },
    ],
  },
  "school.teachers": { portal: "school", section: "教师管理", label: "教师管理", pages: [{ label: "教师管理", href: "/school/teachers" }] },
  // 证书发放管理 (002 §4.2.3–4.2.4): the principal, or a 证书负责人 sub-account for its certificates.
  "school.issuance": {
    portal: "school",
    section: "证书管理",
    label: "证书发放管理",
    pages: [{ label: "证书发放管理", href: "/school/issuance" }],
  },
  "school.statistics": {
    portal: "school",
    section: "统计分析",
    label: "证书通过率统计",
    pages: [
      { label: "按证书统计", href: "/school/statistics" },
      { label: "按证书等级统计", href: "/school/statistics/levels" },
    ],
  },
  "school.reports": { portal: "school", section: "周报管理", label: "提交周报", pages: [{ label: "提交周报", href: "/school/reports" }], principalOnly: true },
  "school.users": { portal: "school", section: "系统管理", label: "用户管理", pages: [{ label: "用户管理", href: "/school/users" }], principalOnly: true },

  "org.workbench": { portal: "org", section: "工作台", label: "工作台", pages: [{ label: "工作台", href: "/org" }], always: true },
  "org.standards": {
    portal: "org",
    section: "标准管理",
    label: "标准管理",
    pages: [
      { label: "职业技能等级标准", href: "/org/standards/skill" },
      { label: "考核站点建设标准", href: "/org/standards/site" },
    ],
  },
  "org.certificates": { portal: "org", section: "证书管理", label: "证书信息管理", pages: [{ label: "证书信息管理", href: "/org/certificates" }] },
  "org.examPlans": { portal: "org", section: "考务管理", label: "考试计划", pages: [{ label: "考试计划", href: "/org/exam-plans" }] },
  "org.sites": {
    portal: "org",
    section: "考务管理",
    label: "考核站点",
    pages: [
      { label: "考核站点审核", href: "/org/sites" },
      { label: "考核站点分配", href: "/org/sites/allocations" },
    ],
  },
  "org.invigilators": { portal: "org", section: "考务管理", label: "考评人员认证", pages: [{ label: "考评人员认证", href: "/org/invigilators" }] },
  "org.scheduling": {
    portal: "org",
    section: "考务管理",
    label: "排考管理",
    pages: [
      { label: "考核站点编排", href: "/org/scheduling" },
      { label: "考场编排", href: "/org/scheduling/rooms" },
      { label: "排考明细", href: "/org/scheduling/sittings" },
    ],
  },
  "org.registrations": { portal: "org", section: "考务管理", label: "报考信息", pages: [{ label: "报考信息", href: "/org/registrations" }] },
  "org.scores": {
    portal: "org",
    section: "考务管理",
    label: "成绩管理",
    pages: [
      { label: "科目成绩", href: "/org/scores" },
      { label: "考证结果", href: "/org/results" },
    ],
  },
  "org.payments": {
    portal: "org",
    section: "考务管理",
    label: "缴费管理",
    pages: [
      { label: "缴费管理", href: "/org/payments" },
      { label: "收费标准", href: "/org/payments/fees" },
    ],
  },

  "org.issuance": {
    portal: "org",
    section: "证书管理",
    label: "证书发放管理",
    pages: [{ label: "证书发放管理", href: "/org/issuance" }],
  },

  "org.statistics": {
    portal: "org",
    section: "统计分析",
    label: "证书通过率统计",
    pages: [
      { label: "按证书统计", href: "/org/statistics" },
      { label: "按证书等级统计", href: "/org/statistics/levels" },
    ],
  },

  "edu.workbench": { portal: "edu", section: "工作台", label: "工作台", pages: [{ label: "工作台", href: "/edu" }], always: true },
  "edu.schools": { portal: "edu", section: "机构管理", label: "院校管理", pages: [{ label: "院校管理", href: "/edu/schools" }] },
  "edu.orgs": { portal: "edu", section: "机构管理", label: "培训评价组织", pages: [{ label: "培训评价组织", href: "/edu/orgs" }] },
  "edu.plans": { portal: "edu", section: "证书管理", label: "申报计划", pages: [{ label: "申报计划", href: "/edu/plans" }] },
  "edu.applications": { portal: "edu", section: "证书管理", label: "证书试点申报审核", pages: [{ label: "证书试点申报审核", href: "/edu/applications" }] },
  "edu.certificates": { portal: "edu", section: "证书管理", label: "证书信息管理", pages: [{ label: "证书信息管理", href: "/edu/certificates" }] },
  "edu.statistics": {
    portal: "edu",
    section: "统计分析",
    label: "证书通过率统计",
    pages: [
      { label: "按证书统计", href: "/edu/statistics" },
      { label: "按证书等级统计", href: "/edu/statistics/levels" },
    ],
  },
  "edu.reports": { portal: "edu", section: "周报管理", label: "周报审核", pages: [{ label: "周报审核", href: "/edu/reports" }] },
  "edu.users": { portal: "edu", section: "系统管理", label: "院校负责人账号", pages: [{ label: "院校负责人账号", href: "/edu/users" }] },

  "admin.workbench": { portal: "admin", section: "工作台", label: "工作台", pages: [{ label: "工作台", href: "/admin" }], always: true },
  "admin.schools": { portal: "admin", section: "机构管理", label: "院校管理", pages: [{ label: "院校管理", href: "/admin/schools" }] },
  "admin.orgs": { portal: "admin", section: "机构管理", label: "培训评价组织", pages: [{ label: "培训评价组织", href: "/admin/orgs" }] },
  "admin.standards": {
    portal: "admin",
    section: "标准管理",
    label: "标准查看",
    pages: [
      { label: "职业技能等级标准", href: "/admin/standards/skill" },
      { label: "考核站点建设标准", href: "/admin/standards/site" },
    ],
  },
  "admin.certificates": { portal: "admin", section: "证书管理", label: "证书信息管理", pages: [{ label: "证书信息管理", href: "/admin/certificates" }] },
  "admin.announcements": { portal: "admin", section: "信息发布", label: "通知公告", pages: [{ label: "通知公告", href: "/admin/announcements" }] },
  "admin.users": { portal: "admin", section: "系统管理", label: "用户管理", pages: [{ label: "用户管理", href: "/admin/users" }] },
  "admin.roles": { portal: "admin", section: "系统管理", label: "角色管理", pages: [{ label: "角色管理", href: "/admin/roles" }] },
  "admin.audit": { portal: "admin", section: "系统管理", label: "审计日志", pages: [{ label: "审计日志", href: "/admin/audit" }] },

  "student.workbench": { portal: "student", section: "工作台", label: "工作台", pages: [{ label: "工作台", href: "/student" }], always: true },
  "student.profile": { portal: "student", section: "个人中心", label: "个人信息", pages: [{ label: "个人信息", href: "/student/profile" }], always: true },
  "student.registrations": {
    portal: "student",
    section: "考试信息",
    label: "我的报考",
    pages: [{ label: "我的报考", href: "/student/registrations" }],
    always: true,
  },
  "student.tickets": { portal: "student", section: "考试信息", label: "我的准考证", pages: [{ label: "我的准考证", href: "/student/tickets" }], always: true },
  "student.scores": {
    portal: "student",
    section: "考试信息",
    label: "成绩与考证结果",
    pages: [
      { label: "我的成绩", href: "/student/scores" },
      { label: "我的考证结果", href: "/student/results" },
    ],
    always: true,
  },
  "student.certificates": {
    portal: "student",
    section: "我的证书",
    label: "我的证书",
    pages: [{ label: "我的证书", href: "/student/certificates" }],
    always: true,
  },
} as const satisfies Record<string, PermissionDef>;

export type Permission = keyof typeof PERMISSIONS;
export type PortalOf<K extends Permission> = (typeof PERMISSIONS)[K]["portal"];
const DEFS = PERMISSIONS as Record<Permission, PermissionDef>;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(k: string): k is Permission {
  return Object.hasOwn(PERMISSIONS, k);
}

/** The known permissions among these keys, in the table's order (unknown keys dropped). */
export function inTableOrder(keys: readonly string[]): Permission[] {
  const set = new Set(keys);
  return ALL_PERMISSIONS.filter((k) => set.has(k));
}

/** The portals that have sub-accounts whose rights come from a maintained role. */
export const ROLE_PORTALS = ["school"] as const satisfies readonly Portal[];
export type RolePortal = (typeof ROLE_PORTALS)[number];

/** What a role of this portal may grant: not the workbench (everyone has it), not the principal's own rights. */
export function grantable(portal: Portal): Permission[] {
  return ALL_PERMISSIONS.filter((k) => DEFS[k].portal === portal && !DEFS[k].always && !DEFS[k].principalOnly);
}

export type Holder = {
  role: RoleName;
  /** The school is still applying to become a pilot. */
  applying?: boolean;
  /** For a sub-account: its role's permissions (unknown keys ignored); otherwise unused. */
  granted?: readonly string[] | null;
};

/** Every permission the account holds. */
export function permissionsOf(h: Holder): Permission[] {
  const portal = portalOfRole(h.role);
  const granted = new Set(h.granted ?? []);
  return ALL_PERMISSIONS.filter((k) => {
    const d = DEFS[k];
    if (d.portal !== portal) return false;
    if (portal === "school") {
      if (h.applying ? !d.applicant : d.applicant === "only") return false;
      if (d.principalOnly && h.role !== "SCHOOL_PRINCIPAL") return false;
      if (h.role === "SCHOOL_ADMIN" && !d.always && !granted.has(k)) return false;
    }
    return true;
  });
}

/** The roles that could hold any of these permissions (the procedure's declared access). */
export function rolesHolding(perms: readonly Permission[]): RoleName[] {
  const roles: RoleName[] = ["ADMIN", "EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"];
  return roles.filter((r) => perms.some((k) => DEFS[k].portal === portalOfRole(r) && !(r === "SCHOOL_ADMIN" && DEFS[k].principalOnly)));
}

/** Whether an applying school may hold any of these (the procedure builder lets it through to the check). */
export function openToApplicant(perms: readonly Permission[]): boolean {
  return perms.some((k) => !!DEFS[k].applicant);
}

export function portalOfPermission(k: Permission): Portal {
  return DEFS[k].portal;
}

export function permissionLabel(k: Permission): string {
  return DEFS[k].label;
}

/** The menu: each section in table order, with the pages of the permissions held. */
export function menuFor(held: readonly Permission[]): MenuSection[] {
  const sections: MenuSection[] = [];
  for (const k of ALL_PERMISSIONS) {
    const d = DEFS[k];
    if (!held.includes(k) || !d.pages) continue;
    let s = sections.find((x) => x.label === d.section);
    if (!s) sections.push((s = { label: d.section, items: [] }));
    s.items.push(...d.pages);
  }
  return sections;
}

/** The role editor's tree: a portal's grantable permissions by section. */
export function grantableTree(portal: Portal): { section: string; permissions: { key: Permission; label: string }[] }[] {
  const out: { section: string; permissions: { key: Permission; label: string }[] }[] = [];
  for (const k of grantable(portal)) {
    const d = DEFS[k];
    let s = out.find((x) => x.section === d.section);
    if (!s) out.push((s = { section: d.section, permissions: [] }));
    s.permissions.push({ key: k, label: d.label });
  }
  return out;
}

/** Who may upload which kind of file. Attaching it to a record is checked again by that record's use case. */
export const UPLOAD_PERMISSIONS: Record<UploadPurpose, readonly Permission[]> = {
  SCHOOL_LOGO: ["school.profile"],
  SIGNATURE: ["school.signature"],
  ORG_SEAL: ["org.issuance"],
  STANDARD_ATTACHMENT: ["org.standards", "admin.standards"],
  CERTIFICATE_SAMPLE: ["org.certificates", "admin.certificates"],
  ANNOUNCEMENT_ATTACHMENT: ["admin.announcements"],
  APPLICATION_EVIDENCE: ["school.applications"],
  WEEKLY_REPORT_SCAN: ["school.reports"],
  REPORT_OUTLINE: ["edu.reports"],
  CANDIDATE_PHOTO: ["school.candidates"],
  SITE_EVIDENCE: ["school.sites"],
};

export function holdsAny(held: readonly Permission[], perms: readonly Permission[]): boolean {
  return perms.some((k) => held.includes(k));
}

// Who may manage (enable, disable, reset) whose account: the hierarchy of manual 001 §1.2 and §1.9.
export type Actor = {
  id: string;
  role: RoleName;
  schoolId?: string | null;
  departmentId?: string | null;
  departmentRegionPrefix?: string | null; // the region codes the department covers start with this
};

export type ManagedTarget = {
  id: string;
  role: RoleName;
  schoolId?: string | null;
  schoolRegionCode?: string | null;
  schoolDepartmentId?: string | null;
};

/** The one table of who manages which accounts; managedUsersWhere builds its database filter from it. */
export const MANAGES: Partial<Record<RoleName, { roles: readonly RoleName[]; within: "platform" | "region" | "school" }>> = {
  ADMIN: { roles: ["EDU", "ORG", "SCHOOL_PRINCIPAL", "SCHOOL_ADMIN", "STUDENT"], within: "platform" },
  // Departments manage the principals of schools in their region.
  EDU: { roles: ["SCHOOL_PRINCIPAL"], within: "region" },
  SCHOOL_PRINCIPAL: { roles: ["SCHOOL_ADMIN"], within: "school" },
};

export function canManageUser(actor: Actor, target: ManagedTarget): boolean {
  if (actor.id === target.id) return false;
  const rule = MANAGES[actor.role];
  if (!rule || !rule.roles.includes(target.role)) return false;
  switch (rule.within) {
    case "platform":
      return true;
    case "region":
      return !!target.schoolRegionCode && !!actor.departmentRegionPrefix && target.schoolRegionCode.startsWith(actor.departmentRegionPrefix);
    case "school":
      return !!actor.schoolId && target.schoolId === actor.schoolId;
  }
}

export { regionPrefix } from "@/domain/regions";
