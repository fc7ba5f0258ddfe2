// 排考 by hand (org): moving a candidate to another room and seat, and putting another invigilator on a duty. The
// same rules the scheduler keeps (scheduler.ts), checked for one change: the room holds the subject at the sitting's
// site, the seat exists and is free, the room is not hosting another subject then; the person is certified for the
// certificate, free at that time, and not of the room's school when the org forbids it.
type Interval = { startsAt: Date; endsAt: Date };
const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export type MoveTarget = {
  siteId: string;
  seats: number;
  subjectIds: string[];
  /** Seats already taken in this room for the sitting's subject (the sitting's own excluded). */
  taken: number[];
  /** Other subjects' sittings in the room: their times. */
  otherTimes: Interval[];
};

/** The first free seat of a room, or null when full. */
export function firstFreeSeat(t: Pick<MoveTarget, "seats" | "taken">): number | null {
  const taken = new Set(t.taken);
  for (let s = 1; s <= t.seats; s++) if (!taken.has(s)) return s;
  return null;
}

/** `seat` null: the first free one was asked for and there is none. */
export function moveProblem(sitting: { siteId: string | null; subjectId: string; time: Interval }, room: MoveTarget, seat: number | null): string | null {
  if (!sitting.siteId) return "该考生的院校没有可用的考核站点，不能安排考场";
  if (room.siteId !== sitting.siteId) return "只能调整到该考生所在考核站点的考场";
  if (!room.subjectIds.includes(sitting.subjectId)) return "该考场不承担此考试科目";
  if (room.otherTimes.some((t) => overlaps(t, sitting.time))) return "该考场同一时间已安排其他科目";
  if (seat === null) return "该考场座位已满";
  if (!Number.isInteger(seat) || seat < 1 || seat > room.seats) return `座位号须在 1–${room.seats} 之间`;
  if (room.taken.includes(seat)) return `该考场 ${seat} 号座位已有考生`;
  return null;
}

export type DutyPerson = {
  schoolId: string;
  certificateIds: string[];
  /** The person's other duties' times (any plan), the one being changed excluded. */
  busy: Interval[];
};

export function dutyProblem(
  duty: { certificateId: string; time: Interval; /** The room's (or patrolled site's) school. */ schoolId: string },
  person: DutyPerson,
  forbidOwnSchool = true,
): string | null {
  if (!person.certificateIds.includes(duty.certificateId)) return "该人员未通过本证书的考评人员认证";
  if (forbidOwnSchool && person.schoolId === duty.schoolId) return "不能安排监考或巡考本校考场";
  if (person.busy.some((b) => overlaps(b, duty.time))) return "该人员同一时间已有监考或巡考安排";
  return null;
}
