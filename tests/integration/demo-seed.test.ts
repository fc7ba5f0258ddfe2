// The demo data set that `npm start` writes: it loads on an empty database, a second run adds nothing, and what
// it holds is alive relative to today (tests own their data; this only guards the demo itself).
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { systemClock } from "@/server/clock";
import { seedDemo } from "@/server/seed";
import { DEMO_PASSWORD } from "@/server/seed/demo-data";

const t = useTestDb();

describe("demo seed", () => {
  it("loads once, keeps plans in every phase around now, and its accounts work", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const users = await t.db.user.count();
    expect(await seedDemo(t.db)).toBe(false);
    expect(await t.db.user.count()).toBe(users);
    const now = new Date();
    const plans = await t.db.applicationPlan.findMany();
    expect(plans.some((p) => p.startsAt <= now && now < p.endsAt)).toBe(true);
    expect(plans.some((p) => p.startsAt > now)).toBe(true);
    expect(plans.some((p) => p.endsAt <= now)).toBe(true);
    // Every portal's demo account signs in and reads its workbench.
    const clock = systemClock;
    for (const account of ["admin", "bjjw", "org125", "4111010009"]) {
      const u = await login(t.db, clock, account, DEMO_PASSWORD);
      await expect(caller(t.db, { clock, session: u }).workbench.get()).resolves.toBeDefined();
    }
  }, 120_000);
});
