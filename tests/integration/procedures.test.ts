// Fails when a procedure is neither role-protected nor on the explicit public list.
import { describe, expect, it } from "vitest";
import { appRouter, APPLICANT_PROCEDURES, PUBLIC_PROCEDURES, SESSION_PROCEDURES } from "@/server/api/root";
import type { Access } from "@/server/api/trpc";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Access } }>);

describe("every procedure declares who may call it", () => {
  it("has at least the known procedures", () => {
    expect(procedures.length).toBeGreaterThan(10);
  });
  it.each(procedures.map(([name, p]) => [name, p._def.meta] as const))("%s", (name, meta) => {
    expect(meta?.access, `${name} has no access meta`).toBeDefined();
    if (meta!.access === "public") expect(PUBLIC_PROCEDURES as readonly string[], `${name} is public but not listed`).toContain(name);
    if (meta!.access === "session") expect(SESSION_PROCEDURES as readonly string[], `${name} skips the binding check but is not listed`).toContain(name);
    if (meta!.access === "roles") expect(meta!.roles!.length).toBeGreaterThan(0);
    if (meta!.access === "permission") expect(meta!.permissions!.length, `${name} names no permission`).toBeGreaterThan(0);
    if (meta!.applicant) expect(APPLICANT_PROCEDURES as readonly string[], `${name} is open to applying schools but not listed`).toContain(name);
  });
  it("lists only procedures that exist", () => {
    const names = new Set(procedures.map(([n]) => n));
    for (const p of [...PUBLIC_PROCEDURES, ...SESSION_PROCEDURES, ...APPLICANT_PROCEDURES]) expect(names.has(p)).toBe(true);
  });
});
