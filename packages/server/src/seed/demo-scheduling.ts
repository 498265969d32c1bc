import { addDays, type Discipline, dateInZone, instantAt, isoWeekday } from '@meridian/domain';
import type { Queryable } from '../db/database.ts';
import { findService } from '../modules/scheduling/scheduling-repo.ts';
import { coverageFor } from '../modules/scheduling/scheduling-service.ts';

// The demo program's rooms, which location offers what, practitioners' credentials and hours, and a few
// booked visits. Locations, clinicians and patients come from demo-data.ts (ids passed in).

/** Rooms per location and the services (by code) each suits. */
const roomPlan: Record<string, { name: string; capacity?: number; services: string[] }[]> = {
  default: [
    { name: 'Acupuncture 1', services: ['acupuncture', 'electroacupuncture', 'cupping', 'acupressure'] },
    { name: 'Acupuncture 2', services: ['acupuncture', 'electroacupuncture', 'cupping', 'acupressure'] },
    { name: 'Massage 1', services: ['massage', 'aromatherapy', 'reiki', 'acupressure'] },
    {
      name: 'Consult 1',
      services: [
        'integrative-consultation',
        'integrative-follow-up',
        'herbs-supplements-consultation',
        'nutrition-consultation',
        'lifestyle-medicine-consultation',
        'health-coaching',
        'stress-resilience',
        'paced-breathing',
        'guided-imagery',
        'progressive-muscle-relaxation',
        'biofeedback',
        'hypnotherapy',
        'music-therapy',
        'cbt-act',
      ],
    },
    {
      name: 'Consult 2',
      services: [
        'integrative-consultation',
        'integrative-follow-up',
        'herbs-supplements-consultation',
        'nutrition-consultation',
        'lifestyle-medicine-consultation',
        'health-coaching',
        'cbt-act',
        'animal-assisted-therapy',
      ],
    },
    {
      name: 'Studio',
      capacity: 14,
      services: ['yoga', 'tai-chi-qigong', 'mindful-movement', 'meditation', 'stress-resilience-group'],
    },
    { name: 'Therapy gym', services: ['integrative-physical-therapy', 'chiropractic-care'] },
  ],
};

/** Services a location does not offer (the rest of the active catalog it does). */
const notOffered: Record<string, string[]> = {
  phoenix: [
    'chiropractic-care',
    'inpatient-massage',
    'inpatient-acupuncture',
    'volunteer-hand-massage',
    'animal-assisted-therapy',
  ],
  jacksonville: [
    'tai-chi-qigong',
    'inpatient-massage',
    'inpatient-acupuncture',
    'volunteer-hand-massage',
    'animal-assisted-therapy',
  ],
  rochester: ['chiropractic-care'],
};

/** Credentials each discipline holds in the demo (a licence or certification, and trainings). */
const credentialsByDiscipline: Record<Discipline, string[]> = {
  physician: ['medical-licence', 'clinical-hypnosis-certification'],
  nurse_practitioner: ['nurse-practitioner-licence'],
  nurse: ['nursing-licence', 'aromatherapy-certification', 'reiki-training'],
  acupuncturist: ['acupuncture-licence'],
  massage_therapist: ['massage-licence', 'hospital-massage-training', 'aromatherapy-certification'],
  nutritionist_dietitian: ['dietitian-registration'],
  psychologist: ['psychology-licence', 'biofeedback-certification', 'clinical-hypnosis-certification'],
  physical_therapist: ['physical-therapy-licence', 'biofeedback-certification'],
  chiropractor: ['chiropractic-licence'],
  health_wellness_coach: ['health-coach-certification'],
  music_therapist: ['music-therapy-certification'],
  reiki_practitioner: ['reiki-training'],
  yoga_instructor: ['yoga-teacher-certification'],
  movement_instructor: ['tai-chi-instructor-certification', 'yoga-teacher-certification'],
};
const trainings = new Set(['hospital-massage-training', 'reiki-training']);
const issuers: Record<string, string> = {
  'hospital-massage-training': 'Meridian integrative program',
  'volunteer-hand-massage-training': 'Meridian integrative program',
};

export interface DemoSchedulingIds {
  now: Date;
  locations: Map<string, { id: string; timeZone: string }>;
  clinicians: { key: string; id: string; discipline: Discipline; location: string }[];
  volunteerId: string;
  coordinatorId: string;
  patients: Map<string, string>;
}

/** Seeds the demo's scheduling data. */
export async function seedDemoScheduling(q: Queryable, ids: DemoSchedulingIds): Promise<void> {
  const services = new Map(
    (await q.query<{ id: string; code: string }>('SELECT id, code FROM services')).map((s) => [s.code, s.id]),
  );
  const today = ids.now.toISOString().slice(0, 10);
  for (const [code, location] of ids.locations) {
    for (const [serviceCode, serviceId] of services) {
      if (notOffered[code]?.includes(serviceCode)) continue;
      await q.query('INSERT INTO location_services (location_id, service_id) VALUES ($1, $2)', [
        location.id,
        serviceId,
      ]);
    }
    for (const room of roomPlan[code] ?? roomPlan.default!) {
      const [row] = await q.query<{ id: string }>(
        'INSERT INTO rooms (location_id, name, capacity) VALUES ($1, $2, $3) RETURNING id',
        [location.id, room.name, room.capacity ?? 1],
      );
      for (const s of room.services) {
        await q.query('INSERT INTO room_services (room_id, service_id) VALUES ($1, $2)', [
          row!.id,
          services.get(s),
        ]);
      }
    }
  }

  let n = 0;
  for (const c of ids.clinicians) {
    for (const kind of credentialsByDiscipline[c.discipline]) {
      n++;
      // One licence in the demo runs out within 60 days, so the admin's expiry list has something to show.
      const expires = trainings.has(kind) ? null : addDays(today, c.key === 'berg' ? 45 : 365 + n * 7);
      await q.query(
        `INSERT INTO credentials (user_id, kind, number, issuer, issued_on, expires_on, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          c.id,
          kind,
          `D-${String(1000 + n)}`,
          issuers[kind] ??
            `${c.location === 'phoenix' ? 'Arizona' : c.location === 'jacksonville' ? 'Florida' : 'Minnesota'} licensing board`,
          addDays(today, -700),
          expires,
          ids.now,
        ],
      );
    }
    // Monday to Friday, 08:00–17:00 with lunch; acupuncturists also on Saturday mornings.
    const location = ids.locations.get(c.location)!;
    for (let weekday = 1; weekday <= 5; weekday++) {
      await q.query(
        `INSERT INTO working_hours (user_id, location_id, weekday, starts, ends, break_starts, break_ends)
         VALUES ($1, $2, $3, '08:00', '17:00', '12:00', '13:00')`,
        [c.id, location.id, weekday],
      );
    }
    if (c.discipline === 'acupuncturist') {
      await q.query(
        `INSERT INTO working_hours (user_id, location_id, weekday, starts, ends) VALUES ($1, $2, 6, '09:00', '13:00')`,
        [c.id, location.id],
      );
    }
  }
  await q.query(
    `INSERT INTO credentials (user_id, kind, number, issuer, issued_on, verified_at)
     VALUES ($1, 'volunteer-hand-massage-training', 'V-0001', 'Meridian integrative program', $2, $3)`,
    [ids.volunteerId, addDays(today, -200), ids.now],
  );
  const rochester = ids.locations.get('rochester')!;
  for (let weekday = 1; weekday <= 5; weekday++) {
    await q.query(
      `INSERT INTO working_hours (user_id, location_id, weekday, starts, ends) VALUES ($1, $2, $3, '13:00', '17:00')`,
      [ids.volunteerId, rochester.id, weekday],
    );
  }

  // Self-pay prices, a payer with a plan, Maria's coverage and her primary care provider's referral.
  const prices: Record<string, number> = {
    'integrative-consultation': 25000,
    'integrative-follow-up': 15000,
    acupuncture: 9500,
    electroacupuncture: 10500,
    cupping: 6000,
    massage: 9000,
    'health-coaching': 8000,
    yoga: 2000,
    'tai-chi-qigong': 2000,
    'nutrition-consultation': 12000,
  };
  for (const [code, cents] of Object.entries(prices)) {
    await q.query('UPDATE services SET self_pay_cents = $2 WHERE code = $1', [code, cents]);
  }
  const [payer] = await q.query<{ id: string }>(
    "INSERT INTO payers (name) VALUES ('Sonoran Health') RETURNING id",
  );
  const [plan] = await q.query<{ id: string }>(
    "INSERT INTO plans (payer_id, name) VALUES ($1, 'Choice PPO') RETURNING id",
    [payer!.id],
  );
  const rules: [string, boolean, boolean, boolean, number | null, number | null][] = [
    // service, covered, referral, prior authorisation, visits a year, copay
    ['integrative-consultation', true, true, false, null, 4000],
    ['integrative-follow-up', true, false, false, null, 3000],
    ['acupuncture', true, true, false, 12, 2500],
    ['electroacupuncture', true, true, false, 12, 2500],
    ['chiropractic-care', true, false, false, 20, 2500],
    ['integrative-physical-therapy', true, false, true, 30, 3000],
    ['nutrition-consultation', true, false, false, 6, 0],
    ['cbt-act', true, false, false, null, 3000],
    ['massage', false, false, false, null, null],
  ];
  for (const [code, covered, referral, auth, visits, copay] of rules) {
    await q.query(
      `INSERT INTO plan_service_rules (plan_id, service_id, covered, requires_referral, requires_prior_authorisation,
                                       visits_per_year, copay_cents) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [plan!.id, services.get(code), covered, referral, auth, visits, copay],
    );
  }
  for (const patient of ['maria', 'james']) {
    await q.query(
      `INSERT INTO patient_coverages (patient_id, plan_id, member_id, starts_on) VALUES ($1, $2, $3, $4)`,
      [ids.patients.get(patient), plan!.id, `SH-${patient.toUpperCase()}-01`, `${today.slice(0, 4)}-01-01`],
    );
  }
  await q.query(
    `INSERT INTO authorisations (patient_id, service_id, kind, reference, issued_by, valid_from, valid_until, visits,
                                 recorded_by, recorded_at)
     VALUES ($1, $2, 'referral', 'REF-2026-0415', 'Dr. Helen Ward, Desert Family Medicine', $3, $4, 12, $5, $6)`,
    [
      ids.patients.get('maria'),
      services.get('acupuncture'),
      addDays(today, -30),
      addDays(today, 335),
      ids.coordinatorId,
      ids.now,
    ],
  );

  // A few booked visits: Maria's follow-up with Dr. Patel next week, and a yoga class in Phoenix.
  const phoenix = ids.locations.get('phoenix')!;
  const clinician = (key: string) => ids.clinicians.find((c) => c.key === key)!.id;
  const room = async (locationId: string, name: string) =>
    (
      await q.query<{ id: string }>('SELECT id FROM rooms WHERE location_id = $1 AND name = $2', [
        locationId,
        name,
      ])
    )[0]!.id;
  const localToday = dateInZone(ids.now, phoenix.timeZone);
  const nextWeekday = (weekday: number, after: number) => {
    let d = addDays(localToday, after);
    while (isoWeekday(d) !== weekday) d = addDays(d, 1);
    return d;
  };
  const book = async (args: {
    service: string;
    practitioner: string;
    roomName: string;
    date: string;
    time: string;
    minutes: number;
    capacity?: number;
    patients: string[];
  }) => {
    const startsAt = instantAt(args.date, args.time, phoenix.timeZone);
    const endsAt = new Date(startsAt.getTime() + args.minutes * 60_000);
    const [a] = await q.query<{ id: string }>(
      `INSERT INTO appointments (service_id, location_id, room_id, practitioner_id, setting, starts_at, ends_at, capacity,
                                 created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'outpatient', $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        services.get(args.service),
        phoenix.id,
        await room(phoenix.id, args.roomName),
        clinician(args.practitioner),
        startsAt,
        endsAt,
        args.capacity ?? 1,
        ids.coordinatorId,
        ids.now,
      ],
    );
    const service = (await findService(q, services.get(args.service)!))!;
    for (const p of args.patients) {
      const coverage = await coverageFor(q, ids.patients.get(p)!, service, args.date, phoenix.timeZone);
      await q.query(
        `INSERT INTO attendances (appointment_id, patient_id, during, booked_by, booked_at, coverage)
         VALUES ($1, $2, tstzrange($3, $4, '[)'), $5, $6, $7)`,
        [a!.id, ids.patients.get(p), startsAt, endsAt, ids.coordinatorId, ids.now, JSON.stringify(coverage)],
      );
    }
  };
  await book({
    service: 'integrative-follow-up',
    practitioner: 'patel',
    roomName: 'Consult 1',
    date: nextWeekday(2, 1),
    time: '10:00',
    minutes: 30,
    patients: ['maria'],
  });
  await book({
    service: 'yoga',
    practitioner: 'sato',
    roomName: 'Studio',
    date: nextWeekday(4, 1),
    time: '16:00',
    minutes: 60,
    capacity: 12,
    patients: ['maria', 'james'],
  });
}
