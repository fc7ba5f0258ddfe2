// 证书信息管理 (002 §4.1) by the org that awards it: the file's own orgs, school and certificates, no demo seed.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeCertificate, makeOrg, makeSchool, makeSkillStandard, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2027-05-10T02:00:00Z");
const s: Record<string, SessionUser> = {};
let theirsId = "";
let foreignStandardId = "";
beforeAll(async () => {
  const [mine, other, school] = [await makeOrg(t.db), await makeOrg(t.db), await makeSchool(t.db)];
  const accounts = {
    org: await makeUser(t.db, "ORG", { orgId: mine.id }),
    other: await makeUser(t.db, "ORG", { orgId: other.id }),
    principal: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id }),
  };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  theirsId = (await makeCertificate(t.db, other.id)).id;
  foreignStandardId = (await makeSkillStandard(t.db, other.id)).id;
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });
const info = { batch: "第五批", category: "电子与信息大类", examModes: ["COMPUTER" as const, "PRACTICAL" as const], hours: 80, credits: 4 };

describe("certificates maintained by their org", () => {
  it("creates a stopped certificate with levels, subjects and majors, then enables it", async () => {
    await expect(api("org").certificates.create({ code: "600001", name: "云原生应用开发职业技能等级证书", levels: ["JUNIOR"], ...info })).rejects.toThrow(
      "证书代码为 7 位数字",
    );
    await expect(api("org").certificates.create({ code: "6000013", name: "云原生应用开发", levels: ["JUNIOR"], ...info })).rejects.toThrow("职业技能等级证书");
    const { id } = await api("org").certificates.create({ code: "6000013", name: "云原生应用开发职业技能等级证书", levels: ["JUNIOR"], ...info });
    expect(await t.db.certificate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISABLED", orgId: s.org.orgId });
    const { id: levelId } = await api("org").certificates.addLevel({ id, level: "INTERMEDIATE" });
    await expect(api("org").certificates.addLevel({ id, level: "INTERMEDIATE" })).rejects.toThrow("该等级已存在");
    // Each level has its own 证书编号 (004: 60000001 初级, 60000002 中级); subject codes extend the level's.
    const levels = await t.db.certificateLevel.findMany({ where: { certificateId: id }, orderBy: { level: "asc" } });
    expect(levels.map((l) => [l.level, l.code])).toEqual([
      ["JUNIOR", "60000131"],
      ["INTERMEDIATE", "60000132"],
    ]);
    await expect(
      api("org").certificates.addSubject({ levelId, code: "60000131201", name: "理论", examMode: "COMPUTER", durationMinutes: 90, targetGroup: "所有考生" }),
    ).rejects.toThrow("以该等级的证书编号 60000132 开头");
    await api("org").certificates.addSubject({
      levelId,
      code: "60000132201",
      name: "云原生理论知识（中级）",
      examMode: "COMPUTER",
      durationMinutes: 90,
      targetGroup: "所有考生",
    });
    const majors = await api("org").certificates.majors({ q: "软件" });
    await api("org").certificates.setMajors({ id, majorIds: majors.map((m) => m.id) });
    await api("org").certificates.enable({ id });
    await expect(api("org").certificates.update({ id, ...info, batch: "第六批" })).rejects.toThrow("请先停用该证书");
    const detail = await api("principal").catalogue.certificate({ id });
    expect(detail.levels.map((l) => l.level)).toEqual(["JUNIOR", "INTERMEDIATE"]);
    expect(detail.majors.length).toBe(majors.length);
  });

  it("another org's certificates, levels and subjects get nothing; schools cannot maintain", async () => {
    const theirs = await t.db.certificate.findUniqueOrThrow({ where: { id: theirsId }, include: { levels: { include: { subjects: true } } } });
    const before = JSON.stringify(theirs);
    await expect(api("org").certificates.disable({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("org").certificates.update({ id: theirs.id, ...info })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("org").certificates.addLevel({ id: theirs.id, level: "SENIOR" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("org").certificates.setMajors({ id: theirs.id, majorIds: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      api("org").certificates.addSubject({
        levelId: theirs.levels[0].id,
        code: `${theirs.levels[0].code}109`,
        name: "外来科目",
        examMode: "COMPUTER",
        durationMinutes: 60,
        targetGroup: "所有考生",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("org").certificates.disableSubject({ id: theirs.levels[0].subjects[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api("principal").certificates.disable({ id: theirs.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await t.db.certificate.findUniqueOrThrow({ where: { id: theirsId }, include: { levels: { include: { subjects: true } } } });
    expect(JSON.stringify(after)).toBe(before);
  });

  it("links only the org's own standards", async () => {
    await expect(
      api("org").certificates.create({ code: "6000014", name: "边缘计算职业技能等级证书", levels: ["JUNIOR"], ...info, skillStandardId: foreignStandardId }),
    ).rejects.toThrow("只能关联本机构的职业技能等级标准");
  });
});
