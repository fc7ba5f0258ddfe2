// NUL characters and half characters in any string input get one Chinese message and change nothing
// (PostgreSQL refuses 0x00: before, such input was an HTTP 500).
import { describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeSchoolAccounts, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import { BAD_TEXT_MESSAGE } from "@/domain/text";
import { withIdCheck } from "@/domain/identifiers/id-number";

const t = useTestDb();

describe("text inputs", () => {
  it("refuses NUL and lone surrogates in public and signed-in procedures, writing nothing", async () => {
    const clock = fixedClock("2026-11-22T02:00:00Z");
    await expect(
      caller(t.db, { clock }).auth.login({ portal: "school", account: "41\u000012", password: "x", captchaId: "x", captchaAnswer: "8888", captchaWork: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: BAD_TEXT_MESSAGE });
    const a = await makeSchoolAccounts(t.db);
    const api = caller(t.db, { clock, session: await login(t.db, clock, a.principal.account, PASSWORD) });
    const idNumber = withIdCheck("11010820050301123");
    const form = { type: "SCHOOL" as const, gender: "MALE" as const, idType: "RESIDENT_ID" as const, idNumber, phone: "13600000002", enrolYear: 2024 };
    for (const name of ["李\u0000明", "李\uD800明", "\uDFFF"])
      await expect(api.candidates.save({ ...form, name, majorLevel: null, majorCode: null })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: BAD_TEXT_MESSAGE,
      });
    expect(await t.db.candidate.count({ where: { idNumber } })).toBe(0);
    // The same call with a real name goes through.
    await expect(api.candidates.save({ ...form, name: "李明", majorLevel: "HIGHER_VOCATIONAL", majorCode: "510201" })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });
});
