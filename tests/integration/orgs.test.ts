import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeOrg, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { resolveSession } from "@/server/auth/session";
import { withUsccCheck } from "@/domain/identifiers/uscc";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
let admin: SessionUser;
let orgUser: SessionUser;
let orgId: string;

beforeAll(async () => {
  admin = await login(t.db, clock, (await makeUser(t.db, "ADMIN")).account, PASSWORD);
  orgId = (await makeOrg(t.db)).id;
  clock.advance(61_000);
  orgUser = await login(t.db, clock, (await makeUser(t.db, "ORG", { orgId })).account, PASSWORD);
}, 60_000);

const base = { name: "北京某某职业技能评价有限公司", uscc: withUsccCheck("91110108MA01ABCD1"), contactName: "王经理", contactPhone: "13811112222" };

describe("evaluation organizations (admin)", () => {
  it("creates, refuses bad or duplicate input, edits only while stopped", async () => {
    const api = caller(t.db, { clock, session: admin });
    await expect(api.orgs.create({ code: "701", ...base, uscc: "91110108MA01ABCD10" })).rejects.toThrow("统一社会信用代码不正确");
    const { id } = await api.orgs.create({ code: "701", ...base });
    await expect(api.orgs.create({ code: "701", ...base, name: "另一个名称有限公司", uscc: withUsccCheck("91110108MA01ABCD2") })).rejects.toThrow(
      "机构代码已存在",
    );
    await expect(api.orgs.update({ id, ...base, name: "改名后的有限公司" })).rejects.toThrow("请先停用该机构");
    await api.orgs.disable({ id });
    await api.orgs.update({ id, ...base, name: "改名后的有限公司" });
    await api.orgs.enable({ id });
    expect(await t.db.evaluationOrg.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "改名后的有限公司", status: "REGISTERED" });
  });

  it("stopping an organization ends its sessions and closes its login", async () => {
    const api = caller(t.db, { clock, session: admin });
    await api.orgs.disable({ id: orgId });
    expect(await resolveSession(t.db, clock, orgUser.sid)).toBeNull();
    clock.advance(61_000);
    const acct = (await t.db.user.findFirstOrThrow({ where: { orgId } })).account;
    await expect(login(t.db, clock, acct, PASSWORD)).rejects.toThrow("所属机构已停用");
    await api.orgs.enable({ id: orgId });
  });

  it("only the admin manages organizations", async () => {
    clock.advance(61_000);
    const fresh = await login(t.db, clock, (await t.db.user.findFirstOrThrow({ where: { orgId } })).account, PASSWORD);
    await expect(caller(t.db, { clock, session: fresh }).orgs.disable({ id: orgId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
