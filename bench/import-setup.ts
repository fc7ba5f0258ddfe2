// Shared set-up of the import benchmarks: an embedded PostgreSQL with the schema, reference data, one
// pilot school and its principal; each phase runs in its own process (bench/import-worker.ts).
import path from "node:path";
import { spawnSync } from "node:child_process";
import { benchDatabase, mb } from "./database";

export { writeCandidatesFile } from "../tests/support/candidate-files";

export { mb };

export async function setup() {
  const { db, url, dir, cleanup } = await benchDatabase();
  const school = await db.school.create({
    data: { code: "4999999999", name: "基准测试职业技术学院", type: "HIGHER_VOCATIONAL", regionCode: "110108", isPilot: true },
  });
  const user = await db.user.create({
    data: {
      account: "bench-principal",
      passwordHash: "x",
      role: "SCHOOL_PRINCIPAL",
      name: "基准",
      phone: "13900009998",
      mustChangePassword: false,
      schoolId: school.id,
    },
  });
  const phase = (mode: string, file: string): { ms: number; rows: number; ok: number; peak: number } => {
    const r = spawnSync("npx", ["tsx", path.join(import.meta.dirname, "import-worker.ts"), mode, url, path.join(dir, "storage"), file, user.id], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`${mode} phase failed: ${r.stderr}`);
    if (process.env.BENCH_TRACE)
      console.error(
        r.stderr
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .join("\n"),
      );
    return JSON.parse(r.stdout.trim().split("\n").pop()!);
  };
  return { db, url, dir, school, user, phase, cleanup };
}
