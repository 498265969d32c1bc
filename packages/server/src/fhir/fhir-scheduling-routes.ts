import { createHash } from 'node:crypto';
import { addDays, dateInZone } from '@meridian/domain';
import {
  appointmentResource,
  type FhirResource,
  healthcareServiceResource,
  isObject,
  list,
  locationResource,
  meridianSystems,
  patientResource,
  practitionerResource,
  referenceOf,
  scheduleResource,
  searchBundle,
  slotResource,
  textOf,
} from '@meridian/fhir';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readableList } from '../access/audited-list.ts';
import { withPatientAccess } from '../access/patient-access.ts';
import type { AppDeps } from '../app-deps.ts';
import type { Queryable } from '../db/database.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { bookVisit, cancelVisit, searchSlots } from '../modules/scheduling/scheduling-service.ts';
import { careTeamResources, findingResources, regimenResources } from './clinical-records.ts';
import {
  allergyResources,
  carePlanResources,
  communicationResources,
  goalResources,
} from './plan-records.ts';
import { observationResources, questionnaireResponseResources } from './progress-records.ts';
import {
  baseUrl,
  dateRange,
  one,
  onlyParams,
  paging,
  type Query,
  searchPage,
  uuidPattern,
  values,
} from './search-params.ts';

/** A token parameter's code: "code" or "system|code" (the system must be Meridian's, if given). */
function tokenCode(value: string, system: string): string {
  if (!value.includes('|')) return value;
  const [sys, code] = value.split('|') as [string, string];
  if (sys && sys !== system) fail('VALIDATION', `Unknown code system ${sys}; use ${system}.`);
  return code;
}
/** The id of "Type/id" or "id". */
function refId(value: string, type: string): string {
  return value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
}

interface ScheduleCombo {
  id: string;
  practitioner: { id: string; name: string };
  location: { id: string; name: string; timeZone: string };
  service: { id: string; code: string; name: string };
}

/** Schedule ids are short hashes of (practitioner, location, service): FHIR ids are at most 64 characters. */
function scheduleId(practitionerId: string, locationId: string, serviceId: string): string {
  return createHash('sha256')
    .update(`${practitionerId}|${locationId}|${serviceId}`)
    .digest('base64url')
    .slice(0, 22);
}

/** Every bookable (practitioner, location, individual service) combination. */
async function scheduleCombos(q: Queryable): Promise<ScheduleCombo[]> {
  const rows = await q.query<{
    user_id: string;
    display_name: string;
    location_id: string;
    location_name: string;
    time_zone: string;
    service_id: string;
    code: string;
    service_name: string;
  }>(
    `SELECT DISTINCT u.id AS user_id, u.display_name, l.id AS location_id, l.name AS location_name, l.time_zone,
            s.id AS service_id, s.code, s.name AS service_name
       FROM users u JOIN working_hours w ON w.user_id = u.id JOIN locations l ON l.id = w.location_id
       JOIN location_services ls ON ls.location_id = l.id JOIN services s ON s.id = ls.service_id
      WHERE u.active AND s.active AND s.capacity = 1 AND s.settings && ARRAY['outpatient', 'telehealth']
        AND ((u.role = 'clinician' AND u.discipline = ANY (s.disciplines)) OR (u.role = 'volunteer' AND s.delivered_by_volunteers))
      ORDER BY s.code, l.name, u.display_name`,
  );
  return rows.map((r) => ({
    id: scheduleId(r.user_id, r.location_id, r.service_id),
    practitioner: { id: r.user_id, name: r.display_name },
    location: { id: r.location_id, name: r.location_name, timeZone: r.time_zone },
    service: { id: r.service_id, code: r.code, name: r.service_name },
  }));
}

const slotId = (schedule: string, start: Date, minutes: number) =>
  `${schedule}.${Math.round(start.getTime() / 60_000).toString(36)}.${minutes.toString(36)}`;

function parseSlotId(id: string): { schedule: string; start: Date; minutes: number } | null {
  const m = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([0-9a-z]{1,3})$/.exec(id);
  if (!m) return null;
  return {
    schedule: m[1]!,
    start: new Date(Number.parseInt(m[2]!, 36) * 60_000),
    minutes: Number.parseInt(m[3]!, 36),
  };
}

interface VisitRow {
  id: string;
  status: 'booked' | 'attended' | 'no_show' | 'cancelled';
  cancel_reason: string | null;
  booked_at: Date;
  patient_id: string;
  given_name: string;
  family_name: string;
  starts_at: Date;
  ends_at: Date;
  service_id: string;
  code: string;
  service_name: string;
  practitioner_id: string;
  practitioner_name: string;
  location_id: string;
  location_name: string;
}
const visitSelect = `SELECT t.id, t.status, t.cancel_reason, t.booked_at, t.patient_id, p.given_name, p.family_name,
       a.starts_at, a.ends_at, s.id AS service_id, s.code, s.name AS service_name, u.id AS practitioner_id,
       u.display_name AS practitioner_name, l.id AS location_id, l.name AS location_name
  FROM attendances t JOIN appointments a ON a.id = t.appointment_id JOIN services s ON s.id = a.service_id
  JOIN users u ON u.id = a.practitioner_id JOIN locations l ON l.id = a.location_id JOIN patients p ON p.id = t.patient_id`;

const toAppointment = (v: VisitRow) =>
  appointmentResource({
    id: v.id,
    status: v.status,
    cancelReason: v.cancel_reason,
    service: { id: v.service_id, code: v.code, name: v.service_name },
    start: v.starts_at,
    end: v.ends_at,
    patient: { id: v.patient_id, name: `${v.given_name} ${v.family_name}` },
    practitioner: { id: v.practitioner_id, name: v.practitioner_name },
    location: { id: v.location_id, name: v.location_name },
    bookedAt: v.booked_at,
  });

function bundle(request: FastifyRequest, resources: FhirResource[], total = resources.length) {
  const base = baseUrl(request);
  return searchBundle(base, resources, {
    total,
    self: `${base}${request.url.slice(request.url.indexOf('/fhir/R4') + 8)}`,
  });
}

/** Scheduling over FHIR: HealthcareService, Schedule, Slot, Appointment, and Patient/$everything. */
export function fhirSchedulingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const hide = { schema: { hide: true } };

  app.get<{ Querystring: Query }>('/fhir/R4/HealthcareService', hide, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'HealthcareService', ['_id', 'name', 'location', 'service-type']);
    const id = one(q, '_id');
    const location = one(q, 'location');
    const type = one(q, 'service-type');
    const rows = await deps.db.query<{
      id: string;
      code: string;
      name: string;
      category: string;
      description: string;
      active: boolean;
      settings: string[];
      location_ids: string[];
    }>(
      `SELECT s.id, s.code, s.name, s.category, s.description, s.active, s.settings,
              coalesce(array_agg(ls.location_id) FILTER (WHERE ls.location_id IS NOT NULL), '{}') AS location_ids
         FROM services s LEFT JOIN location_services ls ON ls.service_id = s.id
        WHERE s.active AND ($1::text IS NULL OR s.id::text = $1) AND ($2::text IS NULL OR s.name ILIKE '%' || $2 || '%')
          AND ($3::text IS NULL OR s.code = $3)
        GROUP BY s.id HAVING $4::text IS NULL OR $4::text = ANY (array_agg(ls.location_id::text)) ORDER BY s.name`,
      [
        id ?? null,
        one(q, 'name') ?? null,
        type ? tokenCode(type, meridianSystems.service) : null,
        location ? refId(location, 'Location') : null,
      ],
    );
    const resources = rows.map((s) =>
      healthcareServiceResource({
        id: s.id,
        code: s.code,
        name: s.name,
        category: s.category,
        description: s.description,
        active: s.active,
        locationIds: s.location_ids,
        telehealth: s.settings.includes('telehealth'),
      }),
    );
    return searchPage(request, 'HealthcareService', resources, q);
  });

  app.get<{ Querystring: Query }>('/fhir/R4/Schedule', hide, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'Schedule', ['_id', 'actor', 'service-type']);
    const id = one(q, '_id');
    const actors = values(q, 'actor');
    const type = one(q, 'service-type');
    const code = type ? tokenCode(type, meridianSystems.service) : undefined;
    const combos = (await scheduleCombos(deps.db)).filter(
      (c) =>
        (!id || c.id === id) &&
        (!code || c.service.code === code) &&
        actors.every((a) => a === `Practitioner/${c.practitioner.id}` || a === `Location/${c.location.id}`),
    );
    return searchPage(
      request,
      'Schedule',
      combos.map((c) => scheduleResource(c)),
      q,
    );
  });

  app.get<{ Params: { id: string } }>('/fhir/R4/Schedule/:id', hide, async (request) => {
    contextOf(request);
    const combo = (await scheduleCombos(deps.db)).find((c) => c.id === request.params.id);
    if (!combo) fail('NOT_FOUND', 'No Schedule with this id.');
    return scheduleResource(combo);
  });

  app.get<{ Querystring: Query }>('/fhir/R4/Slot', hide, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'Slot', ['schedule', 'service-type', 'start', 'status']);
    const status = one(q, 'status');
    const { count: pageSize, offset } = paging(q);
    const limit = offset + pageSize;
    if (status && status !== 'free') return searchPage(request, 'Slot', [], q);
    const schedule = one(q, 'schedule');
    const type = one(q, 'service-type');
    if (!schedule && !type) fail('VALIDATION', 'Search slots by schedule or by service-type.');
    const code = type ? tokenCode(type, meridianSystems.service) : undefined;
    const combos = (await scheduleCombos(deps.db)).filter(
      (c) => (!schedule || c.id === refId(schedule, 'Schedule')) && (!code || c.service.code === code),
    );
    // One search per (service, location); each free time is a Slot of that practitioner's schedule.
    const groups = new Map<string, ScheduleCombo[]>();
    for (const c of combos) {
      const key = `${c.service.id}|${c.location.id}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const range = dateRange(values(q, 'start'));
    const slots: FhirResource[] = [];
    await deps.db.snapshot(async (tx) => {
      for (const group of groups.values()) {
        const first = group[0]!;
        const today = dateInZone(ctx.now, first.location.timeZone);
        const from = range.from && range.from > today ? range.from : today;
        const to = range.to ?? addDays(from, 13);
        if (to < from) continue;
        if (addDays(from, 31) < to) fail('VALIDATION', 'Search at most 31 days of slots at a time.');
        const found = await searchSlots(
          tx,
          {
            serviceId: first.service.id,
            locationId: first.location.id,
            ...(group.length === 1 ? { practitionerId: first.practitioner.id } : {}),
            from,
            to,
            limit,
            ...(ctx.user.role === 'patient' && ctx.user.patientId ? { patientId: ctx.user.patientId } : {}),
          },
          ctx.now,
        );
        for (const s of found.slots) {
          const combo = group.find((c) => c.practitioner.id === s.practitioner.id);
          if (!combo) continue;
          const start = new Date(s.start);
          const end = new Date(s.end);
          const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
          slots.push(
            slotResource({
              id: slotId(combo.id, start, minutes),
              scheduleId: combo.id,
              service: combo.service,
              start,
              end,
            }),
          );
        }
      }
    });
    slots.sort((a, b) => String(a.start).localeCompare(String(b.start)));
    return searchPage(request, 'Slot', slots.slice(0, limit), q);
  });

  app.post<{ Body: Record<string, unknown> }>('/fhir/R4/Appointment', hide, async (request, reply) => {
    const ctx = contextOf(request);
    const body = request.body;
    if (body?.resourceType !== 'Appointment') fail('VALIDATION', 'The body must be an Appointment resource.');
    const slots = list(body.slot).map(referenceOf);
    if (slots.length !== 1 || !slots[0]?.startsWith('Slot/'))
      fail('VALIDATION', 'Give exactly one slot reference ("Slot/<id>") from a Slot search.');
    const parsed = parseSlotId(slots[0].slice(5));
    if (!parsed) fail('VALIDATION', 'That Slot id is not one this server issued.');
    const patientRef = list(body.participant)
      .map((p) => referenceOf(isObject(p) ? p.actor : undefined))
      .find((r) => r?.startsWith('Patient/'));
    if (!patientRef) fail('VALIDATION', 'Name the patient as a participant ("Patient/<id>").');
    const patientId = patientRef.slice(8);
    const combo = (await scheduleCombos(deps.db)).find((c) => c.id === parsed.schedule);
    if (!combo) fail('NOT_FOUND', 'That Slot belongs to no current schedule.');
    const resource = await withPatientAccess(
      deps.db,
      ctx,
      patientId,
      { category: 'scheduling', mode: 'write', action: 'book', resourceType: 'Appointment' },
      async (q) => {
        const id = await bookVisit(q, ctx, patientId, {
          serviceId: combo.service.id,
          locationId: combo.location.id,
          practitionerId: combo.practitioner.id,
          start: parsed.start.toISOString(),
          durationMinutes: parsed.minutes,
        });
        const [row] = await q.query<VisitRow>(`${visitSelect} WHERE t.id = $1`, [id]);
        return toAppointment(row!);
      },
    );
    return reply
      .code(201)
      .header('location', `${baseUrl(request)}/Appointment/${resource.id}`)
      .send(resource);
  });

  const visitById = async (id: string) =>
    uuidPattern.test(id)
      ? (
          await deps.db.query<{ patient_id: string }>('SELECT patient_id FROM attendances WHERE id = $1', [
            id,
          ])
        )[0]
      : undefined;

  app.get<{ Params: { id: string } }>('/fhir/R4/Appointment/:id', hide, async (request) => {
    const ctx = contextOf(request);
    const head = await visitById(request.params.id);
    // An unknown id is checked against a random patient id so that the refusal looks the same.
    return withPatientAccess(
      deps.db,
      ctx,
      head?.patient_id ?? '00000000-0000-0000-0000-000000000000',
      {
        category: 'scheduling',
        mode: 'read',
        action: 'read',
        resourceType: 'Appointment',
        resourceId: request.params.id,
      },
      async (q) => {
        const [row] = await q.query<VisitRow>(`${visitSelect} WHERE t.id = $1`, [request.params.id]);
        return toAppointment(row!);
      },
    );
  });

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/fhir/R4/Appointment/:id',
    hide,
    async (request) => {
      const ctx = contextOf(request);
      const body = request.body;
      if (body?.resourceType !== 'Appointment' || body.id !== request.params.id)
        fail('VALIDATION', 'The body must be the Appointment with the same id as the URL.');
      if (body.status !== 'cancelled')
        fail(
          'VALIDATION',
          'Only cancelling is supported by update: set status to "cancelled" with a cancelationReason.',
        );
      const reason = textOf(body.cancelationReason);
      if (!reason || reason.length < 3) fail('VALIDATION', 'Say why in cancelationReason.text.');
      const head = await visitById(request.params.id);
      return withPatientAccess(
        deps.db,
        ctx,
        head?.patient_id ?? '00000000-0000-0000-0000-000000000000',
        {
          category: 'scheduling',
          mode: 'write',
          action: 'cancel',
          resourceType: 'Appointment',
          resourceId: request.params.id,
        },
        async (q) => {
          await cancelVisit(q, ctx, head!.patient_id, request.params.id, reason);
          const [row] = await q.query<VisitRow>(`${visitSelect} WHERE t.id = $1`, [request.params.id]);
          return toAppointment(row!);
        },
      );
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/Appointment', hide, async (request) => {
    const ctx = contextOf(request);
    const q = request.query;
    onlyParams(q, 'Appointment', ['patient', 'date', 'status', '_id']);
    const patient = one(q, 'patient');
    const range = dateRange(values(q, 'date'));
    const status = one(q, 'status');
    const statusOf: Record<string, string> = {
      booked: 'booked',
      fulfilled: 'attended',
      noshow: 'no_show',
      cancelled: 'cancelled',
    };
    if (status && !statusOf[status]) return searchPage(request, 'Appointment', [], q);
    const rows = await readableList(
      deps.db,
      ctx,
      (db) =>
        db.query<VisitRow>(
          `${visitSelect}
          WHERE ($1::text IS NULL OR t.patient_id::text = $1) AND ($2::uuid IS NULL OR t.patient_id = $2::uuid)
            AND ($3::date IS NULL OR a.starts_at >= $3::date) AND ($4::date IS NULL OR a.starts_at < $4::date + 1)
            AND ($5::text IS NULL OR t.status = $5) AND ($6::text IS NULL OR t.id::text = $6)
          ORDER BY a.starts_at LIMIT 1000`,
          [
            patient ? refId(patient, 'Patient') : null,
            ctx.user.role === 'patient' ? ctx.user.patientId : null,
            range.from ?? null,
            range.to ?? null,
            status ? statusOf[status] : null,
            one(q, '_id') ?? null,
          ],
        ),
      (v) => v.patient_id,
      'scheduling',
      'Appointment',
    );
    return searchPage(request, 'Appointment', rows.map(toAppointment), q);
  });

  app.get<{ Params: { id: string } }>('/fhir/R4/Patient/:id/$everything', hide, async (request) => {
    const ctx = contextOf(request);
    const resources = await withPatientAccess(
      deps.db,
      ctx,
      request.params.id,
      { category: 'scheduling', mode: 'read', action: 'everything', resourceType: 'Patient' },
      async (q, decision) => {
        const [p] = await q.query<Record<string, unknown>>('SELECT * FROM patients WHERE id = $1', [
          request.params.id,
        ]);
        // Clinical resources only for those who may read the clinical record (not the desk, not volunteers).
        const clinical = decision.basis !== 'front_desk' && decision.basis !== 'bedside_assignment';
        const clinicalResources = clinical
          ? [
              ...(await regimenResources(q, { patientIds: [request.params.id], kind: 'Condition' })),
              ...(await regimenResources(q, {
                patientIds: [request.params.id],
                kind: 'MedicationStatement',
              })),
              ...(await findingResources(q, { patientIds: [request.params.id] })),
              ...(await allergyResources(q, { patientIds: [request.params.id] })),
              ...(await carePlanResources(q, { patientIds: [request.params.id] })),
              ...(await goalResources(q, { patientIds: [request.params.id] })),
              ...(await communicationResources(q, { patientIds: [request.params.id] })),
              ...(await observationResources(q, { patientIds: [request.params.id] })),
              ...(await questionnaireResponseResources(q, { patientIds: [request.params.id] })),
            ].map((r) => r.resource)
          : [];
        const visits = await q.query<VisitRow>(
          `${visitSelect} WHERE t.patient_id = $1 ORDER BY a.starts_at`,
          [request.params.id],
        );
        const patient = patientResource({
          id: String(p!.id),
          mrn: String(p!.mrn),
          givenName: String(p!.given_name),
          familyName: String(p!.family_name),
          birthDate: String(p!.birth_date),
          sex: p!.sex as 'female',
          phone: (p!.phone as string | null) ?? null,
          email: (p!.email as string | null) ?? null,
          address: {
            line: (p!.address_line as string | null) ?? null,
            city: (p!.address_city as string | null) ?? null,
            state: (p!.address_state as string | null) ?? null,
            postalCode: (p!.address_postal_code as string | null) ?? null,
          },
          homeLocationId: (p!.home_location_id as string | null) ?? null,
          pcp: {
            name: (p!.pcp_name as string | null) ?? null,
            organization: (p!.pcp_organization as string | null) ?? null,
          },
          updatedAt: p!.updated_at as Date,
        });
        const practitionerIds = [...new Set(visits.map((v) => v.practitioner_id))];
        const locationIds = [...new Set(visits.map((v) => v.location_id))];
        const people = await q.query<{
          id: string;
          display_name: string;
          active: boolean;
          discipline: string | null;
          role: 'clinician';
        }>('SELECT id, display_name, active, discipline, role FROM users WHERE id = ANY ($1::uuid[])', [
          practitionerIds,
        ]);
        const places = await q.query<{
          id: string;
          code: string;
          name: string;
          city: string;
          state: string;
          time_zone: string;
        }>('SELECT id, code, name, city, state, time_zone FROM locations WHERE id = ANY ($1::uuid[])', [
          locationIds,
        ]);
        const team = (await careTeamResources(q, [request.params.id])).map((r) => r.resource);
        return [
          patient,
          ...team,
          ...clinicalResources,
          ...visits.map(toAppointment),
          ...people.map((u) =>
            practitionerResource({
              id: u.id,
              name: u.display_name,
              active: u.active,
              discipline: u.discipline,
              role: u.role,
              credentials: [],
            }),
          ),
          ...places.map((l) =>
            locationResource({
              id: l.id,
              code: l.code,
              name: l.name,
              city: l.city,
              state: l.state,
              timeZone: l.time_zone,
            }),
          ),
        ];
      },
    );
    return bundle(request, resources);
  });
}
