// 标准管理 (002 §3): each test file makes its own orgs, school and accounts; nothing comes from the demo seed.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeOrg, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2027-05-10T02:00:00Z");
const s: Record<string, SessionUser> = {};
let theirs: { id: string };

beforeAll(async () => {
  const [mine, other, school] = [await makeOrg(t.db), await makeOrg(t.db), await makeSchool(t.db)];
  const accounts = {
    org: await makeUser(t.db, "ORG", { orgId: mine.id }),
    other: await makeUser(t.db, "ORG", { orgId: other.id }),
    principal: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id }),
    admin: await makeUser(t.db, "ADMIN"),
  };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
  theirs = await t.db.siteStandard.create({
    data: { code: `Z${randomBytes(3).toString("hex")}`, name: "另一机构的考核站点建设标准", version: "2021版", orgId: other.id, status: "ENABLED" },
  });
}, 60_000);
const api = (k: string) => caller(t.db, { clock, session: s[k] });

describe("standards maintained by their org", () => {
  it("creates stopped, edits only while stopped, enables and disables; bad input changes nothing", async () => {
    await expect(api("org").standards.create({ kind: "skill", code: "600099", name: "云计算运维职业技能等级标准", version: "2021" })).rejects.toThrow("2021版");
    await expect(api("org").standards.create({ kind: "skill", code: "600001".replace("1", "0") + "", name: "x", version: "2021版" })).rejects.toThrow(
      "标准名称",
    );
    const { id } = await api("org").standards.create({ kind: "skill", code: "600099", name: "云计算运维职业技能等级标准", version: "2021版" });
    expect(await t.db.skillStandard.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISABLED", orgId: s.org.orgId });
    await expect(api("org").standards.create({ kind: "skill", code: "600099", name: "重复", version: "2021版" })).rejects.toThrow("标准代码已存在");
    await api("org").standards.update({ kind: "skill", id, name: "云计算运维职业技能等级标准（修订）", version: "2022版" });
    await api("org").standards.enable({ kind: "skill", id });
    await expect(api("org").standards.update({ kind: "skill", id, name: "再改", version: "2022版" })).rejects.toThrow("请先停用该标准");
    await expect(api("org").standards.enable({ kind: "skill", id })).rejects.toThrow("已是启用状态");
    expect(await t.db.skillStandard.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "云计算运维职业技能等级标准（修订）",
      version: "2022版",
      status: "ENABLED",
    });
    await api("org").standards.disable({ kind: "skill", id });
  });

  it("another org's ids get nothing; schools and admins cannot maintain them", async () => {
    for (const call of [
      () => api("org").standards.disable({ kind: "site", id: theirs.id }),
      () => api("org").standards.enable({ kind: "site", id: theirs.id }),
      () => api("org").standards.update({ kind: "site", id: theirs.id, name: "篡改标准", version: "2021版" }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.db.siteStandard.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("ENABLED");
    await expect(api("principal").standards.create({ kind: "skill", code: "X0001", name: "学校不能建", version: "2021版" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(api("admin").standards.disable({ kind: "site", id: theirs.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an attachment must be the org's own upload of the right kind", async () => {
    const foreign = await t.db.storedFile.create({
      data: {
        key: "standard-attachment/202611/aaaaaaaaaaaaaaaaaaaaaaaa.pdf",
        purpose: "STANDARD_ATTACHMENT",
        filename: "x.pdf",
        contentType: "application/pdf",
        size: 10,
        ownerUserId: s.other.id,
      },
    });
    await expect(
      api("org").standards.create({ kind: "site", code: "Z99901", name: "某考核站点建设标准", version: "2021版", attachmentFileId: foreign.id }),
    ).rejects.toThrow("附件不存在");
  });
});
