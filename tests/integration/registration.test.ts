// A school that never piloted registers, completes its information and applies; it becomes a pilot school
// once an application is approved and the plan has ended. Until then it may do nothing else.
import { levelCode } from "@/domain/catalogue/codes";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login, newBrowser, solvedCaptcha } from "../support/trpc";
import { fixedClock } from "@/server/clock";
import { makeCertificate, makeDepartment, makeOrg, makePlan, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { resolveSession } from "@/server/auth/session";
import { withUsccCheck } from "@/domain/identifiers/uscc";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
let plan: { id: string; startsAt: Date; endsAt: Date };
const d = { certificate: "", wh: "", hb: "" };
const reg = { provinceCode: "42", name: "湖北城市建设职业技术学院", code: "4142012754", phone: "15900001111" };

beforeAll(async () => {
  // The Ministry's directory: the school that registers, and one already on the platform (武汉体育学院).
  await t.db.schoolDirectoryEntry.createMany({
    data: [
      { code: reg.code, name: reg.name, provinceCode: "42", regionCode: "420115", type: "HIGHER_VOCATIONAL" },
      { code: "4142010522", name: "武汉体育学院", provinceCode: "42", regionCode: "420111", type: "UNDERGRADUATE" },
    ],
  });
  await t.db.school.update({ where: { id: (await makeSchool(t.db, { regionCode: "420111" })).id }, data: { code: "4142010522", name: "武汉体育学院" } });
  // 湖北 opens a plan by major with 武汉's review first, for a certificate with one major.
  const hb = await makeDepartment(t.db, { regionCode: "420000" });
  const wh = await makeDepartment(t.db, { level: "CITY", regionCode: "420100", parentId: hb.id });
  const cert = await makeCertificate(t.db, (await makeOrg(t.db)).id);
  const major = await t.db.major.findFirstOrThrow({ where: { level: "HIGHER_VOCATIONAL" } });
  await t.db.certificateMajor.create({ data: { certificateId: cert.id, majorId: major.id } });
  plan = await makePlan(t.db, hb.id, [cert.id], {
    startsAt: new Date(clock.now().getTime() - 21 * 86400000),
    endsAt: new Date(clock.now().getTime() + 23 * 86400000),
    byMajor: true,
    cityReviewFirst: true,
  });
  clock.set(new Date(plan.startsAt.getTime() + 86400000));
  d.certificate = cert.code;
  d.hb = (await makeUser(t.db, "EDU", { departmentId: hb.id })).account;
  d.wh = (await makeUser(t.db, "EDU", { departmentId: wh.id })).account;
}, 60_000);
// One browser for the public calls: a captcha answers only from the client it was drawn for.
const browser = newBrowser();
const pub = () => caller(t.db, { clock, browser });
const cap = (answer?: string) => solvedCaptcha(pub(), answer);

describe("new school registration", () => {
  it("refuses names outside the Ministry's list, a wrong code, a registered school and a bad captcha", async () => {
    await expect(pub().register.sendCode({ ...reg, ...(await cap()), name: "湖北不存在学院" })).rejects.toThrow("系统中未找到该院校");
    await expect(pub().register.sendCode({ ...reg, ...(await cap()), provinceCode: "11" })).rejects.toThrow("系统中未找到该院校");
    await expect(pub().register.sendCode({ ...reg, ...(await cap()), code: "4142012755" })).rejects.toThrow("院校代码与院校名称不符");
    await expect(pub().register.sendCode({ ...reg, ...(await cap()), name: "武汉体育学院", code: "4142010522" })).rejects.toThrow("该院校已注册");
    await expect(pub().register.sendCode({ ...reg, ...(await cap("0000")) })).rejects.toThrow("图形验证码错误");
    expect(await t.db.smsCode.count({ where: { phone: reg.phone } })).toBe(0);
    expect((await pub().register.searchSchools({ provinceCode: "42", q: "城市建设" })).map((x) => x.name)).toEqual([reg.name]);
  });

  it("registers with the SMS code, shows and sends the password, and limits the account to applying", async () => {
    await pub().register.sendCode({ ...reg, ...(await cap()) });
    await expect(pub().register.register({ ...reg, contactName: "周联系", smsCode: "000000" })).rejects.toThrow("短信验证码错误");
    expect(await t.db.school.count({ where: { code: reg.code } })).toBe(0);
    const res = await pub().register.register({ ...reg, contactName: "周联系", smsCode: await lastSmsCode(t.db, reg.phone) });
    expect(res.account).toBe(reg.code);
    const sms = await t.db.smsOutbox.findFirstOrThrow({ where: { phone: reg.phone }, orderBy: { createdAt: "desc" } });
    expect(sms.content).toContain(res.password);
    const school = await t.db.school.findUniqueOrThrow({ where: { code: reg.code } });
    expect([school.status, school.isPilot, school.regionCode]).toEqual(["APPLYING", false, "420115"]);
    // Registering again is refused.
    await expect(pub().register.sendCode({ ...reg, ...(await cap()) })).rejects.toThrow("该院校已注册");

    clock.advance(61_000);
    const u = await login(t.db, clock, reg.code, res.password);
    expect(u.schoolStatus).toBe("APPLYING");
    const api = caller(t.db, { clock, session: u });
    const page = { page: 1, pageSize: 10 as const };
    await expect(api.lists.certificates({ filter: {}, ...page })).rejects.toThrow("尚未成为试点院校");
    await expect(api.lists.users({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.exports.create({ list: "schools", filter: {}, smsCode: "123456" })).rejects.toThrow("尚未成为试点院校");

    // Complete the basic information: the USCC check character is verified.
    const mine = await api.school.mine();
    void mine;
    // The LOGO is required (004); 院校类型 stays as registered.
    const logo = await t.db.storedFile.create({
      data: { key: `test/logo-${u.id}.png`, purpose: "SCHOOL_LOGO", filename: "logo.png", contentType: "image/png", size: 100, ownerUserId: u.id },
    });
    const info = {
      logoFileId: logo.id,
      regionCode: "420115",
      address: "武汉市江夏区藏龙岛",
      website: "",
      intro: "",
      contactName: "周联系",
      contactPhone: reg.phone,
      contactEmail: "zhou@example.edu.cn",
    };
    await expect(api.school.update({ ...info, uscc: "124200004414327900" })).rejects.toThrow();
    await api.school.update({ ...info, uscc: withUsccCheck("12420000MB0123456") });

    // Apply by major in the open plan; Wuhan has a city department, so it goes there first.
    const lv = await t.db.certificateLevel.findFirstOrThrow({ where: { certificate: { code: d.certificate }, level: "JUNIOR" } });
    const m = await t.db.certificateMajor.findFirstOrThrow({ where: { certificateId: lv.certificateId } });
    const a = await api.applications.save({
      planId: plan.id,
      certificateLevelId: lv.id,
      lines: [{ majorId: m.majorId, students: 80, teachers: 4, requested: 50 }],
      teacherSituation: "教师 4 人",
      siteSituation: "机房 1 间",
      submit: true,
    });
    const wh = await login(t.db, clock, d.wh, PASSWORD);
    clock.advance(61_000);
    const hb = await login(t.db, clock, d.hb, PASSWORD);
    await caller(t.db, { clock, session: wh }).applications.decide({ id: a.id, approve: true });
    await caller(t.db, { clock, session: hb }).applications.decide({ id: a.id, approve: true, lines: [{ majorId: m.majorId, approved: 30 }] });
    expect((await api.applications.detail({ id: a.id })).approvedTotal).toBe(30);

    // Approved but the plan is still open: still applying. After the plan ends: a pilot school.
    expect((await resolveSession(t.db, clock, u.sid))?.schoolStatus).toBe("APPLYING");
    clock.set(new Date(plan.endsAt.getTime() + 1000));
    const later = (await resolveSession(t.db, clock, u.sid)) as SessionUser | null;
    // The session is idle-expired by now; a fresh login shows the promoted school.
    const after = later ?? (await login(t.db, clock, reg.code, res.password));
    expect(after.schoolStatus).toBe("REGISTERED");
    expect((await t.db.school.findUniqueOrThrow({ where: { code: reg.code } })).isPilot).toBe(true);
    const certs = await caller(t.db, { clock, session: after }).lists.certificates({ filter: {}, ...page });
    expect(certs.rows.map((r) => r.code)).toEqual([levelCode(d.certificate, "JUNIOR")]);
  });
});

describe("registration codes are capped", () => {
  it("per school and per client, whatever phones are given", async () => {
    const codes = Array.from({ length: 7 }, (_, i) => `41420999${String(i).padStart(2, "0")}`);
    await t.db.schoolDirectoryEntry.createMany({
      data: codes.map((code, i) => ({ code, name: `湖北限流测试学院${i}`, provinceCode: "42", regionCode: "420115", type: "HIGHER_VOCATIONAL" as const })),
    });
    const send = async (ip: string, i: number, phone: string) => {
      const api = caller(t.db, { clock, browser: newBrowser(ip) });
      return api.register.sendCode({ provinceCode: "42", name: `湖北限流测试学院${i}`, code: codes[i], phone, ...(await solvedCaptcha(api)) }).then(
        () => "sent",
        (e: Error) => e.message,
      );
    };
    // One school, many phones, several clients: five a day.
    const perSchool = [];
    for (let k = 0; k < 6; k++) perSchool.push(await send(`198.51.100.${k}`, 0, `1590000${String(2000 + k)}`));
    expect(perSchool.slice(0, 5)).toEqual(Array(5).fill("sent"));
    expect(perSchool[5]).toContain("注册验证码发送次数已达上限");
    // One client, many schools: five an hour.
    const perClient = [];
    for (let i = 1; i < 7; i++) perClient.push(await send("198.51.100.200", i, `1590000${String(3000 + i)}`));
    expect(perClient.slice(0, 5)).toEqual(Array(5).fill("sent"));
    expect(perClient[5]).toContain("注册验证码发送次数已达上限");
    expect(await t.db.smsCode.count({ where: { purpose: "REGISTER", phone: { in: ["15900002005", "15900003006"] } } })).toBe(0);
  });
});
