import { addDays, dateInZone, type InstrumentId, instantAt, scoreQuestionnaire } from '@meridian/domain';
import type { Queryable } from '../db/database.ts';

// Maria's twelve weeks: a diary most days and questionnaires every two weeks, with pain easing after
// weekly acupuncture began five weeks ago (all synthetic). Numbers come from a fixed-seed generator so
// every demo database tells the same story.

/** A small deterministic generator (LCG), values in [0, 1). */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/** Answers that add up to `total` over `items` items scored 0..max, spread evenly. */
function answersFor(total: number, items: number, max: number): number[] {
  const out = Array(items).fill(0) as number[];
  for (let i = 0, left = total; left > 0; i = (i + 1) % items) {
    if (out[i]! < max) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

export async function seedDemoProgress(
  q: Queryable,
  demo: { now: Date; patients: Map<string, string>; clinicians: Map<string, string> },
): Promise<void> {
  const maria = demo.patients.get('maria')!;
  const chen = demo.clinicians.get('chen')!;
  const zone = 'America/Phoenix';
  const today = dateInZone(demo.now, zone);
  const acupunctureStart = addDays(today, -35);
  const [ctx] = await q.query<{
    user_id: string;
    location_id: string;
    service_id: string;
    room_id: string | null;
  }>(
    `SELECT u.id AS user_id, l.id AS location_id, s.id AS service_id,
            (SELECT r.id FROM rooms r WHERE r.location_id = l.id AND r.name = 'Acupuncture 1') AS room_id
       FROM users u, locations l, services s
      WHERE u.patient_id = $1 AND l.code = 'phoenix' AND s.code = 'acupuncture'`,
    [maria],
  );
  // Five weekly acupuncture visits already attended (Mondays at 08:00, before the clinic's usual hours).
  for (let week = 0; week < 5; week++) {
    const start = instantAt(addDays(acupunctureStart, week * 7), '08:00', zone);
    const [a] = await q.query<{ id: string }>(
      `INSERT INTO appointments (service_id, location_id, room_id, practitioner_id, setting, starts_at, ends_at, status,
                                 created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'outpatient', $5, $6, 'completed', $4, $7, $7) RETURNING id`,
      [
        ctx!.service_id,
        ctx!.location_id,
        ctx!.room_id,
        chen,
        start,
        new Date(start.getTime() + 45 * 60_000),
        start,
      ],
    );
    await q.query(
      `INSERT INTO attendances (appointment_id, patient_id, during, status, booked_by, booked_at, coverage)
       VALUES ($1, $2, tstzrange($3, $4, '[)'), 'attended', $5, $6, '{"status":"covered"}')`,
      [
        a!.id,
        maria,
        start,
        new Date(start.getTime() + 45 * 60_000),
        chen,
        new Date(start.getTime() - 7 * 86_400_000),
      ],
    );
  }

  // The diary: about six days in seven, pain around 7 before acupuncture, easing to about 4 since.
  const random = generator(20260923);
  for (let d = -84; d <= -1; d++) {
    if (random() < 0.15) continue;
    const date = addDays(today, d);
    const sinceStart = d - -35;
    const trend = sinceStart < 0 ? 7 : 7 - Math.min(3, (sinceStart / 35) * 3);
    const average = clamp(trend + (random() - 0.5) * 1.6, 0, 10);
    const worst = clamp(average + 1 + random() * 2, average, 10);
    const sleep =
      Math.round((5 + (sinceStart < 0 ? 0 : Math.min(1.5, sinceStart / 25)) + (random() - 0.5)) * 2) / 2;
    const therapies = sinceStart >= 0 && sinceStart % 7 === 0 && sinceStart < 35 ? ['acupuncture'] : [];
    await q.query(
      `INSERT INTO diary_entries (patient_id, entry_date, pain_now, pain_average, pain_worst, locations, triggers, sleep_hours,
          sleep_quality, mood, activity, therapies, self_care, notes, backdated, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', false, $14, $15)`,
      [
        maria,
        date,
        clamp(average + (random() - 0.5) * 2, 0, 10),
        average,
        worst,
        ['lower back', ...(random() < 0.4 ? ['shoulders'] : [])],
        random() < 0.3 ? ['long day at the desk'] : [],
        sleep,
        sleep >= 6.5 ? 'good' : sleep >= 5.5 ? 'fair' : 'poor',
        clamp(10 - average + (random() - 0.5) * 2, 0, 10),
        clamp(3 + (7 - average) + random(), 0, 10),
        therapies,
        sinceStart >= 0 && random() < 0.6 ? ['A short walk after lunch'] : [],
        instantAt(date, '20:30', zone),
        (await q.query<{ id: string }>('SELECT id FROM users WHERE patient_id = $1', [maria]))[0]!.id,
      ],
    );
  }

  // Questionnaires: the PEG every two weeks; PHQ-9 and GAD-7 at the consultation and at the review.
  const user = (await q.query<{ id: string }>('SELECT id FROM users WHERE patient_id = $1', [maria]))[0]!.id;
  const answer = async (instrument: InstrumentId, daysAgo: number, answers: number[]) => {
    const scored = scoreQuestionnaire(instrument, answers);
    await q.query(
      `INSERT INTO questionnaire_responses (patient_id, instrument, answers, score, band, completed_at, source, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'portal', $7)`,
      [
        maria,
        instrument,
        answers,
        scored.score,
        scored.band,
        instantAt(addDays(today, -daysAgo), '19:00', zone),
        user,
      ],
    );
  };
  const peg: [number, number[]][] = [
    [84, [7, 7, 7]],
    [70, [7, 6, 7]],
    [56, [7, 7, 6]],
    [42, [7, 6, 6]],
    [28, [6, 5, 6]],
    [14, [5, 4, 5]],
    [1, [4, 4, 4]],
  ];
  for (const [daysAgo, answers] of peg) await answer('peg', daysAgo, answers);
  await answer(
    'phq-9',
    42,
    answersFor(11, 9, 3).map((v, i) => (i === 8 ? 0 : v)),
  );
  await answer('phq-9', 14, answersFor(7, 8, 3).concat(0));
  await answer('gad-7', 42, answersFor(10, 7, 3));
  await answer('gad-7', 14, answersFor(6, 7, 3));
}
