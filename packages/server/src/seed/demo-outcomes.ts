import { addDays, dateInZone, instantAt } from '@meridian/domain';
import type { Queryable } from '../db/database.ts';

// A dozen inpatients at Rochester with bedside massage over the last three weeks and the pain and
// anxiety they rated just before and just after each session, so the bedside outcome report has
// something to show. All synthetic; the numbers are written out here, so every demo tells the same story.
// Five of them also had a volunteer hand massage: too few patients, so that row of the report is
// suppressed, as small groups are.

/** One session: days before today, local time, pain before/after, anxiety before/after (0–10). */
type Session = [
  daysAgo: number,
  time: string,
  painBefore: number,
  painAfter: number,
  anxietyBefore: number,
  anxietyAfter: number,
];

interface DemoInpatient {
  mrn: string;
  given: string;
  family: string;
  birthDate: string;
  sex: 'female' | 'male';
  unit: string;
  room: string;
  bed: string;
  precautions: string[];
  notes: string;
  massage: Session[];
  /** A volunteer hand massage, days ago and time, with the same scores. */
  handMassage?: Session;
}

const cardiac = 'Cardiac surgery, 4 West';
const oncology = 'Oncology, 6 East';
const orthopaedics = 'Orthopaedics, 5 North';
const medicine = 'General medicine, 3 South';

export const demoInpatients: DemoInpatient[] = [
  {
    mrn: 'MER-000201',
    given: 'Walter',
    family: 'Kowalski',
    birthDate: '1951-04-18',
    sex: 'male',
    unit: cardiac,
    room: '414',
    bed: 'A',
    precautions: ['chest-drain', 'telemetry'],
    notes: 'Day 3 after bypass surgery; sore along the sternal wound.',
    massage: [
      [19, '10:30', 6, 4, 5, 3],
      [15, '11:00', 5, 3, 4, 2],
      [12, '10:30', 4, 3, 3, 2],
    ],
  },
  {
    mrn: 'MER-000202',
    given: 'Ingrid',
    family: 'Solberg',
    birthDate: '1946-12-02',
    sex: 'female',
    unit: cardiac,
    room: '417',
    bed: '',
    precautions: ['iv-line', 'fall-risk'],
    notes: 'Valve replacement; anxious at night.',
    massage: [
      [18, '14:00', 5, 3, 7, 4],
      [14, '14:30', 4, 2, 6, 3],
    ],
    handMassage: [16, '15:00', 5, 4, 6, 4],
  },
  {
    mrn: 'MER-000203',
    given: 'Marcus',
    family: 'Bell',
    birthDate: '1968-07-25',
    sex: 'male',
    unit: oncology,
    room: '602',
    bed: '',
    precautions: ['low-platelets', 'iv-line'],
    notes: 'Chemotherapy cycle 2; light pressure only.',
    massage: [
      [17, '10:00', 7, 5, 6, 4],
      [10, '10:00', 6, 4, 5, 3],
      [3, '10:30', 6, 5, 5, 4],
    ],
  },
  {
    mrn: 'MER-000204',
    given: 'Rosa',
    family: 'Delgado',
    birthDate: '1959-02-11',
    sex: 'female',
    unit: oncology,
    room: '606',
    bed: 'B',
    precautions: ['low-white-cells', 'contact-isolation'],
    notes: 'Neutropenic; gown and gloves.',
    massage: [[16, '13:30', 5, 5, 6, 5]],
    handMassage: [13, '14:00', 5, 4, 6, 5],
  },
  {
    mrn: 'MER-000205',
    given: 'Tobias',
    family: 'Lindqvist',
    birthDate: '1975-09-03',
    sex: 'male',
    unit: orthopaedics,
    room: '511',
    bed: '',
    precautions: ['surgical-wound', 'fall-risk'],
    notes: 'Left knee replacement, day 2.',
    massage: [
      [14, '11:30', 8, 5, 6, 3],
      [12, '11:30', 7, 4, 5, 3],
    ],
  },
  {
    mrn: 'MER-000206',
    given: 'Agnes',
    family: 'Murphy',
    birthDate: '1940-05-29',
    sex: 'female',
    unit: medicine,
    room: '308',
    bed: '',
    precautions: ['oxygen'],
    notes: 'Pneumonia, improving; on nasal oxygen.',
    massage: [
      [13, '15:00', 4, 2, 6, 3],
      [9, '15:00', 3, 2, 5, 3],
      [5, '15:30', 3, 1, 4, 2],
    ],
    handMassage: [7, '14:00', 3, 2, 5, 3],
  },
  {
    mrn: 'MER-000207',
    given: 'Desmond',
    family: 'Clarke',
    birthDate: '1963-11-14',
    sex: 'male',
    unit: cardiac,
    room: '421',
    bed: '',
    precautions: ['pacemaker', 'telemetry'],
    notes: 'New pacemaker; avoid the left chest and shoulder.',
    massage: [
      [11, '10:00', 5, 3, 6, 4],
      [4, '10:30', 4, 4, 4, 4],
    ],
  },
  {
    mrn: 'MER-000208',
    given: 'Leila',
    family: 'Haddad',
    birthDate: '1982-03-07',
    sex: 'female',
    unit: oncology,
    room: '610',
    bed: '',
    precautions: ['bone-metastases', 'iv-line'],
    notes: 'Bone metastases in the spine; no deep pressure on the back.',
    massage: [
      [10, '13:00', 8, 6, 8, 5],
      [6, '13:00', 7, 5, 7, 4],
      [2, '13:30', 7, 6, 6, 4],
    ],
  },
  {
    mrn: 'MER-000209',
    given: 'Henry',
    family: 'Okonkwo',
    birthDate: '1955-08-21',
    sex: 'male',
    unit: orthopaedics,
    room: '503',
    bed: 'A',
    precautions: ['recent-dvt', 'surgical-wound'],
    notes: 'Hip fracture repair; recent DVT in the right leg, avoid both legs.',
    massage: [
      [9, '11:00', 6, 3, 5, 3],
      [7, '11:00', 5, 3, 4, 2],
    ],
    handMassage: [8, '15:30', 6, 5, 5, 3],
  },
  {
    mrn: 'MER-000210',
    given: 'Margit',
    family: 'Varga',
    birthDate: '1949-01-30',
    sex: 'female',
    unit: medicine,
    room: '315',
    bed: '',
    precautions: ['pressure-injury', 'fall-risk'],
    notes: 'Pressure injury on the sacrum; side-lying only.',
    massage: [[8, '14:00', 4, 3, 5, 3]],
  },
  {
    mrn: 'MER-000211',
    given: 'Samir',
    family: 'Patel',
    birthDate: '1971-10-16',
    sex: 'male',
    unit: cardiac,
    room: '409',
    bed: '',
    precautions: ['iv-line'],
    notes: 'After coronary stent; restless and worried about going home.',
    massage: [
      [6, '10:00', 3, 2, 7, 3],
      [1, '10:30', 3, 1, 6, 3],
    ],
    handMassage: [3, '14:30', 3, 2, 6, 4],
  },
  {
    mrn: 'MER-000212',
    given: 'Evelyn',
    family: 'Brooks',
    birthDate: '1938-06-09',
    sex: 'female',
    unit: medicine,
    room: '322',
    bed: '',
    precautions: ['droplet-isolation', 'oxygen'],
    notes: 'Influenza; mask for the therapist.',
    massage: [
      [5, '15:00', 5, 4, 4, 3],
      [2, '15:30', 5, 3, 4, 2],
    ],
  },
];

export interface DemoInpatientIds {
  now: Date;
  rochesterId?: string;
  massageServiceId?: string;
  handMassageServiceId?: string;
  therapistId?: string;
  nurseId?: string;
  volunteerId?: string;
}

async function one<T>(q: Queryable, what: string, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await q.query<{ id: T }>(sql, params);
  if (!row) throw new Error(`The demo inpatients need ${what}; seed the demo first.`);
  return row.id;
}

/**
 * Seeds twelve inpatients at Rochester (MRN MER-0002xx, no portal account), each with a bedside massage
 * order and 1–3 sessions with before/after pain and anxiety. Ids not passed in are looked up (location
 * 'rochester', service 'inpatient-massage', a massage therapist and a nurse at Rochester). Does nothing
 * when they are already there.
 */
export async function seedDemoInpatients(q: Queryable, ids: DemoInpatientIds): Promise<{ seeded: boolean }> {
  const already = await q.query("SELECT 1 FROM patients WHERE mrn = 'MER-000201'");
  if (already.length) return { seeded: false };
  const [location] = await q.query<{ id: string; time_zone: string }>(
    ids.rochesterId
      ? 'SELECT id, time_zone FROM locations WHERE id = $1'
      : "SELECT id, time_zone FROM locations WHERE code = 'rochester'",
    ids.rochesterId ? [ids.rochesterId] : [],
  );
  if (!location) throw new Error('The demo inpatients need the Rochester location; seed the demo first.');
  const massageId =
    ids.massageServiceId ??
    (await one<string>(
      q,
      'the bedside massage service',
      "SELECT id FROM services WHERE code = 'inpatient-massage'",
    ));
  const handMassageId =
    ids.handMassageServiceId ??
    (await one<string>(
      q,
      'the volunteer hand massage',
      "SELECT id FROM services WHERE code = 'volunteer-hand-massage'",
    ));
  const atRochester = (role: string, discipline: string | null) =>
    one<string>(
      q,
      `a ${discipline ?? role} at Rochester`,
      `SELECT id FROM users WHERE role = $1 AND discipline IS NOT DISTINCT FROM $2 AND location_id = $3 AND active
        ORDER BY created_at, email LIMIT 1`,
      [role, discipline, location.id],
    );
  const therapistId = ids.therapistId ?? (await atRochester('clinician', 'massage_therapist'));
  const nurseId = ids.nurseId ?? (await atRochester('clinician', 'nurse'));
  const volunteerId = ids.volunteerId ?? (await atRochester('volunteer', null));

  const zone = location.time_zone;
  const today = dateInZone(ids.now, zone);
  const at = (daysAgo: number, time: string) => instantAt(addDays(today, -daysAgo), time, zone);
  const minutes = 30;

  for (const [i, p] of demoInpatients.entries()) {
    const [patient] = await q.query<{ id: string }>(
      `INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, phone, address_city, address_state,
                             home_location_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Rochester', 'MN', $7, $8, $8) RETURNING id`,
      [p.mrn, p.given, p.family, p.birthDate, p.sex, `507-555-01${String(20 + i)}`, location.id, ids.now],
    );
    const patientId = patient!.id;
    const first = at(p.massage[0]![0], p.massage[0]![1]);
    const orderedAt = new Date(first.getTime() - 20 * 3_600_000);
    const last = p.massage.at(-1)!;
    // Orders whose last visit was more than two days ago are done; the others have visits to come.
    const done = last[0] > 2;
    for (const [userId, role] of [
      [nurseId, 'Nurse (inpatient unit)'],
      [therapistId, 'Massage therapist (bedside)'],
    ] as const) {
      await q.query(
        `INSERT INTO care_team_members (patient_id, user_id, team_role, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (patient_id, user_id) DO NOTHING`,
        [patientId, userId, role, orderedAt],
      );
    }
    const [order] = await q.query<{ id: string }>(
      `INSERT INTO bedside_orders (patient_id, location_id, service_id, unit, room, bed, precautions, notes, ordered_by,
                                   ordered_at, status, accepted_by, accepted_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        patientId,
        location.id,
        massageId,
        p.unit,
        p.room,
        p.bed,
        p.precautions,
        p.notes,
        nurseId,
        orderedAt,
        done ? 'completed' : 'accepted',
        therapistId,
        new Date(orderedAt.getTime() + 2 * 3_600_000),
        done ? new Date(at(last[0], last[1]).getTime() + minutes * 60_000) : null,
      ],
    );
    for (const [daysAgo, time, painBefore, painAfter, anxietyBefore, anxietyAfter] of p.massage) {
      const deliveredAt = at(daysAgo, time);
      await q.query(
        `INSERT INTO bedside_sessions (order_id, patient_id, service_id, delivered_by, delivered_at, minutes, pain_before,
                                       pain_after, anxiety_before, anxiety_after, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          order!.id,
          patientId,
          massageId,
          therapistId,
          deliveredAt,
          minutes,
          painBefore,
          painAfter,
          anxietyBefore,
          anxietyAfter,
          new Date(deliveredAt.getTime() + (minutes + 5) * 60_000),
        ],
      );
    }
    if (p.handMassage) {
      const [daysAgo, time, painBefore, painAfter, anxietyBefore, anxietyAfter] = p.handMassage;
      const startsAt = at(daysAgo, time);
      const endsAt = new Date(startsAt.getTime() + 15 * 60_000);
      const [assignment] = await q.query<{ id: string }>(
        `INSERT INTO bedside_assignments (volunteer_user_id, patient_id, location_id, service, unit, room, starts_at, ends_at, status)
         VALUES ($1, $2, $3, 'Volunteer hand massage', $4, $5, $6, $7, 'completed') RETURNING id`,
        [volunteerId, patientId, location.id, p.unit, p.room, startsAt, endsAt],
      );
      await q.query(
        `INSERT INTO bedside_sessions (assignment_id, patient_id, service_id, delivered_by, delivered_at, minutes, pain_before,
                                       pain_after, anxiety_before, anxiety_after, recorded_at)
         VALUES ($1, $2, $3, $4, $5, 15, $6, $7, $8, $9, $10)`,
        [
          assignment!.id,
          patientId,
          handMassageId,
          volunteerId,
          startsAt,
          painBefore,
          painAfter,
          anxietyBefore,
          anxietyAfter,
          new Date(endsAt.getTime() + 5 * 60_000),
        ],
      );
    }
  }
  return { seeded: true };
}
