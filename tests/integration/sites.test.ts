// 考核站点: the school's application and its state machine, the org's review, enable/disable and 借考
// allocation, with tenant isolation (a school sees its own sites only, an org only those addressed to it, a
// borrowing school only the allocation).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeExamPlan, makeLevel, makeOrg, makePilot, makeSchoolAccounts, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const day = 86_400_000;
let levels: { junior: string; senior: string; otherOrg: string; notPiloted: string };
let schools: Record<string, { id: string; name: string }>;
let orgIds: { main: string; other: string };

beforeAll(async () => {
  const year = clock.now().getUTCFullYear();
  const org = await makeOrg(t.db);
  const other = await makeOrg(t.db);
  orgIds = { main: org.id, other: other.id };
  const cert = await makeCertificate(t.db, org.id);
  const senior = await makeLevel(t.db, cert.id, "SENIOR");
  const notPiloted = await makeCertificate(t.db, org.id);
  const otherCert = await makeCertificate(t.db, other.id);
  levels = { junior: cert.levels[0].id, senior: senior.id, otherOrg: otherCert.levels[0].id, notPiloted: notPiloted.levels[0].id };
  const host = await makeSchoolAccounts(t.db);
  const neighbour = await makeSchoolAccounts(t.db);
  const borrower = await makeSchoolAccounts(t.db);
  schools = { host: host.school, neighbour: neighbour.school, borrower: borrower.school };
  for (const sc of [host, neighbour]) for (const l of [levels.junior, levels.senior, levels.otherOrg]) await makePilot(t.db, sc.school.id, l, { year });
  const orgUser = await makeUser(t.db, "ORG", { orgId: org.id });
  const otherUser = await makeUser(t.db, "ORG", { orgId: other.id });
  // 证书负责人 of the host for the other org's certificate only.
  await t.db.userCertificateScope.create({ data: { userId: host.sub.id, certificateLevelId: levels.otherOrg } });
  const accounts = { host: host.principal, hostSub: host.sub, neighbour: neighbour.principal, borrower: borrower.principal, org: orgUser, other: otherUser };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const form = (over: Record<string, unknown> = {}) => ({
  orgId: orgIds.main,
  certificateLevelIds: [levels.junior, levels.senior],
  regionCode: "110108",
  address: "学院路 30 号实训楼",
  contactName: "李老师",
  contactPhone: "13912345678",
  contactEmail: "li@example.edu.cn",
  intro: "机房 3 间，工位 120 个",
  submit: false,
  ...over,
});

describe("assessment sites", () => {
  it("saves a draft with a generated name and a 9-digit code; checks the form; one site per level", async () => {
    await expect(api("host").sites.save(form({ certificateLevelIds: [] }))).rejects.toThrow("请至少添加一个考试证书等级");
    await expect(api("host").sites.save(form({ address: "学院路" }))).rejects.toThrow("精确到门牌号");
    await expect(api("host").sites.save(form({ contactPhone: "123" }))).rejects.toThrow("联系人手机号格式不正确");
    await expect(api("host").sites.save(form({ regionCode: "110100" }))).rejects.toThrow("省、市、区县");
    await expect(api("host").sites.save(form({ certificateLevelIds: [levels.otherOrg] }))).rejects.toThrow("申报对象的证书");
    await expect(api("host").sites.save(form({ certificateLevelIds: [levels.notPiloted] }))).rejects.toThrow("已获批试点");
    const before = await t.db.assessmentSite.count();
    const { id } = await api("host").sites.save(form());
    const site = await t.db.assessmentSite.findUniqueOrThrow({ where: { id }, include: { levels: true } });
    expect(site.code).toMatch(/^\d{9}$/);
    expect(site.reviewStatus).toBe("DRAFT");
    expect(site.name).toMatch(/^测试学院\w+测试\d{7}职业技能等级证书（初级、高级）考核站点$/);
    expect(site.levels).toHaveLength(2);
    expect(await t.db.assessmentSite.count()).toBe(before + 1);
    await expect(api("host").sites.save(form({ certificateLevelIds: [levels.senior] }))).rejects.toThrow("已申报过考核站点");
    // Another school may apply for the same level: the rule is per school.
    const other = await api("neighbour").sites.save(form({ certificateLevelIds: [levels.senior] }));
    await api("neighbour").sites.delete({ ids: [other.id] });
    await api("host").sites.delete({ ids: [id] });
  });

  it("submit → withdraw → resubmit → return with a reason → edit and resubmit → approve (then enabled); locks on the way", async () => {
    const { id } = await api("host").sites.save(form({ submit: true }));
    expect((await t.db.assessmentSite.findUniqueOrThrow({ where: { id } })).reviewStatus).toBe("SUBMITTED");
    await expect(api("host").sites.save(form({ id }))).rejects.toThrow("只有未提交或审核退回");
    await expect(api("host").sites.delete({ ids: [id] })).rejects.toThrow("只有未提交或审核退回");
    await api("host").sites.withdraw({ id });
    expect((await t.db.assessmentSite.findUniqueOrThrow({ where: { id } })).reviewStatus).toBe("DRAFT");
    await expect(api("host").sites.withdraw({ id })).rejects.toThrow("只有待审核");
    // A draft (even a withdrawn one) is not the org's to see or decide.
    await expect(api("org").sites.approve({ id })).rejects.toThrow("考核站点不存在");
    await api("host").sites.save(form({ id, submit: true }));
    expect((await api("org").workbench.get()).items.find((i) => i.title === "待审核的考核站点")?.count).toBe(1);
    await expect(api("org").sites.return({ id, reason: " " })).rejects.toThrow("请填写退回原因");
    await expect(api("other").sites.return({ id, reason: "不是我的" })).rejects.toThrow("考核站点不存在");
    await api("org").sites.return({ id, reason: "机房照片不清晰" });
    await expect(api("host").sites.withdraw({ id })).rejects.toThrow("只有待审核");
    expect((await api("host").workbench.get()).items.find((i) => i.title === "审核退回的考核站点")?.count).toBe(1);
    expect((await api("neighbour").workbench.get()).items.some((i) => i.title === "审核退回的考核站点")).toBe(false);
    const returned = await api("host").sites.detail({ id });
    expect(returned.reviewStatus).toBe("RETURNED");
    expect(returned.events.map((e) => e.action)).toEqual(["SUBMIT", "WITHDRAW", "SUBMIT", "RETURN"]);
    expect(returned.events[3].reason).toBe("机房照片不清晰");
    await api("host").sites.save(form({ id, certificateLevelIds: [levels.junior], submit: true }));
    await api("org").sites.approve({ id });
    await expect(api("org").sites.approve({ id })).rejects.toThrow("已审核");
    await expect(api("host").sites.withdraw({ id })).rejects.toThrow("只有待审核");
    const approved = await t.db.assessmentSite.findUniqueOrThrow({ where: { id } });
    expect(approved).toMatchObject({ reviewStatus: "APPROVED", status: "ENABLED" });
    expect(approved.name).toContain("（初级）考核站点");
    await api("org").sites.setEnabled({ id, enabled: false });
    expect((await t.db.assessmentSite.findUniqueOrThrow({ where: { id } })).status).toBe("DISABLED");
    await api("org").sites.setEnabled({ id, enabled: true });
    const audit = await t.db.auditLog.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["site.submit", "site.withdraw", "site.return", "site.approve", "site.disable", "site.enable"]),
    );
  });

  it("batch approve reports the ones it could not approve; batch delete is all or nothing", async () => {
    const a = await api("neighbour").sites.save(form({ certificateLevelIds: [levels.junior], submit: true }));
    const b = await api("neighbour").sites.save(form({ certificateLevelIds: [levels.senior] }));
    const r = await api("org").sites.approveMany({ ids: [a.id, b.id] });
    expect(r.approved).toBe(1);
    expect(r.failed).toEqual([{ id: b.id, message: "考核站点不存在" }]);
    await expect(api("neighbour").sites.delete({ ids: [a.id, b.id] })).rejects.toThrow("只有未提交或审核退回");
    expect(await t.db.assessmentSite.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    await api("neighbour").sites.delete({ ids: [b.id] });
  });

  it("isolation: lists and details stay with the applying school and the addressed org", async () => {
    const mine = await api("host").lists.sites({ filter: {}, page: 1, pageSize: 50 });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.school.name === schools.host.name)).toBe(true);
    const hostSite = mine.rows[0];
    await expect(api("neighbour").sites.detail({ id: hostSite.id })).rejects.toThrow("考核站点不存在");
    await expect(api("neighbour").sites.delete({ ids: [hostSite.id] })).rejects.toThrow("考核站点不存在");
    await expect(api("neighbour").sites.save(form({ id: hostSite.id }))).rejects.toThrow("考核站点不存在");
    await expect(api("neighbour").sites.withdraw({ id: hostSite.id })).rejects.toThrow("考核站点不存在");
    expect((await api("other").lists.sites({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await expect(api("other").sites.detail({ id: hostSite.id })).rejects.toThrow("考核站点不存在");
    await expect(api("other").sites.setEnabled({ id: hostSite.id, enabled: false })).rejects.toThrow("考核站点不存在");
    const orgs = await api("org").lists.sites({ filter: {}, page: 1, pageSize: 50 });
    expect(orgs.rows.every((r) => r.reviewStatus !== "DRAFT")).toBe(true);
    // A sub-account limited to another certificate sees and touches none of the school's sites of this one.
    expect((await api("hostSub").lists.sites({ filter: {}, page: 1, pageSize: 50 })).all).toBe(0);
    await expect(api("hostSub").sites.detail({ id: hostSite.id })).rejects.toThrow("考核站点不存在");
    await expect(api("hostSub").sites.delete({ ids: [hostSite.id] })).rejects.toThrow("考核站点不存在");
    await expect(api("hostSub").sites.save(form())).rejects.toThrow("已获批试点");
    // Form options: each school its own pilot levels, marked with its own site only.
    const hostLevels = (await api("host").sites.options()).orgs.flatMap((o) => o.levels);
    const neighbourLevels = (await api("neighbour").sites.options()).orgs.flatMap((o) => o.levels);
    expect(hostLevels.some((l) => l.siteId === hostSite.id)).toBe(true);
    expect(neighbourLevels.some((l) => l.siteId === hostSite.id)).toBe(false);
    expect((await api("borrower").sites.options()).orgs).toEqual([]);
    // Roles: a school cannot review, an org cannot apply.
    await expect(api("host").sites.approve({ id: hostSite.id })).rejects.toThrow();
    await expect(api("org").sites.save(form())).rejects.toThrow();
  });

  it("allocation: an approved, enabled site lent to a school of the plan; the borrower sees the allocation only", async () => {
    const site = (await t.db.assessmentSite.findFirstOrThrow({ where: { schoolId: schools.host.id, reviewStatus: "APPROVED" } })).id;
    const start = new Date(clock.now().getTime() + 2 * day);
    const plan = await makeExamPlan(t.db, orgIds.main, { start, schoolIds: [schools.host.id, schools.borrower.id], levelIds: [levels.junior] });
    const otherPlan = await makeExamPlan(t.db, orgIds.other, { start, schoolIds: [schools.borrower.id], levelIds: [levels.otherOrg] });
    const input = { planId: plan.id, siteId: site, certificateLevelId: levels.junior, schoolIds: [schools.borrower.id] };
    await expect(api("org").sites.allocate({ ...input, schoolIds: [schools.neighbour.id] })).rejects.toThrow("参考院校");
    await expect(api("org").sites.allocate({ ...input, schoolIds: [schools.host.id] })).rejects.toThrow("无需分配");
    await expect(api("org").sites.allocate({ ...input, certificateLevelId: levels.senior })).rejects.toThrow("没有申报此证书等级");
    await expect(api("other").sites.allocate({ ...input, planId: otherPlan.id })).rejects.toThrow("考核站点不存在");
    await api("org").sites.setEnabled({ id: site, enabled: false });
    await expect(api("org").sites.allocate(input)).rejects.toThrow("已启用");
    await api("org").sites.setEnabled({ id: site, enabled: true });
    // Each org chooses among its own plans and sites only.
    const mine = await api("org").sites.allocationOptions();
    const theirs = await api("other").sites.allocationOptions();
    expect(mine.plans.map((p) => p.id)).toContain(plan.id);
    expect(mine.sites.map((x) => x.id)).toContain(site);
    expect(theirs.plans.map((p) => p.id)).toEqual([otherPlan.id]);
    expect(theirs.sites).toEqual([]);
    expect(await api("org").sites.allocate(input)).toEqual({ allocated: 1, skipped: 0 });
    await expect(api("org").sites.allocate(input)).rejects.toThrow("已分配");
    const seen = await api("borrower").lists.siteAllocations({ filter: {}, page: 1, pageSize: 10 });
    expect(seen.rows).toHaveLength(1);
    expect(seen.rows[0].site.school.name).toBe(schools.host.name);
    expect((await api("host").lists.siteAllocations({ filter: {}, page: 1, pageSize: 10 })).all).toBe(1);
    expect((await api("neighbour").lists.siteAllocations({ filter: {}, page: 1, pageSize: 10 })).all).toBe(0);
    expect((await api("other").lists.siteAllocations({ filter: {}, page: 1, pageSize: 10 })).all).toBe(0);
    // The borrower sees nothing else of the host.
    await expect(api("borrower").sites.detail({ id: site })).rejects.toThrow("考核站点不存在");
    expect((await api("borrower").lists.sites({ filter: {}, page: 1, pageSize: 10 })).all).toBe(0);
    const allocationId = seen.rows[0].id;
    await expect(api("other").sites.unallocate({ id: allocationId })).rejects.toThrow("分配记录不存在");
    // Inside the scheduling window it stays.
    clock.set(new Date(start.getTime() + 6 * day));
    await expect(api("org").sites.unallocate({ id: allocationId })).rejects.toThrow("已进入排考");
    clock.set(new Date(start.getTime() - day));
    await api("org").sites.unallocate({ id: allocationId });
    expect((await api("borrower").lists.siteAllocations({ filter: {}, page: 1, pageSize: 10 })).all).toBe(0);
  });
});
