// npm test: type check, unit and integration tests (Vitest on embedded PostgreSQL), then e2e (Playwright).
import { spawnSync } from "node:child_process";
import { ROOT, ensureGenerated } from "./app";

function run(title: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`  ${title}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const only = process.argv[2];
ensureGenerated();
if (!only || only === "unit") {
  run("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
  run("unit + integration (vitest)", "npx", ["vitest", "run"]);
}
if (!only || only === "e2e") run("end-to-end (playwright)", "npx", ["tsx", "scripts/e2e.ts"]);
