import {
  addDays,
  instantAt,
  isoWeekday,
  minutesOf,
  timeInZone,
  timeOf,
  zoneOffsetMinutes,
} from '../shared/dates.ts';

/** A span of time, start included, end excluded. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Weekly working hours at one location, in its wall-clock time; ISO weekday 1 = Monday … 7 = Sunday. */
export interface WeeklyHours {
  weekday: number;
  /** 'HH:MM' */
  starts: string;
  ends: string;
  breakStarts?: string | null;
  breakEnds?: string | null;
}

/** What a practitioner's calendar says: hours at the searched location, and every busy time anywhere. */
export interface PractitionerCalendar {
  practitionerId: string;
  hours: WeeklyHours[];
  /** Appointments (at any location) and time off. */
  busy: Interval[];
  /** False on days the practitioner lacks a valid required credential (licence expired, training missing). */
  credentialedOn?: (date: string) => boolean;
}

export interface RoomCalendar {
  roomId: string;
  busy: Interval[];
}

export interface SlotSearch {
  /** The location's IANA zone: hours, dates and preferred times are in it. */
  timeZone: string;
  /** First and last calendar day searched ('YYYY-MM-DD', in the location's zone). */
  from: string;
  to: string;
  durationMinutes: number;
  /** Slot starts are this many minutes apart from the start of the working hours (default 15). */
  stepMinutes?: number;
  /** No slot starts before this instant (now, plus any booking notice). */
  notBefore: Date;
  /** The patient's own appointments: a slot that overlaps one is not offered. */
  patientBusy?: Interval[];
  /** The patient's preferred days and start times. */
  preferred?: { weekdays?: number[]; earliest?: string; latest?: string };
  /** Rooms that suit the service; a slot needs one free. Undefined when no room is needed (telehealth, bedside). */
  rooms?: RoomCalendar[];
  limit: number;
}

export interface Slot {
  practitionerId: string;
  roomId: string | null;
  start: Date;
  end: Date;
}

/** Busy times merged and sorted, asked "is [start, end) free?" by binary search. */
export class BusyTimes {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  constructor(intervals: Interval[]) {
    const sorted = intervals
      .map((i) => [i.start.getTime(), i.end.getTime()] as const)
      .filter(([s, e]) => e > s)
      .sort((a, b) => a[0] - b[0]);
    for (const [s, e] of sorted) {
      const last = this.#ends.length - 1;
      if (last >= 0 && s <= this.#ends[last]!) this.#ends[last] = Math.max(this.#ends[last]!, e);
      else {
        this.#starts.push(s);
        this.#ends.push(e);
      }
    }
  }

  isFree(start: number, end: number): boolean {
    // The first busy interval that ends after `start`; free if it starts at or after `end`.
    let lo = 0;
    let hi = this.#ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#ends[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.#ends.length || this.#starts[lo]! >= end;
  }
}

/** The wall-clock windows of one day's hours: before and after the break. */
function windowsOf(hours: WeeklyHours): [number, number][] {
  const starts = minutesOf(hours.starts);
  const ends = minutesOf(hours.ends);
  if (hours.breakStarts && hours.breakEnds) {
    return [
      [starts, minutesOf(hours.breakStarts)],
      [minutesOf(hours.breakEnds), ends],
    ];
  }
  return [[starts, ends]];
}

/**
 * Free slots, earliest first (then in the order practitioners were given), up to `search.limit`.
 * Working hours are wall-clock times in the location's zone, so a 09:00 start stays 09:00 across a
 * daylight-saving change; a visit's length is real time.
 */
export function findSlots(practitioners: PractitionerCalendar[], search: SlotSearch): Slot[] {
  const step = search.stepMinutes ?? 15;
  const durationMs = search.durationMinutes * 60_000;
  const notBefore = search.notBefore.getTime();
  const patient = new BusyTimes(search.patientBusy ?? []);
  const busy = practitioners.map((p) => new BusyTimes(p.busy));
  const rooms = search.rooms?.map((r) => ({ roomId: r.roomId, busy: new BusyTimes(r.busy) }));
  const earliest = search.preferred?.earliest ? minutesOf(search.preferred.earliest) : 0;
  const latest = search.preferred?.latest ? minutesOf(search.preferred.latest) : 24 * 60;
  const instants = new Map<string, number>();
  const at = (date: string, minutes: number) => {
    const key = `${date}T${minutes}`;
    let t = instants.get(key);
    if (t === undefined) {
      t = instantAt(date, timeOf(minutes), search.timeZone).getTime();
      instants.set(key, t);
    }
    return t;
  };

  const found: Slot[] = [];
  for (let date = search.from; date <= search.to && found.length < search.limit; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    if (search.preferred?.weekdays?.length && !search.preferred.weekdays.includes(weekday)) continue;
    // On the day clocks spring forward, wall-clock times in the skipped hour do not exist: skip them.
    const changesOffset =
      zoneOffsetMinutes(new Date(at(date, 0)), search.timeZone) !==
      zoneOffsetMinutes(new Date(at(addDays(date, 1), 0)), search.timeZone);
    const day: (Slot & { order: number })[] = [];
    practitioners.forEach((p, order) => {
      if (p.credentialedOn && !p.credentialedOn(date)) return;
      for (const hours of p.hours) {
        if (hours.weekday !== weekday) continue;
        for (const [from, to] of windowsOf(hours)) {
          const windowEnd = at(date, to);
          for (let m = from; m + search.durationMinutes <= to; m += step) {
            if (m < earliest || m > latest) continue;
            const start = at(date, m);
            const end = start + durationMs;
            if (start < notBefore || end > windowEnd) continue;
            if (changesOffset && timeInZone(new Date(start), search.timeZone) !== timeOf(m)) continue;
            if (!busy[order]!.isFree(start, end) || !patient.isFree(start, end)) continue;
            let roomId: string | null = null;
            if (rooms) {
              const room = rooms.find((r) => r.busy.isFree(start, end));
              if (!room) continue;
              roomId = room.roomId;
            }
            day.push({
              practitionerId: p.practitionerId,
              roomId,
              start: new Date(start),
              end: new Date(end),
              order,
            });
          }
        }
      }
    });
    day.sort((a, b) => a.start.getTime() - b.start.getTime() || a.order - b.order);
    for (const { order: _order, ...slot } of day) {
      if (found.length >= search.limit) break;
      found.push(slot);
    }
  }
  return found;
}

/** One visit of a proposed series: the slot kept for it, or other times to choose from. */
export interface SeriesVisit {
  /** 1-based. */
  visit: number;
  date: string;
  slot: Slot | null;
  /** When the same practitioner and time are not free: other slots near that day. */
  alternatives: Slot[];
}

/**
 * A series of visits (e.g. six weekly acupuncture visits) starting from a first slot: the same
 * practitioner at the same wall-clock time where free; otherwise up to three alternatives on that day
 * or the days around it (the same practitioner first), with nothing kept.
 */
export function proposeSeries(
  practitioners: PractitionerCalendar[],
  search: Omit<SlotSearch, 'from' | 'to' | 'limit'>,
  first: { practitionerId: string; date: string; time: string },
  visits: number,
  everyDays: number,
): SeriesVisit[] {
  const out: SeriesVisit[] = [];
  let calendars = practitioners;
  let patientBusy = search.patientBusy ?? [];
  let rooms = search.rooms;
  const chosen = practitioners.find((p) => p.practitionerId === first.practitionerId);
  for (let k = 0; k < visits; k++) {
    const date = addDays(first.date, k * everyDays);
    const sameTime = chosen
      ? findSlots([calendars.find((c) => c.practitionerId === first.practitionerId)!], {
          ...search,
          from: date,
          to: date,
          patientBusy,
          ...(rooms ? { rooms } : {}),
          preferred: { earliest: first.time, latest: first.time },
          limit: 1,
        })[0]
      : undefined;
    if (sameTime) {
      out.push({ visit: k + 1, date, slot: sameTime, alternatives: [] });
      const taken: Interval = { start: sameTime.start, end: sameTime.end };
      calendars = calendars.map((c) =>
        c.practitionerId === sameTime.practitionerId ? { ...c, busy: [...c.busy, taken] } : c,
      );
      patientBusy = [...patientBusy, taken];
      if (rooms && sameTime.roomId)
        rooms = rooms.map((r) => (r.roomId === sameTime.roomId ? { ...r, busy: [...r.busy, taken] } : r));
      continue;
    }
    const near = { ...search, patientBusy, ...(rooms ? { rooms } : {}) };
    const samePractitioner = calendars.filter((c) => c.practitionerId === first.practitionerId);
    const others = calendars.filter((c) => c.practitionerId !== first.practitionerId);
    const alternatives = [
      ...findSlots(samePractitioner, { ...near, from: date, to: addDays(date, 2), limit: 3 }),
      ...findSlots(others, { ...near, from: date, to: date, limit: 3 }),
    ].slice(0, 3);
    out.push({ visit: k + 1, date, slot: null, alternatives });
  }
  return out;
}
