// Roles as data (manual 002 §8.1): the admin maintains a portal's roles; a principal gives one to each
// sub-account; every check (procedures, lists, exports, uploads, imports, menu, workbench) reads the role.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, lastSmsCode, login } from "../support/trpc";
import { makeAccessRole, makeDepartment, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { resolveSession } from "@/server/auth/session";
import { menuFor } from "@/domain/auth/permissions";
import { mayUpload } from "@/server/files/upload";
import { IMPORTS, mayImport } from "@/server/imports/registry";
import type { SessionUser } from "@/server/session-user";

const t = useTestDb();
const clock = fixedClock("2027-03-01T02:00:00Z");
const s: Record<string, SessionUser> = {};
let w: Record<string, { id: string; account: string }>;
let certRole: { id: string };

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  const school = await makeSchool(t.db, { departmentId: dept.id });
  const other = await makeSchool(t.db);
  certRole = await makeAccessRole(t.db, ["school.certificates", "school.plans"]);
  w = {
    admin: await makeUser(t.db, "ADMIN"),
    edu: await makeUser(t.db, "EDU", { departmentId: dept.id }),
    principal: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: school.id }),
    otherPrincipal: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: other.id }),
    certOnly: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: school.id }),
    full: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: school.id }),
  };
  await t.db.user.update({ where: { id: w.certOnly.id }, data: { accessRoleId: certRole.id } });
  for (const k of Object.keys(w)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, w[k].account, PASSWORD);
  }
}, 60_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const page = { filter: {}, page: 1, pageSize: 10 } as const;

describe("a role without 考生管理", () => {
  it("sees neither the menu nor the procedures, lists, exports, uploads or imports of candidates", async () => {
    const u = s.certOnly;
    expect(u.permissions).toEqual(["school.workbench", "school.certificates", "school.plans"]);
    expect(menuFor(u.permissions).flatMap((x) => x.items.map((i) => i.href))).toEqual(["/school", "/school/certificates", "/school/plans"]);
    await expect(api("certOnly").lists.candidates(page)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("certOnly").imports.records({ kinds: ["CANDIDATES"], page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("certOnly").candidates.delete({ ids: [w.full.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("certOnly").exports.create({ list: "candidates", filter: {}, smsCode: "123456" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(mayUpload(u, "CANDIDATE_PHOTO")).toBe(false);
    expect(mayImport(u, IMPORTS.candidates)).toBe(false);
    // What the role grants works.
    expect((await api("certOnly").lists.certificates(page)).total).toBeGreaterThanOrEqual(0);
    await expect(api("certOnly").lists.plans(page)).resolves.toBeDefined();
    // A full role has them.
    expect(mayImport(s.full, IMPORTS.candidates)).toBe(true);
    await expect(api("full").lists.candidates(page)).resolves.toBeDefined();
  });

  it("gains them on its next request once the admin adds 考生管理 to the role", async () => {
    const row = (await api("admin").lists.accessRoles({ filter: {}, page: 1, pageSize: 50 })).rows.find((r) => r.id === certRole.id)!;
    expect(row.users).toBe(1);
    await api("admin").roles.save({
      id: certRole.id,
      portal: "school",
      name: row.name,
      description: "",
      permissions: [...row.permissions, "school.candidates"],
    });
    const fresh = (await resolveSession(t.db, clock, s.certOnly.sid))!;
    expect(fresh.permissions).toContain("school.candidates");
    await expect(caller(t.db, { clock, session: fresh }).lists.candidates(page)).resolves.toBeDefined();
    await api("admin").roles.save({ id: certRole.id, portal: "school", name: row.name, description: "", permissions: row.permissions });
  });
});

describe("角色管理 (platform admin)", () => {
  it("creates a role, refuses a duplicate name, ungrantable or foreign permissions, and none at all", async () => {
    const r = await api("admin").roles.save({ portal: "school", name: "招生考务", description: "考生信息", permissions: ["school.candidates"] });
    expect(await t.db.accessRole.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ portal: "school", permissions: ["school.candidates"] });
    expect(await t.db.auditLog.count({ where: { action: "role.create", targetId: r.id } })).toBe(1);
    await expect(api("admin").roles.save({ portal: "school", name: "招生考务", permissions: ["school.plans"] })).rejects.toThrow("同名角色");
    for (const permissions of [["school.reports"], ["school.users"], ["admin.audit"], ["school.workbench"], ["nonsense"]])
      await expect(api("admin").roles.save({ portal: "school", name: `非法${permissions[0]}`.slice(0, 20), permissions })).rejects.toThrow("不能分配给角色");
    await expect(api("admin").roles.save({ portal: "school", name: "空角色", permissions: [] })).rejects.toThrow("请至少选择一项菜单权限");
    expect(await t.db.accessRole.count({ where: { name: { in: ["空角色"] } } })).toBe(0);
  });

  it("deletes an unused role but not one in use", async () => {
    await expect(api("admin").roles.delete({ id: certRole.id })).rejects.toThrow("已分配给 1 个账号");
    expect(await t.db.accessRole.count({ where: { id: certRole.id } })).toBe(1);
    const unused = await makeAccessRole(t.db, ["school.orgs"]);
    await api("admin").roles.delete({ id: unused.id });
    expect(await t.db.accessRole.count({ where: { id: unused.id } })).toBe(0);
  });

  it("is the admin's alone: principals, sub-accounts and departments are refused, whatever ids they send", async () => {
    for (const k of ["principal", "full", "edu", "otherPrincipal"]) {
      await expect(api(k).roles.save({ portal: "school", name: "越权角色", permissions: ["school.candidates"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api(k).roles.save({ id: certRole.id, portal: "school", name: "越权", permissions: ["school.candidates"] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(api(k).roles.delete({ id: certRole.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api(k).lists.accessRoles(page)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.accessRole.count({ where: { name: { startsWith: "越权" } } })).toBe(0);
  });
});

describe("新增用户 with a role and 证书负责人", () => {
  async function code() {
    clock.advance(61_000);
    await api("principal").auth.sendOwnCode({ purpose: "MANAGE_USERS" });
    return lastSmsCode(t.db, (await t.db.user.findUniqueOrThrow({ where: { id: w.principal.id } })).phone!);
  }

  it("offers the maintained school roles and requires one; 证书负责人 = 是 requires a certificate", async () => {
    const roles = await api("principal").users.assignableRoles();
    expect(roles.map((r) => r.id)).toContain(certRole.id);
    expect(roles.find((r) => r.id === certRole.id)!.permissions).toEqual(["证书信息管理", "申报计划"]);
    await expect(api("full").users.assignableRoles()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      api("principal").users.create({ account: "role-none", name: "周老师", accessRoleId: "", certificateOwner: false, smsCode: "123456" }),
    ).rejects.toThrow("请选择角色");
    await expect(
      api("principal").users.create({ account: "role-owner", name: "周老师", accessRoleId: certRole.id, certificateOwner: true, smsCode: "123456" }),
    ).rejects.toThrow("请选择负责的证书");
    await expect(
      api("principal").users.create({
        account: "role-bogus",
        name: "周老师",
        accessRoleId: "00000000-0000-4000-8000-000000000000",
        certificateOwner: false,
        smsCode: await code(),
      }),
    ).rejects.toThrow("请选择已维护的角色");
    expect(await t.db.user.count({ where: { account: { startsWith: "role-" } } })).toBe(0);
    const created = await api("principal").users.create({
      account: "role-ok",
      name: "周老师",
      accessRoleId: certRole.id,
      certificateOwner: false,
      certificateLevelIds: ["00000000-0000-4000-8000-000000000001"], // 否: the picker's leftovers are dropped
      smsCode: await code(),
    });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id }, include: { certificateScopes: true } });
    expect(row).toMatchObject({ role: "SCHOOL_ADMIN", accessRoleId: certRole.id });
    expect(row.certificateScopes).toEqual([]);
    const listed = (await api("principal").lists.users({ filter: { q: "role-ok" }, page: 1, pageSize: 10 })).rows[0];
    expect(listed.roleLabel).toBe((await t.db.accessRole.findUniqueOrThrow({ where: { id: certRole.id } })).name);
    expect((await api("principal").users.detail({ userId: created.id })).accessRole?.id).toBe(certRole.id);
  });

  it("changes a stopped sub-account's role; another school's principal cannot", async () => {
    const target = w.full;
    await api("principal").users.disable({ userId: target.id });
    await expect(
      api("otherPrincipal").users.update({ userId: target.id, name: "改角色", accessRoleId: certRole.id, certificateOwner: false, smsCode: "123456" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api("principal").users.update({ userId: target.id, name: "改角色", accessRoleId: certRole.id, certificateOwner: false, smsCode: await code() });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).accessRoleId).toBe(certRole.id);
    await expect(api("edu").users.update({ userId: w.principal.id, name: "院校负责人", accessRoleId: certRole.id, smsCode: "123456" })).rejects.toThrow();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: w.principal.id } })).accessRoleId).toBeNull();
  });

  it("the database refuses a sub-account without a role and a principal with one", async () => {
    await expect(t.db.user.update({ where: { id: w.full.id }, data: { accessRoleId: null } })).rejects.toThrow();
    await expect(t.db.user.update({ where: { id: w.principal.id }, data: { accessRoleId: certRole.id } })).rejects.toThrow();
  });
});
