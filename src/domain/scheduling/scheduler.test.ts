import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { schedule, ticketNumber, ticketPrefix, type RoomIn, type SchedulingInput, type SittingIn } from "./scheduler";

const t = (s: string) => new Date(`${s}+08:00`);
const subject = (id: string, from: string, to: string, certificateId = "c1") => ({
  id,
  name: `科目${id}`,
  certificateId,
  certificateCode: "6000022",
  startsAt: t(`2026-05-21T${from}:00`),
  endsAt: t(`2026-05-21T${to}:00`),
});
const room = (id: string, siteId: string, seats: number, subjectIds: string[], name = id, schoolId = "host"): RoomIn => ({
  id,
  siteId,
  siteCode: "110537004",
  schoolId,
  name,
  seats,
  subjectIds,
});
const sitting = (n: number, over: Partial<SittingIn> = {}): SittingIn => ({
  registrationId: `r${String(n).padStart(3, "0")}`,
  subjectId: "s1",
  schoolId: "a",
  siteId: "site1",
  candidateNumber: String(1000 + n),
  ...over,
});
const staff = (n: number, schoolId = "other", certificateIds = ["c1"]) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(2, "0")}`, schoolId, certificateIds }));

describe("the scheduler", () => {
  it("fills rooms in name order by school then candidate number, with seats and tickets in the manuals' shape", () => {
    const out = schedule({
      subjects: [subject("s1", "09:00", "10:30")],
      rooms: [room("big", "site1", 3, ["s1"], "13 号机房"), room("small", "site1", 2, ["s1"], "2 号机房")],
      sittings: [sitting(3, { schoolId: "b" }), sitting(1), sitting(2), sitting(4, { schoolId: "b" })],
      invigilators: staff(6),
    });
    expect(out.seats.map((s) => [s.registrationId, s.roomId, s.seat])).toEqual([
      ["r001", "small", 1],
      ["r002", "small", 2],
      ["r003", "big", 1],
      ["r004", "big", 2],
    ]);
    expect(ticketPrefix(2026, "6000022", "110537004")).toBe("266000022537004");
    expect(out.seats.map((s) => s.ticket)).toEqual([1, 2, 3, 4].map((n) => ticketNumber("266000022537004", n)));
    expect(out.seats[0].ticket).toMatch(/^\d{20}$/);
    expect(out.staff.map((s) => s.invigilatorIds.length)).toEqual([2, 2]);
    expect(out.patrols).toEqual([{ siteId: "site1", subjectId: "s1", invigilatorIds: ["p04"] }]);
    expect(out.unplaced).toEqual([]);
    expect(out.problems).toEqual([]);
  });

  it("reports what it cannot place, and why", () => {
    const out = schedule({
      subjects: [subject("s1", "09:00", "10:30"), subject("s2", "09:30", "11:00")],
      rooms: [room("r", "site1", 1, ["s1", "s2"])],
      sittings: [sitting(1), sitting(2), sitting(3, { siteId: null }), sitting(4, { siteId: "site2" }), sitting(5, { subjectId: "s2" })],
      invigilators: staff(1, "host"),
    });
    expect(out.unplaced).toEqual([
      { registrationId: "r003", subjectId: "s1", reason: "本校没有该证书的考核站点，也未分配借考考核站点" },
      { registrationId: "r002", subjectId: "s1", reason: "考核站点的考场座位不足（该科目 2 人，考场共 1 个座位）" },
      { registrationId: "r004", subjectId: "s1", reason: "考核站点没有该科目的考场（考场类型须与科目的考试方式一致）" },
      { registrationId: "r005", subjectId: "s2", reason: "考核站点的该科目考场在此时间已安排其他科目" },
    ]);
    // The only certified person works at the host school: nobody may invigilate there.
    expect(out.problems).toEqual(["考场「r」（科目s1）认证监考人员不足：需要 2 名，可分配 0 名", "考核站点（科目s1）巡考人员不足：需要 1 名，可分配 0 名"]);
  });

  it("keeps published seats and tickets on a re-run, placing only the rest", () => {
    const kept = { roomId: "big", seat: 2, ticket: "26600002253700400099" };
    const out = schedule({
      subjects: [subject("s1", "09:00", "10:30")],
      rooms: [room("big", "site1", 3, ["s1"])],
      sittings: [sitting(1), sitting(2, { kept })],
      invigilators: staff(3),
      ticketFloor: { "266000022537004": 7 },
    });
    expect(out.seats).toEqual(
      expect.arrayContaining([
        { registrationId: "r002", subjectId: "s1", ...kept },
        { registrationId: "r001", subjectId: "s1", roomId: "big", seat: 1, ticket: "26600002253700400008" },
      ]),
    );
  });
});

const arbInput: fc.Arbitrary<SchedulingInput> = fc
  .record({
    times: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
    rooms: fc.array(
      fc.record({
        site: fc.integer({ min: 0, max: 2 }),
        seats: fc.integer({ min: 1, max: 5 }),
        subjects: fc.subarray([0, 1, 2]),
        school: fc.integer({ min: 0, max: 2 }),
      }),
      {
        maxLength: 6,
      },
    ),
    people: fc.array(fc.record({ school: fc.integer({ min: 0, max: 2 }), certs: fc.subarray(["c0", "c1"]) }), { maxLength: 8 }),
    sittings: fc.array(
      fc.record({
        subject: fc.integer({ min: 0, max: 2 }),
        site: fc.option(fc.integer({ min: 0, max: 2 })),
        school: fc.integer({ min: 0, max: 2 }),
        n: fc.integer({ min: 0, max: 99 }),
      }),
      { maxLength: 40 },
    ),
    forbid: fc.boolean(),
  })
  .map(({ times, rooms, people, sittings, forbid }) => {
    const subjects = times.map(([h, len], i) => ({
      id: `s${i}`,
      name: `科目${i}`,
      certificateId: `c${i % 2}`,
      certificateCode: `600000${i}`,
      startsAt: new Date(Date.UTC(2026, 4, 21, h)),
      endsAt: new Date(Date.UTC(2026, 4, 21, h + len)),
    }));
    return {
      subjects,
      rooms: rooms.map((r, i) =>
        room(
          `room${i}`,
          `site${r.site}`,
          r.seats,
          r.subjects.map((k) => `s${k}`),
          `${i} 号考场`,
          `school${r.school}`,
        ),
      ),
      invigilators: people.map((p, i) => ({ id: `p${i}`, schoolId: `school${p.school}`, certificateIds: p.certs })),
      // One sitting per registration and subject.
      sittings: [...new Map(sittings.map((s, i) => [`${s.n}|${s.subject}`, { ...s, i }])).values()].map((s) => ({
        registrationId: `reg${s.n}`,
        subjectId: `s${s.subject}`,
        schoolId: `school${s.school}`,
        siteId: s.site == null ? null : `site${s.site}`,
        candidateNumber: String(10_000 + s.n),
      })),
      rules: { invigilatorsPerRoom: 2, roomsPerPatrol: 2, forbidOwnSchool: forbid },
    };
  });

describe("scheduler properties", () => {
  it("no seat twice, capacity and room subject respected, every sitting placed or explained, nobody in two places", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const out = schedule(input);
        const rooms = new Map(input.rooms.map((r) => [r.id, r]));
        const seatKeys = out.seats.map((s) => `${s.roomId}|${s.subjectId}|${s.seat}`);
        expect(new Set(seatKeys).size).toBe(seatKeys.length);
        expect(new Set(out.seats.map((s) => s.ticket)).size).toBe(out.seats.length);
        for (const s of out.seats) {
          const r = rooms.get(s.roomId)!;
          const sit = input.sittings.find((x) => x.registrationId === s.registrationId && x.subjectId === s.subjectId)!;
          expect(r.subjectIds).toContain(s.subjectId);
          expect(r.siteId).toBe(sit.siteId);
          expect(s.seat).toBeGreaterThanOrEqual(1);
          expect(s.seat).toBeLessThanOrEqual(r.seats);
        }
        const placed = new Set(out.seats.map((s) => `${s.registrationId}|${s.subjectId}`));
        const explained = new Set(out.unplaced.map((s) => `${s.registrationId}|${s.subjectId}`));
        for (const s of input.sittings)
          expect(placed.has(`${s.registrationId}|${s.subjectId}`) !== explained.has(`${s.registrationId}|${s.subjectId}`)).toBe(true);
        expect(out.unplaced.every((u) => u.reason.length > 0)).toBe(true);
        // A room hosts one subject at a time; a person is in one room or patrol at a time, never at their own school's.
        const when = new Map(input.subjects.map((s) => [s.id, s]));
        const overlap = (a: string, b: string) => when.get(a)!.startsAt < when.get(b)!.endsAt && when.get(b)!.startsAt < when.get(a)!.endsAt;
        const roomUse = [...new Set(out.seats.map((s) => `${s.roomId}|${s.subjectId}`))].map((k) => k.split("|"));
        for (const [i, [r1, s1]] of roomUse.entries()) for (const [r2, s2] of roomUse.slice(i + 1)) if (r1 === r2) expect(overlap(s1, s2)).toBe(false);
        const duties = [
          ...out.staff.flatMap((d) => d.invigilatorIds.map((p) => ({ p, subject: d.subjectId, school: rooms.get(d.roomId)!.schoolId }))),
          ...out.patrols.flatMap((d) => d.invigilatorIds.map((p) => ({ p, subject: d.subjectId, school: null as string | null }))),
        ];
        for (const [i, a] of duties.entries()) for (const b of duties.slice(i + 1)) if (a.p === b.p) expect(overlap(a.subject, b.subject)).toBe(false);
        const people = new Map(input.invigilators.map((p) => [p.id, p]));
        for (const d of duties) {
          expect(people.get(d.p)!.certificateIds).toContain(when.get(d.subject)!.certificateId);
          if (input.rules!.forbidOwnSchool && d.school) expect(people.get(d.p)!.schoolId).not.toBe(d.school);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same input in any order gives the same schedule", () => {
    fc.assert(
      fc.property(arbInput, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 101 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const again = schedule({
          ...input,
          sittings: shuffle(input.sittings),
          rooms: shuffle(input.rooms),
          invigilators: shuffle(input.invigilators),
          subjects: shuffle(input.subjects),
        });
        expect(again).toEqual(schedule(input));
      }),
      { numRuns: 200 },
    );
  });
});
