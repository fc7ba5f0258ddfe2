// The demo data set that `npm start` writes: it loads on an empty database, a second run adds nothing, and what
// it holds is alive relative to today (tests own their data; this only guards the demo itself).
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { systemClock } from "@/server/clock";
import { isCertificateNumber } from "@/domain/issuance/certificate";
import { checkEntry } from "@/domain/ledger/verify";
import { seedDemo } from "@/server/seed";
import { DEMO_PASSWORD } from "@/server/seed/demo-data";

const t = useTestDb();

describe("demo seed", () => {
  it("loads once, keeps plans in every phase around now, and its accounts work", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const users = await t.db.user.count();
    expect(await seedDemo(t.db)).toBe(false);
    expect(await t.db.user.count()).toBe(users);
    const now = new Date();
    const plans = await t.db.applicationPlan.findMany();
    expect(plans.some((p) => p.startsAt <= now && now < p.endsAt)).toBe(true);
    expect(plans.some((p) => p.startsAt > now)).toBe(true);
    expect(plans.some((p) => p.endsAt <= now)).toBe(true);
    // 考试计划 in every 排考 phase; sites in every review state; rooms and 借考 allocations.
    const exams = await t.db.examPlan.findMany({ where: { org: { code: "125" } } });
    expect(exams.some((p) => p.schedulingStartsAt <= now && now < p.schedulingEndsAt)).toBe(true);
    expect(exams.some((p) => p.schedulingStartsAt > now)).toBe(true);
    expect(exams.some((p) => p.schedulingEndsAt <= now)).toBe(true);
    // Every plan's subjects have exam times inside its 考试 window that do not overlap within a level.
    const { subjectTimesProblem } = await import("@/domain/exams/plan");
    for (const p of await t.db.examPlan.findMany({ include: { subjects: { include: { subject: true } } } })) {
      expect(p.subjects.length).toBeGreaterThan(0);
      const times = p.subjects.map((x) => ({ ...x, levelId: x.subject.certificateLevelId, name: x.subject.name, durationMinutes: x.subject.durationMinutes }));
      expect(subjectTimesProblem(p, times)).toBeNull();
    }
    // Notice 003's plan: 报考 and 排考 open together now, the exam ahead.
    const notice = await t.db.examPlan.findFirstOrThrow({ where: { org: { code: "129" }, name: { contains: "新增考试计划" } } });
    expect(notice.registrationStartsAt <= now && now < notice.registrationEndsAt && notice.schedulingStartsAt <= now).toBe(true);
    expect(notice.examStartsAt > now).toBe(true);
    const states = await t.db.assessmentSite.groupBy({ by: ["reviewStatus"], _count: { _all: true } });
    expect(states.map((x) => x.reviewStatus).sort()).toEqual(["APPROVED", "DRAFT", "RETURNED", "SUBMITTED"]);
    expect(await t.db.assessmentSite.count({ where: { status: "DISABLED" } })).toBeGreaterThan(0);
    const demo = await t.db.school.findUniqueOrThrow({ where: { code: "4111010009" } });
    expect(await t.db.assessmentSite.count({ where: { schoolId: demo.id, org: { code: "125" }, status: "ENABLED" } })).toBe(1);
    expect(await t.db.siteAllocation.count({ where: { site: { schoolId: demo.id } } })).toBeGreaterThan(0);
    const rooms = await t.db.examRoom.findMany({ where: { schoolId: demo.id }, include: { plan: true } });
    expect(rooms.some((r) => r.plan.schedulingStartsAt > now)).toBe(true);
    expect(rooms.some((r) => r.plan.schedulingStartsAt <= now && now < r.plan.schedulingEndsAt)).toBe(true);
    expect(rooms.some((r) => r.plan.schedulingEndsAt <= now)).toBe(true);
    expect(await t.db.teacher.count({ where: { schoolId: demo.id } })).toBeGreaterThan(5);
    const certs = await t.db.invigilatorCertificate.groupBy({ by: ["status"], where: { invigilator: { schoolId: demo.id } }, _count: { _all: true } });
    expect(certs.map((c) => c.status).sort()).toEqual(["CERTIFIED", "PENDING", "REJECTED"]);
    // Registrations of the demo school: paid on confirmed orders for plans past 报考, an order awaiting confirmation
    // and unpaid ones in a plan open now; fee standards for every level.
    const regs = await t.db.registration.findMany({ where: { schoolId: demo.id }, include: { plan: true, paymentOrder: true } });
    expect(regs.some((r) => r.paidAt && r.plan.registrationEndsAt <= now)).toBe(true);
    expect(regs.some((r) => r.paymentOrder?.status === "UNCONFIRMED" && r.plan.registrationEndsAt > now)).toBe(true);
    expect(regs.some((r) => !r.paymentOrderId && r.plan.registrationStartsAt <= now && now < r.plan.registrationEndsAt)).toBe(true);
    expect(await t.db.examFee.count({ where: { certificateLevelId: { not: null } } })).toBe(await t.db.certificateLevel.count());
    // 排考: a published schedule, with staffed rooms, for a plan in its exam days; the plan in 排考 now not yet scheduled.
    const seated = await t.db.registrationSubject.findMany({
      where: { registration: { schoolId: demo.id }, ticketNumber: { not: null } },
      include: { planSubject: { include: { plan: true } }, registration: { include: { candidate: { include: { user: true } } } } },
    });
    const examDays = seated.filter((x) => x.planSubject.plan.examStartsAt <= now && now < x.planSubject.plan.examEndsAt);
    expect(examDays.length).toBeGreaterThan(0);
    expect(examDays.every((x) => x.planSubject.publishedAt)).toBe(true);
    expect(await t.db.examDuty.count({ where: { planId: examDays[0].planId, role: "INVIGILATOR" } })).toBeGreaterThan(0);
    const scheduling = await t.db.registrationSubject.findMany({
      where: { registration: { schoolId: demo.id }, planSubject: { plan: { schedulingStartsAt: { lte: now }, schedulingEndsAt: { gt: now } } } },
    });
    expect(scheduling.length).toBeGreaterThan(0);
    expect(scheduling.every((x) => !x.scheduledAt)).toBe(true);
    // The demo student has a published ticket to download in 我的准考证.
    expect(examDays.some((x) => x.registration.candidate.user?.account === "110108200503011237")).toBe(true);
    // Scores: a plan in 成绩公示 with corrections, an ended plan locked; results; the demo student's in 公示.
    const publicity = await t.db.examPlan.findFirstOrThrow({
      where: { org: { code: "125" }, publicityStartsAt: { lte: now }, publicityEndsAt: { gt: now }, scoresLockedAt: null },
    });
    expect(await t.db.subjectScore.count({ where: { planId: publicity.id } })).toBeGreaterThan(0);
    expect(await t.db.scoreCorrection.count({ where: { score: { planId: publicity.id } } })).toBeGreaterThan(0);
    const outcomes = await t.db.certificationResult.groupBy({ by: ["outcome"], where: { planId: publicity.id }, _count: { _all: true } });
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(["PASSED", "FAILED"]));
    const locked = await t.db.examPlan.findMany({ where: { org: { code: "125" }, scoresLockedAt: { not: null } } });
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((p) => p.publicityEndsAt <= now)).toBe(true);
    expect(await t.db.subjectScore.count({ where: { planId: { in: locked.map((p) => p.id) } } })).toBeGreaterThan(0);
    const demoResult = await t.db.certificationResult.findFirstOrThrow({
      where: { planId: publicity.id, registration: { candidate: { user: { account: "110108200503011237" } } } },
    });
    expect(demoResult.outcome).toBe("PASSED");
    // 证书发放: records waiting on each side, refused by each, and signed by both.
    const issuance = new Set((await t.db.issuance.findMany({ select: { status: true } })).map((i) => i.status));
    for (const st of ["ORG_REFUSED", "SITE_PENDING", "AWAITING_ISSUE", "ISSUED", "SEAL_FAILED"] as const) expect(issuance).toContain(st);
    // The demo student holds an electronic certificate; one certificate is revoked; each issued one has its PDF.
    const demoCert = await t.db.issuance.findFirstOrThrow({ where: { registration: { idNumber: "110108200503011237" }, status: "ISSUED" } });
    expect(demoCert).toMatchObject({ mode: "ELECTRONIC", revokedAt: null });
    expect(isCertificateNumber(demoCert.certificateNumber!)).toBe(true);
    expect(await t.db.issuance.count({ where: { revokedAt: { not: null } } })).toBeGreaterThan(0);
    expect(await t.db.issuance.count({ where: { status: "ISSUED", certificateFileId: null } })).toBe(0);
    // 上链信息: every certificate's definition is on the ledger, and checks; so is every issued certificate.
    const catalogue = await t.db.certificate.findMany({ select: { id: true } });
    const definitions = await t.db.ledgerEntry.findMany({ where: { kind: "CERTIFICATE_DEFINITION" }, select: { subjectId: true } });
    expect(new Set(definitions.map((e) => e.subjectId))).toEqual(new Set(catalogue.map((c) => c.id)));
    expect(await t.db.ledgerEntry.count({ where: { kind: "CERTIFICATE_ISSUED" } })).toBe(await t.db.issuance.count({ where: { status: "ISSUED" } }));
    expect(await t.db.ledgerEntry.count({ where: { kind: "CERTIFICATE_REVOKED" } })).toBe(await t.db.issuance.count({ where: { revokedAt: { not: null } } }));
    // Every portal's demo account signs in and reads its workbench.
    const clock = systemClock;
    for (const account of ["admin", "bjjw", "org125", "4111010009"]) {
      const u = await login(t.db, clock, account, DEMO_PASSWORD);
      await expect(caller(t.db, { clock, session: u }).workbench.get()).resolves.toBeDefined();
      if (account === "org125") {
        const { entry, proof, head } = await caller(t.db, { clock, session: u }).catalogue.certificateLedger({ id: catalogue[0].id });
        expect(checkEntry(entry!, proof!, head!).ok).toBe(true);
      }
    }
  }, 120_000);
});
