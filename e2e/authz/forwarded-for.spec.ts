import { expect, test } from "@playwright/test";
import { sql } from "../fixtures";
import { solveWork } from "../../src/domain/auth/work";

// Without TRUSTED_PROXY a client's own X-Forwarded-For is ignored: the audit log and the per-IP limits see
// the TCP peer (issue 10 item 2).
test("a forged X-Forwarded-For neither changes the audit log's IP nor opens a fresh per-IP budget", async ({ request }) => {
  const account = `nobody-${Date.now()}`;
  for (const forged of ["1.2.3.4", "5.6.7.8"]) {
    const headers = { "x-forwarded-for": forged };
    const cap = await request.post("/api/trpc/auth.captcha", { headers, data: { json: null } });
    const drawn = (await cap.json()).result.data.json;
    const captchaWork = await solveWork(drawn.work);
    const r = await request.post("/api/trpc/auth.login", {
      headers,
      data: { json: { portal: "school", account, password: "Wrong@2026pw", captchaId: drawn.id, captchaAnswer: "8888", captchaWork } },
    });
    expect(r.status()).toBe(400); // 账号或密码错误: the attempt was counted and audited
  }
  expect(await sql(`SELECT 1 FROM "AuditLog" WHERE summary LIKE $1`, [`%${account}%`])).toHaveLength(2);
  const limits = await sql<{ key: string }>(`SELECT key FROM "RateLimit" WHERE key LIKE 'login:ip:%' OR key LIKE 'captcha%'`);
  expect(limits.some((l) => l.key.includes("1.2.3.4") || l.key.includes("5.6.7.8"))).toBe(false);
  const audit = await sql<{ ip: string | null }>(`SELECT ip FROM "AuditLog" WHERE ip IN ('1.2.3.4', '5.6.7.8')`);
  expect(audit).toHaveLength(0);
});
