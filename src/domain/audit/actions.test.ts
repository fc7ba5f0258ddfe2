import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, actionLabel } from "./actions";
import { ImportKind } from "@/generated/prisma/enums";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

describe("audit action names", () => {
  it("every action the server writes has a Chinese name", () => {
    const written = new Set<string>();
    for (const f of sources(path.join(import.meta.dirname, "../../server"))) {
      for (const line of fs.readFileSync(f, "utf8").split("\n")) {
        if (!/\baction: /.test(line) || /where:/.test(line)) continue;
        // Action ids are dotted (auth.login), except the bare "export".
        for (const m of line.matchAll(/"([a-z]+(?:\.[a-zA-Z_]+)+|export)"/g)) written.add(m[1]);
      }
    }
    // Built from a template: import.<kind>, standard.<kind>.<verb>.
    for (const k of Object.values(ImportKind)) written.add(`import.${k.toLowerCase()}`);
    for (const kind of ["skill", "site"]) for (const verb of ["create", "update", "enable", "disable"]) written.add(`standard.${kind}.${verb}`);
    const missing = [...written].filter((a) => !(a in AUDIT_ACTIONS));
    expect(missing).toEqual([]);
    expect(written.size).toBeGreaterThan(50);
    expect(actionLabel("auth.login")).toBe("登录");
    expect(actionLabel("legacy.thing")).toBe("legacy.thing");
  });
});
