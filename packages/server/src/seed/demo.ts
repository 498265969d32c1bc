import { addDays, dateInZone, instantAt } from '@meridian/domain';
import type { Database } from '../db/database.ts';
import { insertRegimenItem } from '../modules/regimen/regimen-repo.ts';
import { recheckRegimen } from '../modules/regimen/regimen-service.ts';
import { createUser } from '../modules/users/users-service.ts';
import {
  demoBedsideVisits,
  demoClinicians,
  demoLocations,
  demoPassword,
  demoPatients,
  demoStaff,
} from './demo-data.ts';
import { seedDemoInpatients } from './demo-outcomes.ts';
import { seedDemoPlans } from './demo-plans.ts';
import { seedDemoProgress } from './demo-progress.ts';
import { seedDemoScheduling } from './demo-scheduling.ts';

/** The sign-ins printed at start and listed in the README. */
export const demoSignIns = [
  ...demoPatients
    .filter((p) => p.email)
    .map((p) => ({ email: p.email!, who: `patient ${p.given} ${p.family}` })),
  ...demoClinicians.map((c) => ({ email: c.email, who: `clinician (${c.discipline.replace(/_/g, ' ')})` })),
  ...demoStaff.map((s) => ({ email: s.email, who: s.role })),
];

/**
 * Seeds the demo program: locations, clinicians, staff, patients with care teams, and a week of
 * volunteer bedside visits. Does nothing when demo data is already there. Refused in production.
 */
export async function seedDemo(
  db: Database,
  options: { env: string; now: Date; progress?: (done: number, total: number, what: string) => void },
): Promise<{ seeded: boolean }> {
  if (options.env === 'production') {
    throw new Error('Demo data is never seeded in production (MERIDIAN_ENV=production).');
  }
  const already = await db.query("SELECT 1 FROM users WHERE lower(email) = 'admin@example.org'");
  if (already.length) return { seeded: false };
  const total = demoLocations.length + demoClinicians.length + demoStaff.length + demoPatients.length + 5;
  let done = 0;
  const step = (what: string) => options.progress?.(++done, total, what);

  await db.tx(async (q) => {
    const locationIds = new Map<string, string>();
    for (const l of demoLocations) {
      const [row] = await q.query<{ id: string }>(
        'INSERT INTO locations (code, name, city, state, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [l.code, l.name, l.city, l.state, l.timeZone],
      );
      locationIds.set(l.code, row!.id);
      step(`location ${l.city}`);
    }
    const clinicianIds = new Map<string, string>();
    for (const c of demoClinicians) {
      const id = await createUser(q, {
        email: c.email,
        name: c.name,
        role: 'clinician',
        discipline: c.discipline,
        locationId: locationIds.get(c.location)!,
        password: demoPassword,
      });
      clinicianIds.set(c.key, id);
      step(`clinician ${c.name}`);
    }
    const staffIds = new Map<string, string>();
    for (const s of demoStaff) {
      const id = await createUser(q, {
        email: s.email,
        name: s.name,
        role: s.role,
        locationId: s.location ? locationIds.get(s.location)! : null,
        password: demoPassword,
      });
      staffIds.set(s.role, id);
      step(s.role);
    }
    const patientIds = new Map<string, string>();
    for (const p of demoPatients) {
      const [row] = await q.query<{ id: string }>(
        `INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, phone, email, address_line, address_city,
           address_state, address_postal_code, home_location_id, pcp_name, pcp_organization, pcp_phone, pcp_fax)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          p.mrn,
          p.given,
          p.family,
          p.birthDate,
          p.sex,
          p.phone,
          p.email,
          p.address.line,
          p.address.city,
          p.address.state,
          p.address.postalCode,
          locationIds.get(p.location),
          p.pcp.name,
          p.pcp.organization,
          p.pcp.phone,
          p.pcp.fax,
        ],
      );
      const patientId = row!.id;
      patientIds.set(p.key, patientId);
      for (const member of p.careTeam) {
        await q.query(
          'INSERT INTO care_team_members (patient_id, user_id, team_role, added_at) VALUES ($1, $2, $3, $4)',
          [patientId, clinicianIds.get(member.clinician), member.role, options.now],
        );
      }
      if (p.email) {
        await createUser(q, {
          email: p.email,
          name: `${p.given} ${p.family}`,
          role: 'patient',
          patientId,
          locationId: locationIds.get(p.location)!,
          password: demoPassword,
        });
      }
      const enteredBy = { userId: clinicianIds.get(p.careTeam[0]!.clinician)!, role: 'clinician' };
      for (const item of p.regimen) await insertRegimenItem(q, patientId, item, enteredBy, options.now);
      if (p.regimen.length) await recheckRegimen(q, patientId, options.now);
      step(`patient ${p.given} ${p.family}`);
    }
    for (const v of demoBedsideVisits) {
      const zone = demoLocations.find((l) => l.code === v.location)!.timeZone;
      const today = dateInZone(options.now, zone);
      for (let day = 0; day < 7; day++) {
        const startsAt = instantAt(addDays(today, day), v.time, zone);
        await q.query(
          `INSERT INTO bedside_assignments (volunteer_user_id, patient_id, location_id, service, unit, room, starts_at, ends_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            staffIds.get('volunteer'),
            patientIds.get(v.patient),
            locationIds.get(v.location),
            v.service,
            v.unit,
            v.room,
            startsAt,
            new Date(startsAt.getTime() + v.minutes * 60_000),
          ],
        );
      }
    }
    step('bedside visits');
    await seedDemoScheduling(q, {
      now: options.now,
      locations: new Map(
        demoLocations.map((l) => [l.code, { id: locationIds.get(l.code)!, timeZone: l.timeZone }]),
      ),
      clinicians: demoClinicians.map((c) => ({
        key: c.key,
        id: clinicianIds.get(c.key)!,
        discipline: c.discipline,
        location: c.location,
      })),
      volunteerId: staffIds.get('volunteer')!,
      coordinatorId: staffIds.get('coordinator')!,
      patients: patientIds,
    });
    step('rooms, hours and visits');
    await seedDemoPlans(q, {
      now: options.now,
      patients: patientIds,
      clinicians: clinicianIds,
      patientUsers: new Map(
        (
          await q.query<{ id: string; patient_id: string }>(
            "SELECT id, patient_id FROM users WHERE role = 'patient'",
          )
        ).map((u) => [u.patient_id, u.id]),
      ),
    });
    step('intakes, consultations and plans');
    await seedDemoProgress(q, { now: options.now, patients: patientIds, clinicians: clinicianIds });
    step('diary and questionnaires');
    await seedDemoInpatients(q, { now: options.now });
    step('inpatients with bedside scores');
  });
  return { seeded: true };
}
