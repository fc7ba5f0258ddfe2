// The 工作台 of each portal: the signed-in user's pending work and open windows, with links.
// Each capability adds its items here.
import type { Db } from "@/server/db";
import type { Clock } from "@/server/clock";
import { schoolsInRegion, type Actor, type Scope } from "@/server/tenancy";
import { managedUsersWhere } from "@/server/accounts/queries";
import { visiblePlansWhere } from "@/server/plans/manage-plans";
import { applicationsWhere } from "@/server/applications/scope";
import { reportsWhere } from "@/server/reports/scope";
import { sitesWhere } from "@/server/sites/scope";
import { registrationsWhere } from "@/server/registrations/scope";
import { roomSchedulesWhere } from "@/server/scheduling/scope";
import { missingSummary } from "@/server/reports/review-reports";
import { currentPeriod } from "@/server/reports/manage-reports";
import { holdsAny, type Permission } from "@/domain/auth/permissions";

export type WorkbenchItem = { title: string; count?: number; detail: string; href?: string; tone: "todo" | "info" | "warn" };

export async function workbenchItems({
  ctx,
}: {
  ctx: { db: Db; clock: Clock; scope: Scope; actor: Actor };
}): Promise<{ items: WorkbenchItem[]; stats: { label: string; value: number }[] }> {
  const { db, clock, scope, actor } = ctx;
  const role = actor.role;
  // Each item shows only to a holder of the permission its link needs (a sub-account's role may lack it).
  const can = (...perms: Permission[]) => holdsAny(scope.permissions, perms);
  const items: WorkbenchItem[] = [];
  const stats: { label: string; value: number }[] = [];
  const now = clock.now();

  if (can("admin.users", "edu.users", "school.users")) {
    const where = managedUsersWhere(scope);
    const [disabled, total] = await Promise.all([db.user.count({ where: { AND: [where, { status: "DISABLED" }] } }), db.user.count({ where })]);
    const href = role === "ADMIN" ? "/admin/users?status=DISABLED" : role === "EDU" ? "/edu/users?status=DISABLED" : "/school/users?status=DISABLED";
    if (disabled > 0)
      items.push({ title: "已停用的下级账号", count: disabled, detail: "其中可能有因密码连续错误被停用、等待您重新启用的账号", href, tone: "todo" });
    stats.push({ label: role === "EDU" ? "辖区院校负责人账号" : role === "SCHOOL_PRINCIPAL" ? "业务管理员账号" : "平台账号", value: total });
  }
  if (role === "ADMIN") {
    const since = new Date(now.getTime() - 86400000);
    const failures = await db.auditLog.count({ where: { at: { gte: since }, outcome: "FAILURE", action: { startsWith: "auth." } } });
    if (failures > 0)
      items.push({
        title: "近 24 小时登录失败",
        count: failures,
        detail: "查看审计日志中的登录失败、冻结与停用记录",
        href: "/admin/audit?outcome=FAILURE&action=auth.",
        tone: "warn",
      });
    const [schools, orgs, certificates, majors] = await Promise.all([db.school.count(), db.evaluationOrg.count(), db.certificate.count(), db.major.count()]);
    stats.push(
      { label: "院校", value: schools },
      { label: "培训评价组织", value: orgs },
      { label: "证书", value: certificates },
      { label: "专业目录", value: majors },
    );
  }
  if (scope.kind === "org") {
    const [certificates, subjects] = await Promise.all([
      db.certificate.count({ where: { orgId: scope.orgId } }),
      db.examSubject.count({ where: { certificateLevel: { certificate: { orgId: scope.orgId } } } }),
    ]);
    stats.push({ label: "本机构证书", value: certificates }, { label: "考试科目", value: subjects });
    const [sites, certifications, enabled] = await Promise.all([
      db.assessmentSite.count({ where: { orgId: scope.orgId, reviewStatus: "SUBMITTED" } }),
      db.invigilatorCertificate.count({ where: { orgId: scope.orgId, status: "PENDING" } }),
      db.assessmentSite.count({ where: { orgId: scope.orgId, reviewStatus: "APPROVED", status: "ENABLED" } }),
    ]);
    if (sites && can("org.sites"))
      items.push({
        title: "待审核的考核站点",
        count: sites,
        detail: "按考核站点建设标准审核师资、设备与场地，通过或退回并说明原因",
        href: "/org/sites",
        tone: "todo",
      });
    const orders = can("org.payments") ? await db.paymentOrder.count({ where: { orgId: scope.orgId, status: "UNCONFIRMED" } }) : 0;
    if (orders)
      items.push({
        title: "待确认的缴费申请单",
        count: orders,
        detail: "按缴费单号核对线下到账后确认缴费，报考信息即标记为已缴费",
        href: "/org/payments",
        tone: "todo",
      });
    if (certifications && can("org.invigilators"))
      items.push({
        title: "待认证的考评人员",
        count: certifications,
        detail: "院校提交的监考人员，按证书认证通过或不通过",
        href: "/org/invigilators",
        tone: "todo",
      });
    stats.push({ label: "已启用考核站点", value: enabled });
    if (can("org.scheduling")) {
      // 排考 open now: subjects not yet scheduled, and scheduled ones schools cannot see until published.
      const open = { plan: { orgId: scope.orgId, schedulingStartsAt: { lte: now }, schedulingEndsAt: { gt: now } } };
      const [waiting, unpublished] = await Promise.all([
        db.examPlanSubject.count({ where: { ...open, scheduledAt: null } }),
        db.examPlanSubject.count({ where: { ...open, scheduledAt: { not: null }, publishedAt: null } }),
      ]);
      if (waiting)
        items.push({
          title: "排考进行中，尚未排考的科目",
          count: waiting,
          detail: "在排考时间内自动排考，检查未排入的考生和监考安排后发布",
          href: "/org/scheduling",
          tone: "todo",
        });
      if (unpublished)
        items.push({
          title: "已排考未发布的科目",
          count: unpublished,
          detail: "发布后院校才能查看考场编排、下载考场资料，考生才能下载准考证",
          href: "/org/scheduling",
          tone: "warn",
        });
    }
    if (can("org.scores")) {
      // 成绩登记 open now: scheduled sittings without a score yet.
      const unscored = await db.registrationSubject.count({
        where: {
          roomId: { not: null },
          score: { is: null },
          planSubject: { plan: { orgId: scope.orgId, scoringStartsAt: { lte: now }, scoringEndsAt: { gt: now } } },
        },
      });
      if (unscored)
        items.push({
          title: "成绩登记中，尚未登记成绩的考生科目",
          count: unscored,
          detail: "在成绩登记时间内导入或录入科目成绩（缺考、违纪须标明）；公示期开始后只能逐条更正",
          href: "/org/scores",
          tone: "todo",
        });
    }
  }
  if (scope.kind === "department") {
    const schools = await db.school.count({ where: schoolsInRegion(scope) });
    stats.push({ label: "辖区院校", value: schools });
  }
  // Windows open now: the application plans of the province.
  if (can("edu.plans", "school.plans")) {
    const open = await db.applicationPlan.findMany({
      where: { AND: [await visiblePlansWhere(db, scope), { startsAt: { lte: now }, endsAt: { gte: now } }] },
      orderBy: { endsAt: "asc" },
    });
    for (const p of open) {
      const days = Math.ceil((p.endsAt.getTime() - now.getTime()) / 86400000);
      items.push({
        title: `申报计划进行中：${p.year}年${p.batch}`,
        detail: `截止 ${p.endsAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}（剩 ${days} 天）${p.byMajor ? "，要求按专业填报" : ""}`,
        href: role === "EDU" ? "/edu/plans" : "/school/plans",
        tone: "todo",
      });
    }
  }
  // Reviews waiting for this department at its own stage, and the weekly reports of its region.
  if (scope.kind === "department") {
    const stage = scope.level === "CITY" ? "CITY" : "PROVINCE";
    const [apps, reports, missing] = await Promise.all([
      db.pilotApplication.count({ where: { AND: [applicationsWhere(scope), { status: "IN_REVIEW", reviewStage: stage }] } }),
      db.weeklyReport.count({ where: { AND: [reportsWhere(scope), { status: "PENDING" }] } }),
      missingSummary({ ctx: { db, clock, scope } }),
    ]);
    if (apps && can("edu.applications"))
      items.push({
        title: stage === "CITY" ? "待初审的证书试点申报" : "待审核的证书试点申报",
        count: apps,
        detail: stage === "CITY" ? "初审通过后提交省级教育行政部门审核" : "审核通过时核定各专业的批准培训人数",
        href: "/edu/applications",
        tone: "todo",
      });
    if (reports && can("edu.reports"))
      items.push({ title: "待审核的周报", count: reports, detail: "审核通过或退回并说明原因", href: "/edu/reports", tone: "todo" });
    if (missing.total && can("edu.reports"))
      items.push({
        title: "本期未提交周报的院校",
        count: missing.total,
        detail: `${missing.period.label}，共 ${missing.schools} 所试点院校`,
        href: "/edu/reports",
        tone: "warn",
      });
  }
  if (can("school.applications")) {
    const returned = await db.pilotApplication.count({ where: { AND: [applicationsWhere(scope), { status: "RETURNED" }] } });
    if (returned)
      items.push({ title: "审核退回的证书试点申报", count: returned, detail: "查看退回原因，修改后重新提交", href: "/school/applications", tone: "warn" });
  }
  if (scope.kind === "school" && can("school.sites")) {
    const returned = await db.assessmentSite.count({ where: { AND: [sitesWhere(scope), { reviewStatus: "RETURNED" }] } });
    if (returned)
      items.push({ title: "审核退回的考核站点", count: returned, detail: "查看审核信息中的退回原因，修改后重新提交", href: "/school/sites", tone: "warn" });
  }
  if (scope.kind === "school" && can("school.rooms")) {
    // 003: rooms are set between the plan's publication and its 排考; a plan about to schedule without a room of ours.
    const soon = await db.examPlan.findMany({
      where: {
        schools: { some: { schoolId: scope.schoolId } },
        schedulingStartsAt: { gt: now, lte: new Date(now.getTime() + 14 * 86400000) },
        rooms: { none: { schoolId: scope.schoolId } },
      },
      orderBy: { schedulingStartsAt: "asc" },
      take: 3,
    });
    for (const p of soon)
      items.push({
        title: `尚未设置考场：${p.name}`,
        detail: `排考 ${p.schedulingStartsAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 开始，考场须在此之前设置`,
        href: "/school/rooms",
        tone: "warn",
      });
  }
  if (scope.kind === "school" && can("school.registrations")) {
    // 001 §3.1.2.7: 报考 only inside the plan's window; the plans open now, with how long they stay open.
    const open = await db.examPlan.findMany({
      where: { schools: { some: { schoolId: scope.schoolId } }, registrationStartsAt: { lte: now }, registrationEndsAt: { gt: now } },
      orderBy: { registrationEndsAt: "asc" },
      take: 3,
      select: { id: true, name: true, registrationEndsAt: true, _count: { select: { registrations: { where: registrationsWhere(scope) } } } },
    });
    for (const p of open)
      items.push({
        title: `报考进行中：${p.name}`,
        count: p._count.registrations,
        detail: `本校已报考 ${p._count.registrations} 人次，报考 ${p.registrationEndsAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 截止，逾期不能报考和删除报考`,
        href: "/school/registrations",
        tone: "warn",
      });
  }
  if (scope.kind === "school" && can("school.payments")) {
    const unpaid = await db.registration.count({
      where: {
        AND: [registrationsWhere(scope), { paidAt: null, paymentOrderId: null, plan: { registrationStartsAt: { lte: now }, registrationEndsAt: { gt: now } } }],
      },
    });
    if (unpaid)
      items.push({
        title: "尚未生成缴费申请单的报考",
        count: unpaid,
        detail: "培训评价组织要求在平台缴费时，请在报考时间内生成缴费申请单并按单线下缴费",
        href: "/school/payments",
        tone: "todo",
      });
  }
  if (scope.kind === "school" && can("school.scheduling")) {
    // Published rooms whose exam is still ahead: their documents are to be printed.
    const rooms = await db.roomSchedule.count({ where: { AND: [roomSchedulesWhere(scope), { planSubject: { endsAt: { gt: now } } }] } });
    if (rooms)
      items.push({
        title: "已发布排考的考场",
        count: rooms,
        detail: "在考场编排中查看考生名单，下载准考证、考场门贴、桌贴和签到表",
        href: "/school/scheduling/rooms",
        tone: "todo",
      });
  }
  if (scope.kind === "school" && can("school.scores")) {
    // Results whose 公示 runs now: the school checks them with its students while corrections are still possible.
    const inPublicity = await db.certificationResult.count({
      where: { registration: registrationsWhere(scope), plan: { publicityStartsAt: { lte: now }, publicityEndsAt: { gt: now } } },
    });
    if (inPublicity)
      items.push({
        title: "成绩公示中的考证结果",
        count: inPublicity,
        detail: "公示期内学生对成绩有疑问请联系培训评价组织查证；公示期结束后成绩永久锁定",
        href: "/school/results",
        tone: "todo",
      });
  }
  if (scope.kind === "school" && can("school.invigilators")) {
    const rejected = await db.invigilatorCertificate.count({ where: { status: "REJECTED", invigilator: { schoolId: scope.schoolId } } });
    if (rejected)
      items.push({
        title: "认证未通过的监考证书",
        count: rejected,
        detail: "查看不通过原因，补充后在监考人员中再次提交",
        href: "/school/invigilators",
        tone: "warn",
      });
  }
  if (scope.kind === "school" && scope.applying) {
    items.unshift({
      title: "贵校尚未成为试点院校",
      detail: "请先完善院校基础信息，再在申报计划时间内申报证书试点；申报审核通过且申报计划结束后即成为试点院校",
      href: "/school/info",
      tone: "todo",
    });
  } else if (can("school.reports")) {
    const cur = await currentPeriod({ ctx });
    if (!cur.report || cur.report.status === "DRAFT" || cur.report.status === "RETURNED") {
      items.push({
        title: `本期${cur.cadence === "WEEKLY" ? "周报" : "半月报"}${cur.report ? "尚未提交" : "尚未填写"}`,
        detail: `${cur.label}，请在下个周期开始前提交`,
        href: "/school/reports",
        tone: "todo",
      });
    }
  }
  const me = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { lastLoginAt: true, passwordChangedAt: true } });
  const trusted = await db.trustedDevice.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } } });
  items.push({
    title: "账号安全",
    detail: `已信任的浏览器 ${trusted} 个（7 天内免短信验证）${me.passwordChangedAt ? `；密码修改于 ${me.passwordChangedAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })}` : ""}`,
    href: "/account/password",
    tone: "info",
  });
  return { items, stats };
}
