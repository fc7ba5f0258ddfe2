// Demo sections for the exam organisation (issue 13): each org's 考试计划 in every phase relative to today,
// 考核站点 in every review state, 借考 allocations, and rooms for ended, scheduling and coming plans.
import type { Tx } from "@/server/db";
import { siteName } from "@/domain/sites/rules";

const day = 86_400_000;
const hour = 3_600_000;

/** Windows after `start` (days): 报考 [0, 10), 排考 [5, 12), 考试 day 14 09:00–17:00, 成绩登记 [15, 20), 公示 [21, 28). */
function windows(start: Date) {
  const at = (d: number, h = 0) => new Date(start.getTime() + d * day + h * hour);
  return {
    registrationStartsAt: at(0),
    registrationEndsAt: at(10),
    schedulingStartsAt: at(5),
    schedulingEndsAt: at(12),
    examStartsAt: at(14, 9),
    examEndsAt: at(14, 17),
    scoringStartsAt: at(15),
    scoringEndsAt: at(20),
    publicityStartsAt: at(21),
    publicityEndsAt: at(28),
  };
}

/** The 4 digits after a plan's exam day, from the sequence the org's 发布考试计划 uses too. */
async function planNumber(tx: Tx): Promise<string> {
  const [{ n }] = await tx.$queryRaw<{ n: string }[]>`SELECT lpad((nextval('exam_plan_code_seq') % 10000)::text, 4, '0') AS n`;
  return n;
}

/** A plan in its exam days: 排考 over, the exam from yesterday 09:00 to the day after tomorrow 17:00 (start is 20 days ago). */
function examDaysWindows(start: Date) {
  const at = (d: number, h = 0) => new Date(start.getTime() + d * day + h * hour);
  return {
    registrationStartsAt: at(0),
    registrationEndsAt: at(10),
    schedulingStartsAt: at(5),
    schedulingEndsAt: at(18),
    examStartsAt: at(19, 9),
    examEndsAt: at(22, 17),
    scoringStartsAt: at(23),
    scoringEndsAt: at(28),
    publicityStartsAt: at(29),
    publicityEndsAt: at(36),
  };
}

// Plans by their start relative to today: ended (scores locked), in 成绩公示 (since 3 days), in its exam days (schedule
// published), now scheduling (registration still open), not yet scheduling, later.
const PHASES = [-75, -24, -20, -7, 2, 40];
const EXAM_DAYS = -20;

export async function seedExamPlans(tx: Tx, now: Date): Promise<void> {
  if (await tx.examPlan.count()) return;
  // Midnight in Beijing, so windows open at 00:00 local time.
  const today = new Date(Math.floor((now.getTime() + 8 * hour) / day) * day - 8 * hour);
  const orgs = await tx.evaluationOrg.findMany({
    include: {
      certificates: {
        include: {
          levels: {
            include: {
              pilotApplications: { where: { status: "APPROVED" }, select: { schoolId: true } },
              subjects: { where: { status: "ENABLED" }, orderBy: { code: "asc" } },
            },
          },
        },
      },
    },
  });
  for (const org of orgs) {
    const levels = org.certificates.flatMap((c) => c.levels);
    const schoolIds = [...new Set(levels.flatMap((l) => l.pilotApplications.map((a) => a.schoolId)))];
    if (schoolIds.length === 0) continue;
    for (const [k, offset] of PHASES.entries()) {
      const start = new Date(today.getTime() + offset * day);
      const w = offset === EXAM_DAYS ? examDaysWindows(start) : windows(start);
      const local = new Date(w.examStartsAt.getTime() + 8 * hour);
      const ymd = local.toISOString().slice(0, 10).replace(/-/g, "");
      await tx.examPlan.create({
        data: {
          code: `${ymd}${await planNumber(tx)}`,
          name: `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月第${k + 1}批${org.name}证书考试计划`,
          year: local.getUTCFullYear(),
          orgId: org.id,
          ...w,
          schools: { create: schoolIds.map((schoolId) => ({ schoolId })) },
          levels: { create: levels.map((l) => ({ certificateLevelId: l.id })) },
          // Each level's subjects one after another on exam day: the first at 09:00, the next at 13:30. In its exam
          // days, the first subjects yesterday and the next ones the day after tomorrow.
          subjects: {
            create: levels.flatMap((l) =>
              l.subjects.map((s, j) => {
                const after = offset === EXAM_DAYS ? (j % 2) * 2 * day + Math.floor(j / 2) * 4.5 * hour : j * 4.5 * hour;
                const startsAt = new Date(w.examStartsAt.getTime() + after);
                return { subjectId: s.id, startsAt, endsAt: new Date(startsAt.getTime() + s.durationMinutes * 60_000) };
              }),
            ),
          },
        },
      });
    }
  }
}

type Review = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED" | "DISABLED";

export async function seedSites(tx: Tx, now: Date): Promise<void> {
  if (await tx.assessmentSite.count()) return;
  const pilots = await tx.pilotApplication.findMany({
    where: { status: "APPROVED", school: { isPilot: true } },
    include: {
      school: {
        select: { id: true, code: true, name: true, regionCode: true, users: { where: { role: "SCHOOL_PRINCIPAL" }, select: { id: true, name: true } } },
      },
      certificateLevel: {
        include: { certificate: { select: { name: true, orgId: true, org: { select: { name: true, users: { select: { id: true, name: true } } } } } } },
      },
    },
    orderBy: [{ school: { code: "asc" } }, { certificateLevel: { code: "asc" } }],
  });
  // One site per school and org, for the levels it pilots with that org.
  const groups = new Map<string, typeof pilots>();
  for (const p of pilots) {
    const key = `${p.schoolId}|${p.certificateLevel.certificate.orgId}`;
    const g = groups.get(key) ?? [];
    if (!g.some((x) => x.certificateLevelId === p.certificateLevelId)) g.push(p);
    groups.set(key, g);
  }
  // The demo school (北方工业大学) has one approved, one awaiting review and one returned; others mostly approved.
  const demoStates: Review[] = ["APPROVED", "SUBMITTED", "RETURNED"];
  let demo = 0;
  let k = 0;
  for (const g of groups.values()) {
    const { school } = g[0];
    const cert = g[0].certificateLevel.certificate;
    const state: Review =
      school.code === "4111010009"
        ? demoStates[demo++ % 3]
        : (["APPROVED", "APPROVED", "SUBMITTED", "APPROVED", "DISABLED", "APPROVED", "DRAFT", "RETURNED"] as Review[])[k % 8];
    k++;
    const [{ code }] = await tx.$queryRaw<{ code: string }[]>`SELECT nextval('assessment_site_code_seq')::text AS code`;
    const submittedAt = new Date(now.getTime() - (20 + (k % 9)) * day);
    const reviewedAt = new Date(submittedAt.getTime() + 3 * day);
    const reviewStatus = state === "DISABLED" ? "APPROVED" : state;
    const site = await tx.assessmentSite.create({
      data: {
        code,
        name: siteName(
          school.name,
          g.map((p) => ({ certificateName: p.certificateLevel.certificate.name, level: p.certificateLevel.level })),
        ),
        schoolId: school.id,
        orgId: cert.orgId,
        regionCode: school.regionCode,
        address: `${school.name}实训楼 ${1 + (k % 5)} 号楼 ${200 + k} 室`,
        contactName: ["李红", "王建国", "张敏", "刘洋", "陈静"][k % 5],
        contactPhone: `1356${String(1000000 + k * 7919).slice(-7)}`,
        contactEmail: `kaodian${k}@example.edu.cn`,
        intro: `${school.name}建有计算机机房 ${2 + (k % 3)} 间、实训室 ${1 + (k % 2)} 间，可同时容纳 ${80 + k * 5} 名考生，配备监控与网络隔离设备，符合考核站点建设标准。`,
        reviewStatus,
        status: state === "DISABLED" ? "DISABLED" : reviewStatus === "APPROVED" ? "ENABLED" : "INACTIVE",
        submittedAt: state === "DRAFT" ? null : submittedAt,
        reviewedAt: reviewStatus === "APPROVED" || reviewStatus === "RETURNED" ? reviewedAt : null,
        createdById: school.users[0]?.id ?? null,
        createdAt: submittedAt,
        levels: { create: g.map((p) => ({ schoolId: school.id, certificateLevelId: p.certificateLevelId })) },
      },
    });
    if (state === "DRAFT") continue;
    const principal = school.users[0];
    await tx.reviewEvent.create({
      data: {
        siteId: site.id,
        action: "SUBMIT",
        actorId: principal?.id ?? null,
        actorLabel: `${school.name}（${principal?.name ?? "负责人"}）`,
        at: submittedAt,
      },
    });
    if (reviewStatus === "APPROVED" || reviewStatus === "RETURNED") {
      const reviewer = cert.org.users[0];
      await tx.reviewEvent.create({
        data: {
          siteId: site.id,
          action: reviewStatus === "APPROVED" ? "APPROVE" : "RETURN",
          reason: reviewStatus === "RETURNED" ? "请补充机房照片和网络隔离设备清单，并核对考点地址是否精确到门牌号" : null,
          actorId: reviewer?.id ?? null,
          actorLabel: `${cert.org.name}（${reviewer?.name ?? "审核人"}）`,
          at: reviewedAt,
        },
      });
    }
  }
}

/** 借考: the demo school's approved site lent to two other pilot schools for the current and the coming plan. */
export async function seedAllocationsAndRooms(tx: Tx, now: Date): Promise<void> {
  if (await tx.examRoom.count()) return;
  const sites = await tx.assessmentSite.findMany({
    where: { reviewStatus: "APPROVED", status: "ENABLED" },
    include: { levels: { include: { certificateLevel: { include: { subjects: true } } } }, school: { select: { code: true } } },
  });
  for (const [k, site] of sites.entries()) {
    const plans = await tx.examPlan.findMany({
      where: { orgId: site.orgId, schools: { some: { schoolId: site.schoolId } } },
      orderBy: { schedulingStartsAt: "asc" },
    });
    const demo = site.school.code === "4111010009";
    // Every site gets rooms for the ended, the publicity, the exam-days and the scheduling plan; the demo school's also
    // for the coming one.
    for (const plan of plans.slice(0, demo ? 5 : 4)) {
      for (const [j, l] of site.levels.entries()) {
        const byMode = new Map<string, string[]>();
        for (const s of l.certificateLevel.subjects) byMode.set(s.examMode, [...(byMode.get(s.examMode) ?? []), s.id]);
        for (const [m, [mode, subjectIds]] of [...byMode].entries()) {
          const name = mode === "PRACTICAL" ? `${1 + j} 号实训室` : mode === "WRITTEN" ? `${101 + j} 教室` : `${13 + j * 2 + m} 号机房`;
          await tx.examRoom.create({
            data: {
              planId: plan.id,
              siteId: site.id,
              certificateLevelId: l.certificateLevelId,
              schoolId: site.schoolId,
              name,
              type: mode as "COMPUTER" | "PRACTICAL" | "WRITTEN",
              seats: mode === "PRACTICAL" ? 20 + (k % 3) * 5 : 40 + (k % 4) * 10,
              regionCode: site.regionCode,
              address: site.address,
              createdAt: new Date(plan.registrationStartsAt.getTime() + day),
              subjects: { create: subjectIds.map((subjectId) => ({ subjectId })) },
            },
          });
        }
      }
    }
    if (!demo) continue;
    // Two neighbours of the plan without a site of their own for the level borrow the demo school's site.
    for (const plan of plans.filter((p) => p.schedulingEndsAt > now).slice(0, 2)) {
      const level = site.levels[0].certificateLevelId;
      const borrowers = await tx.examPlanSchool.findMany({
        where: { planId: plan.id, schoolId: { not: site.schoolId }, school: { siteAllocations: { none: { planId: plan.id } } } },
        take: 2,
        orderBy: { school: { code: "asc" } },
      });
      for (const b of borrowers)
        await tx.siteAllocation.create({
          data: { planId: plan.id, siteId: site.id, schoolId: b.schoolId, certificateLevelId: level, createdAt: new Date(plan.registrationStartsAt.getTime()) },
        });
    }
  }
}

const TEACHER_NAMES = ["王丽华", "李建国", "张晓燕", "刘伟", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴强", "徐慧", "孙浩"];

/** Each pilot school's teachers (most full-time, by major of its certificates) and invigilators in every state. */
export async function seedTeachers(tx: Tx, now: Date): Promise<void> {
  if (await tx.teacher.count()) return;
  const { withIdCheck } = await import("@/domain/identifiers/id-number");
  const schools = await tx.school.findMany({
    where: { isPilot: true },
    orderBy: { code: "asc" },
    take: 8,
    include: {
      pilotApplications: {
        where: { status: "APPROVED" },
        include: { certificateLevel: { include: { certificate: { include: { majors: true, org: { include: { users: true } } } } } } },
      },
    },
  });
  // Teachers of other schools train as 考评员 for the demo org (达内教育) too: its exam rooms get two invigilators each.
  const demoOrgCerts = await tx.certificate.findMany({ where: { org: { code: "125" } }, include: { majors: true, org: { include: { users: true } } } });
  for (const [i, school] of schools.entries()) {
    const own = [...new Map(school.pilotApplications.map((p) => [p.certificateLevel.certificate.id, p.certificateLevel.certificate])).values()];
    const demoSchool = school.code === "4111010009";
    const certs = demoSchool ? own : [...new Map([...own, ...demoOrgCerts].map((c) => [c.id, c])).values()];
    const majorIds = [...new Set(certs.flatMap((c) => c.majors.map((m) => m.majorId)))];
    const n = school.code === "4111010009" ? 12 : 8;
    for (let k = 0; k < n; k++) {
      // 1975–1990, the 17th digit's parity matching the gender.
      const female = k % 2 === 0;
      const seq = String(100 + (((i * 37 + k) * 2) % 898) + (female ? 0 : 1));
      const idNumber = withIdCheck(`${school.regionCode}${1975 + ((i + k) % 16)}0${1 + (k % 9)}1${k % 10}${seq}`);
      const teacher = await tx.teacher.create({
        data: {
          schoolId: school.id,
          name: TEACHER_NAMES[k % TEACHER_NAMES.length],
          gender: female ? "FEMALE" : "MALE",
          idType: "RESIDENT_ID",
          idNumber,
          phone: `1377${String(1000000 + i * 1000 + k).slice(-7)}`,
          title: ["讲师", "副教授", "教授", "助教", "高级工程师"][k % 5],
          department: ["信息工程学院", "经济管理学院", "智能制造学院"][k % 3],
          fullTime: k % 4 !== 3,
          createdAt: new Date(now.getTime() - (60 - k) * day),
          majors: { create: majorIds.slice(k % 2, (k % 2) + 2).map((majorId) => ({ majorId })) },
        },
      });
      // Half the roster invigilates: certified, pending and rejected across certificates.
      if (k % 2 === 1 || certs.length === 0) continue;
      const inv = await tx.invigilator.create({ data: { schoolId: school.id, teacherId: teacher.id, createdAt: new Date(now.getTime() - (40 - k) * day) } });
      for (const [j, c] of certs.slice(0, demoSchool ? 2 : 4).entries()) {
        // The demo school's in every state; the other schools' mostly certified, so rooms get their two invigilators.
        const cycle = demoSchool ? (["CERTIFIED", "PENDING", "REJECTED", "CERTIFIED"] as const) : (["CERTIFIED", "CERTIFIED", "CERTIFIED", "PENDING"] as const);
        const status = cycle[(k / 2 + j) % 4];
        await tx.invigilatorCertificate.create({
          data: {
            invigilatorId: inv.id,
            certificateId: c.id,
            orgId: c.orgId,
            status,
            reason: status === "REJECTED" ? "未提供考评员培训合格证明，请补充后重新提交" : null,
            decidedAt: status === "PENDING" ? null : new Date(now.getTime() - (30 - k) * day),
            decidedById: status === "PENDING" ? null : (c.org.users[0]?.id ?? null),
            createdAt: inv.createdAt,
          },
        });
      }
    }
  }
}

/**
 * Notice 003 (北京化育求贤, 京化贤发〔2022〕8号) as a plan relative to today: 考前准备、报考、排考 together for 24 days,
 * the exam two days later, 成绩录入 and 公示 together for 9 days — for its two certificates.
 */
export async function seedNoticePlan(tx: Tx, now: Date): Promise<void> {
  const org = await tx.evaluationOrg.findUnique({
    where: { code: "129" },
    include: {
      certificates: {
        include: {
          levels: {
            include: {
              subjects: { where: { status: "ENABLED" }, orderBy: { code: "asc" } },
              pilotApplications: { where: { status: "APPROVED" }, select: { schoolId: true } },
            },
          },
        },
      },
    },
  });
  if (!org || (await tx.examPlan.count({ where: { orgId: org.id, name: { contains: "新增考试计划" } } }))) return;
  const today = new Date(Math.floor((now.getTime() + 8 * hour) / day) * day - 8 * hour);
  const at = (d: number, h = 0) => new Date(today.getTime() + d * day + h * hour);
  const levels = org.certificates.flatMap((c) => c.levels);
  const schoolIds = [...new Set(levels.flatMap((l) => l.pilotApplications.map((a) => a.schoolId)))];
  const examDay = at(20);
  const local = new Date(examDay.getTime() + 8 * hour);
  await tx.examPlan.create({
    data: {
      code: `${local.toISOString().slice(0, 10).replace(/-/g, "")}${await planNumber(tx)}`,
      name: `${local.getUTCFullYear()}年化工精馏安全控制、化工危险与可操作性（HAZOP）分析职业技能等级证书新增考试计划`,
      year: local.getUTCFullYear(),
      orgId: org.id,
      registrationStartsAt: at(-4),
      registrationEndsAt: at(19),
      schedulingStartsAt: at(-4),
      schedulingEndsAt: at(19),
      examStartsAt: at(20),
      examEndsAt: at(21),
      scoringStartsAt: at(21),
      scoringEndsAt: at(30),
      publicityStartsAt: at(21),
      publicityEndsAt: at(30),
      // 004: 理论考核与实操考核两科得分均达到或超过总分的 60%.
      passRule: { kind: "ALL_SUBJECTS" },
      schools: { create: schoolIds.map((schoolId) => ({ schoolId })) },
      levels: { create: levels.map((l) => ({ certificateLevelId: l.id })) },
      subjects: {
        create: levels.flatMap((l) =>
          l.subjects.map((s, j) => {
            const startsAt = at(20, 9 + j * 4.5);
            return { subjectId: s.id, startsAt, endsAt: new Date(startsAt.getTime() + s.durationMinutes * 60_000) };
          }),
        ),
      },
    },
  });
}
