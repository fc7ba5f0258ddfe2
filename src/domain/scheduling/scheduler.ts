// 自动排考 (issue 15; 003 "培训评价组织统一进行排考"): a pure function over plain data. Every sitting of a subject goes to
// a room of that subject at the candidate's site (its school's own, or the site allocated to it), filled in a fixed
// order (school, then candidate number), with a seat and a 准考证号; each room gets certified invigilators, each site
// patrol officers (巡考); nobody and no room is in two places at once. What cannot be placed comes back with the
// reason. Published placements are kept as they are. The same input gives the same output, whatever its order.

export type SlotSubject = { id: string; name: string; certificateId: string; certificateCode: string; startsAt: Date; endsAt: Date };
/** One sitting: a registration's subject. `siteId` null: the school has no site for the level and none was lent. */
export type SittingIn = {
  registrationId: string;
  subjectId: string;
  schoolId: string;
  siteId: string | null;
  candidateNumber: string;
  /** Published before: kept (room and seat while still valid, the ticket always). */
  kept?: { roomId: string; seat: number; ticket: string };
};
export type RoomIn = { id: string; siteId: string; siteCode: string; schoolId: string; name: string; seats: number; subjectIds: string[] };
export type InvigilatorIn = {
  id: string;
  schoolId: string;
  /** Certificates the org has certified the person for. */
  certificateIds: string[];
  /** Times already taken elsewhere (another plan's rooms). */
  busy?: { startsAt: Date; endsAt: Date }[];
};
export type SchedulingRules = {
  invigilatorsPerRoom: number;
  /** One patrol officer per this many rooms of a site and subject (at least one per site). */
  roomsPerPatrol: number;
  /** Nobody invigilates or patrols a room of their own school. */
  forbidOwnSchool: boolean;
};
export const DEFAULT_RULES: SchedulingRules = { invigilatorsPerRoom: 2, roomsPerPatrol: 10, forbidOwnSchool: true };

export type SchedulingInput = {
  subjects: SlotSubject[];
  sittings: SittingIn[];
  rooms: RoomIn[];
  invigilators: InvigilatorIn[];
  rules?: SchedulingRules;
  /** The highest ticket sequence already issued per ticket prefix (another plan of the same year), to go on from. */
  ticketFloor?: Record<string, number>;
};
export type Seat = { registrationId: string; subjectId: string; roomId: string; seat: number; ticket: string };
export type Unplaced = { registrationId: string; subjectId: string; reason: string };
export type RoomStaff = { roomId: string; subjectId: string; invigilatorIds: string[] };
export type Patrol = { siteId: string; subjectId: string; invigilatorIds: string[] };
export type SchedulingResult = { seats: Seat[]; unplaced: Unplaced[]; staff: RoomStaff[]; patrols: Patrol[]; problems: string[] };

type Interval = { startsAt: Date; endsAt: Date };
const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const collator = new Intl.Collator("zh-CN", { numeric: true });
/** 2 号机房 before 13 号机房: rooms by name with numbers compared as numbers, then id. */
const byName = (a: RoomIn, b: RoomIn) => collator.compare(a.name, b.name) || cmp(a.id, b.id);

/** 准考证号 in the manuals' shape (20600002253700400057): year (2) + certificate code (7) + site (6) + sequence (5). */
export function ticketPrefix(examYear: number, certificateCode: string, siteCode: string): string {
  return `${String(examYear % 100).padStart(2, "0")}${certificateCode.slice(0, 7).padStart(7, "0")}${siteCode.slice(-6).padStart(6, "0")}`;
}
export const ticketNumber = (prefix: string, n: number) => `${prefix}${String(n).padStart(5, "0")}`;

export function schedule(input: SchedulingInput): SchedulingResult {
  const rules = input.rules ?? DEFAULT_RULES;
  const seats: Seat[] = [];
  const unplaced: Unplaced[] = [];
  const staff: RoomStaff[] = [];
  const patrols: Patrol[] = [];
  const problems: string[] = [];
  const roomBusy = new Map<string, Interval[]>();
  const personBusy = new Map<string, Interval[]>(input.invigilators.map((p) => [p.id, [...(p.busy ?? [])]]));
  const pools = new Map<string, InvigilatorIn[]>();
  for (const p of [...input.invigilators].sort((a, b) => cmp(a.id, b.id))) for (const c of new Set(p.certificateIds)) push(pools, c, p);
  const cursor = new Map<string, number>();
  const ticketSeq = new Map<string, number>(Object.entries(input.ticketFloor ?? {}));
  const prefixes = new Map<string, string>();
  const keptTickets = new Set(input.sittings.flatMap((s) => (s.kept ? [s.kept.ticket] : [])));
  const rooms = [...input.rooms].sort(byName);
  const subjects = [...input.subjects].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || cmp(a.id, b.id));
  const bySubject = new Map<string, SittingIn[]>();
  for (const s of input.sittings) push(bySubject, s.subjectId, s);
  for (const s of [...new Set(input.sittings.map((x) => x.subjectId))].filter((id) => !subjects.some((x) => x.id === id)).sort())
    for (const x of [...(bySubject.get(s) ?? [])].sort((a, b) => cmp(a.registrationId, b.registrationId)))
      unplaced.push({ registrationId: x.registrationId, subjectId: s, reason: "科目不在本次排考范围内" });

  for (const subject of subjects) {
    const examYear = new Date(subject.startsAt.getTime() + 8 * 3_600_000).getUTCFullYear();
    const usedBySite: { siteId: string; used: RoomIn[] }[] = [];
    const bySite = new Map<string | null, SittingIn[]>();
    for (const s of bySubject.get(subject.id) ?? []) push(bySite, s.siteId, s);
    // Sites in id order, each site's sittings by school, then candidate number.
    for (const siteId of [...bySite.keys()].sort((a, b) => cmp(a ?? "", b ?? ""))) {
      const group = bySite
        .get(siteId)!
        .sort((a, b) => cmp(a.schoolId, b.schoolId) || cmp(a.candidateNumber, b.candidateNumber) || cmp(a.registrationId, b.registrationId));
      if (!siteId) {
        for (const s of group)
          unplaced.push({ registrationId: s.registrationId, subjectId: subject.id, reason: "本校没有该证书的考核站点，也未分配借考考核站点" });
        continue;
      }
      const free = (r: RoomIn) => !(roomBusy.get(r.id) ?? []).some((i) => overlaps(i, subject));
      const siteRooms = rooms.filter((r) => r.siteId === siteId && r.subjectIds.includes(subject.id));
      const usable = siteRooms.filter(free);
      if (usable.length === 0) {
        const reason = siteRooms.length ? "考核站点的该科目考场在此时间已安排其他科目" : "考核站点没有该科目的考场（考场类型须与科目的考试方式一致）";
        for (const s of group) unplaced.push({ registrationId: s.registrationId, subjectId: subject.id, reason });
        continue;
      }
      const taken = new Map<string, Set<number>>(usable.map((r) => [r.id, new Set()]));
      const placed: Seat[] = [];
      const rest: SittingIn[] = [];
      // Published seats first, where their room still holds the subject and the seat.
      for (const s of group) {
        const k = s.kept;
        const room = k && usable.find((r) => r.id === k.roomId);
        if (k && room && k.seat >= 1 && k.seat <= room.seats && !taken.get(room.id)!.has(k.seat)) {
          taken.get(room.id)!.add(k.seat);
          placed.push({ registrationId: s.registrationId, subjectId: subject.id, roomId: room.id, seat: k.seat, ticket: k.ticket });
        } else rest.push(s);
      }
      let ri = 0;
      let seat = 0;
      const nextSeat = (): { room: RoomIn; seat: number } | null => {
        while (ri < usable.length) {
          const room = usable[ri];
          seat++;
          if (seat > room.seats) {
            ri++;
            seat = 0;
            continue;
          }
          if (!taken.get(room.id)!.has(seat)) return { room, seat };
        }
        return null;
      };
      const capacity = usable.reduce((a, r) => a + r.seats, 0);
      for (const s of rest) {
        const at = nextSeat();
        if (!at) {
          unplaced.push({
            registrationId: s.registrationId,
            subjectId: subject.id,
            reason: `考核站点的考场座位不足（该科目 ${group.length} 人，考场共 ${capacity} 个座位）`,
          });
          continue;
        }
        taken.get(at.room.id)!.add(at.seat);
        let ticket = s.kept?.ticket;
        if (!ticket) {
          const pk = `${examYear}|${subject.certificateCode}|${at.room.siteCode}`;
          let prefix = prefixes.get(pk);
          if (!prefix) prefixes.set(pk, (prefix = ticketPrefix(examYear, subject.certificateCode, at.room.siteCode)));
          let n = ticketSeq.get(prefix) ?? 0;
          // Increasing within a prefix, so new tickets never repeat; only a kept one may stand in the way.
          do ticket = ticketNumber(prefix, ++n);
          while (keptTickets.has(ticket));
          ticketSeq.set(prefix, n);
        }
        placed.push({ registrationId: s.registrationId, subjectId: subject.id, roomId: at.room.id, seat: at.seat, ticket });
      }
      seats.push(...placed);
      // Staff for the rooms actually used: certified for the certificate, free at this time, not of the room's school.
      const inUse = new Set(placed.map((p) => p.roomId));
      const used = usable.filter((r) => inUse.has(r.id));
      for (const r of used) push(roomBusy, r.id, { startsAt: subject.startsAt, endsAt: subject.endsAt });
      if (used.length) usedBySite.push({ siteId, used });
    }
    // Who is free for this subject's time, once; then round robin from where the last pick stopped, so loads stay
    // even and each pick is short (a flag per person, not a scan of everyone's other duties).
    const pool = pools.get(subject.certificateId) ?? [];
    const free = pool.map((p) => !personBusy.get(p.id)!.some((i) => overlaps(i, subject)));
    let left = free.filter(Boolean).length;
    const pick = (n: number, notSchool: string | null): string[] => {
      const out: string[] = [];
      for (let tried = 0; tried < pool.length && out.length < n && left > 0; tried++) {
        const at = (cursor.get(subject.certificateId) ?? 0) % pool.length;
        cursor.set(subject.certificateId, at + 1);
        const p = pool[at];
        if (!free[at] || (rules.forbidOwnSchool && notSchool && p.schoolId === notSchool)) continue;
        free[at] = false;
        left--;
        personBusy.get(p.id)!.push({ startsAt: subject.startsAt, endsAt: subject.endsAt });
        out.push(p.id);
      }
      return out;
    };
    // Rooms first (every room needs its invigilators), then one patrol per site and so many rooms.
    for (const { used } of usedBySite)
      for (const r of used) {
        const ids = pick(rules.invigilatorsPerRoom, r.schoolId);
        staff.push({ roomId: r.id, subjectId: subject.id, invigilatorIds: ids });
        if (ids.length < rules.invigilatorsPerRoom)
          problems.push(`考场「${r.name}」（${subject.name}）认证监考人员不足：需要 ${rules.invigilatorsPerRoom} 名，可分配 ${ids.length} 名`);
      }
    for (const { siteId, used } of usedBySite) {
      const need = Math.max(1, Math.ceil(used.length / rules.roomsPerPatrol));
      const ids = pick(need, used[0].schoolId);
      patrols.push({ siteId, subjectId: subject.id, invigilatorIds: ids });
      if (ids.length < need) problems.push(`考核站点（${subject.name}）巡考人员不足：需要 ${need} 名，可分配 ${ids.length} 名`);
    }
  }
  return { seats, unplaced, staff, patrols, problems };
}
