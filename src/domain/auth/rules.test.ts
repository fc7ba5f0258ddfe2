import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";
import { onPasswordFailure, FREEZE_AFTER, DISABLE_AFTER } from "./lockout";
import { canManageUser, regionPrefix } from "./permissions";
import { maskIdNumber, maskPhone } from "./mask";
import { portalOfRole } from "./portals";
import { grantable, menuFor, permissionsOf, rolesHolding, type Permission } from "./permissions";
import { isValidUscc, withUsccCheck } from "../identifiers/uscc";
import { isValidIdNumber, normalizeIdNumber } from "../identifiers/id-number";

describe("password policy", () => {
  it("accepts a strong password and explains each refusal in Chinese", () => {
    expect(checkPassword("Abcd@2026x")).toBeNull();
    expect(checkPassword("Ab1@")).toBe("密码至少 8 位");
    expect(checkPassword("A".repeat(40) + "a1@" + "b".repeat(30))).toBe("密码不能超过 64 位");
    expect(checkPassword("abcdefgh1")).toMatch(/至少三类/);
    expect(checkPassword("P@ssw0rd")).toBe("密码过于常见，请换一个");
    expect(checkPassword("Zhang@4111010009", { account: "4111010009" })).toBe("密码不能包含账号");
    expect(checkPassword("Ab@13812345678", { phone: "13812345678" })).toBe("密码不能包含手机号");
    expect(checkPassword("Abc 1234@x")).toBe("密码不能包含空格");
  });
});

describe("lockout", () => {
  const now = new Date("2026-11-22T00:00:00Z");
  it("warns, then freezes with growing periods, and disables only from a trusted browser", () => {
    expect(onPasswordFailure({ failures: 1, fromTrustedDevice: false, now, freezeSeconds: 900 })).toEqual({ kind: "none", remaining: 2 });
    const f3 = onPasswordFailure({ failures: FREEZE_AFTER, fromTrustedDevice: false, now, freezeSeconds: 900 });
    expect(f3).toEqual({ kind: "freeze", until: new Date(now.getTime() + 900_000) });
    const f4 = onPasswordFailure({ failures: 4, fromTrustedDevice: true, now, freezeSeconds: 900 });
    expect(f4).toEqual({ kind: "freeze", until: new Date(now.getTime() + 1_800_000) });
    expect(onPasswordFailure({ failures: DISABLE_AFTER, fromTrustedDevice: true, now, freezeSeconds: 900 })).toEqual({ kind: "disable" });
    // A stranger typing a school's account name cannot disable it, only freeze it (capped at a day).
    const f5 = onPasswordFailure({ failures: DISABLE_AFTER, fromTrustedDevice: false, now, freezeSeconds: 900 });
    expect(f5.kind).toBe("freeze");
    const f30 = onPasswordFailure({ failures: 30, fromTrustedDevice: false, now, freezeSeconds: 900 });
    expect(f30).toEqual({ kind: "freeze", until: new Date(now.getTime() + 86_400_000) });
  });
});

describe("who manages whom", () => {
  const admin = { id: "a", role: "ADMIN" as const };
  const bj = { id: "d", role: "EDU" as const, departmentId: "d1", departmentRegionPrefix: regionPrefix("PROVINCE", "110000") };
  const wh = { id: "w", role: "EDU" as const, departmentId: "d2", departmentRegionPrefix: regionPrefix("CITY", "420100") };
  const principal = { id: "p", role: "SCHOOL_PRINCIPAL" as const, schoolId: "s1" };
  it("follows the hierarchy", () => {
    expect(canManageUser(admin, { id: "x", role: "SCHOOL_PRINCIPAL" })).toBe(true);
    expect(canManageUser(admin, { id: "y", role: "ADMIN" })).toBe(false);
    expect(canManageUser(bj, { id: "x", role: "SCHOOL_PRINCIPAL", schoolRegionCode: "110108" })).toBe(true);
    expect(canManageUser(bj, { id: "x", role: "SCHOOL_PRINCIPAL", schoolRegionCode: "420111" })).toBe(false);
    expect(canManageUser(bj, { id: "x", role: "SCHOOL_ADMIN", schoolRegionCode: "110108" })).toBe(false);
    expect(canManageUser(wh, { id: "x", role: "SCHOOL_PRINCIPAL", schoolRegionCode: "420111" })).toBe(true);
    expect(canManageUser(wh, { id: "x", role: "SCHOOL_PRINCIPAL", schoolRegionCode: "420502" })).toBe(false);
    expect(canManageUser(principal, { id: "x", role: "SCHOOL_ADMIN", schoolId: "s1" })).toBe(true);
    expect(canManageUser(principal, { id: "x", role: "SCHOOL_ADMIN", schoolId: "s2" })).toBe(false);
    expect(canManageUser(principal, { id: "p", role: "SCHOOL_PRINCIPAL", schoolId: "s1" })).toBe(false);
    expect(canManageUser({ id: "o", role: "ORG" }, { id: "x", role: "SCHOOL_ADMIN" })).toBe(false);
  });
});

describe("masks, portals, identifiers", () => {
  it("masks phones and ID numbers", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskIdNumber("370285199001015910")).toBe("370****5910");
    expect(maskPhone(null)).toBeNull();
  });
  it("maps roles to portals and hides sections a role cannot use", () => {
    expect(portalOfRole("SCHOOL_ADMIN")).toBe("school");
    const hrefs = (held: Permission[]) => menuFor(held).flatMap((s) => s.items.map((i) => i.href));
    expect(hrefs(permissionsOf({ role: "SCHOOL_ADMIN", granted: grantable("school") }))).not.toContain("/school/users");
    expect(hrefs(permissionsOf({ role: "SCHOOL_PRINCIPAL" }))).toContain("/school/users");
    expect(hrefs(permissionsOf({ role: "SCHOOL_PRINCIPAL", applying: true }))).toEqual(["/school", "/school/info", "/school/applications", "/school/plans"]);
  });
  it("checks USCC and ID check characters (the manuals' own examples)", () => {
    expect(isValidUscc("1211000040086596XB")).toBe(true);
    expect(isValidUscc("1242000044143279XJ")).toBe(true);
    expect(isValidUscc("1211000040086596XA")).toBe(false);
    expect(withUsccCheck("12110000400686540")).toHaveLength(18);
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(normalizeIdNumber(" 11010519491231002x\t")).toBe("11010519491231002X");
  });
});

describe("permissions (one table; roles as data, manual 002 §8.1)", () => {
  it("gives a sub-account only what its role grants, plus the workbench", () => {
    const held = permissionsOf({ role: "SCHOOL_ADMIN", granted: ["school.certificates", "school.plans"] });
    expect(held).toEqual(["school.workbench", "school.certificates", "school.plans"]);
    expect(menuFor(held).map((s) => s.label)).toEqual(["工作台", "证书管理"]);
  });
  it("never lets a role grant the principal's own rights or another portal's", () => {
    const held = permissionsOf({ role: "SCHOOL_ADMIN", granted: ["school.reports", "school.users", "school.signature", "admin.audit", "nonsense"] });
    expect(held).toEqual(["school.workbench"]);
    expect(grantable("school")).not.toContain("school.reports");
    expect(grantable("school")).not.toContain("school.workbench");
  });
  it("limits an applying school to the applicant's permissions, whatever its role", () => {
    expect(permissionsOf({ role: "SCHOOL_ADMIN", applying: true, granted: grantable("school") })).toEqual([
      "school.workbench",
      "school.applications",
      "school.plans",
    ]);
    expect(permissionsOf({ role: "SCHOOL_PRINCIPAL", applying: false })).not.toContain("school.info");
  });
  it("gives the single-account portals all of their own permissions and none of others", () => {
    expect(permissionsOf({ role: "EDU" }).every((k) => k.startsWith("edu."))).toBe(true);
    expect(permissionsOf({ role: "ADMIN" })).toContain("admin.roles");
    expect(rolesHolding(["school.reports", "edu.reports"])).toEqual(["EDU", "SCHOOL_PRINCIPAL"]);
    expect(rolesHolding(["school.candidates"])).toEqual(["SCHOOL_PRINCIPAL", "SCHOOL_ADMIN"]);
  });
});
