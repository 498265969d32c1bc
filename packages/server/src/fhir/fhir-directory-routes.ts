import { disciplineLabel } from '@meridian/domain';
import { auditEventResource, type FhirResource, practitionerRoleResource } from '@meridian/fhir';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Queryable } from '../db/database.ts';
import { contextOf } from '../http/authenticate.ts';
import { fail } from '../http/errors.ts';
import { locations, practitioners } from './directory-records.ts';
import { dateRange, one, onlyParams, type Query, searchPage, uuidPattern, values } from './search-params.ts';

const hide = { schema: { hide: true } };

/** One PractitionerRole per clinician: discipline, home location, the services they deliver there. */
async function practitionerRoles(
  q: Queryable,
  f: { id?: string | undefined; practitioner?: string | undefined; location?: string | undefined },
): Promise<FhirResource[]> {
  const rows = await q.query<{
    id: string;
    display_name: string;
    discipline: string;
    location_id: string | null;
    active: boolean;
    service_ids: string[];
  }>(
    `SELECT u.id, u.display_name, u.discipline, u.location_id, u.active,
            COALESCE((SELECT array_agg(s.id ORDER BY s.name) FROM services s
                        JOIN location_services ls ON ls.service_id = s.id AND ls.location_id = u.location_id
                       WHERE s.active AND u.discipline = ANY (s.disciplines)), '{}') AS service_ids
       FROM users u
      WHERE u.role = 'clinician' AND ($1::uuid IS NULL OR u.id = $1::uuid) AND ($2::uuid IS NULL OR u.id = $2::uuid)
        AND ($3::uuid IS NULL OR u.location_id = $3::uuid)
      ORDER BY u.display_name`,
    [f.id ?? null, f.practitioner ?? null, f.location ?? null],
  );
  return rows.map((r) =>
    practitionerRoleResource({
      id: r.id,
      name: r.display_name,
      discipline: r.discipline,
      disciplineLabel: disciplineLabel(r.discipline),
      locationId: r.location_id,
      serviceIds: r.service_ids,
      active: r.active,
    }),
  );
}

const refId = (value: string | undefined, type: string) => value?.replace(new RegExp(`^${type}/`), '');

/** PractitionerRole (with _include of its Practitioner and Location) and, for admins, AuditEvent. */
export function fhirDirectoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { id: string } }>('/fhir/R4/PractitionerRole/:id', hide, async (request) => {
    contextOf(request);
    const [found] = uuidPattern.test(request.params.id)
      ? await practitionerRoles(deps.db, { id: request.params.id })
      : [];
    if (!found) fail('NOT_FOUND', 'No PractitionerRole with this id.');
    return found;
  });

  app.get<{ Querystring: Query }>('/fhir/R4/PractitionerRole', hide, async (request) => {
    contextOf(request);
    const q = request.query;
    onlyParams(q, 'PractitionerRole', ['_id', 'practitioner', 'location', '_include']);
    const f = {
      id: one(q, '_id'),
      practitioner: refId(one(q, 'practitioner'), 'Practitioner'),
      location: refId(one(q, 'location'), 'Location'),
    };
    if (Object.values(f).some((v) => v !== undefined && !uuidPattern.test(v)))
      return searchPage(request, 'PractitionerRole', [], q);
    const roles = await practitionerRoles(deps.db, f);
    const include = values(q, '_include');
    for (const i of include)
      if (!['PractitionerRole:practitioner', 'PractitionerRole:location'].includes(i))
        fail(
          'VALIDATION',
          `_include supports PractitionerRole:practitioner and PractitionerRole:location, not "${i}".`,
        );
    const included: FhirResource[] = [];
    if (include.includes('PractitionerRole:practitioner'))
      for (const p of await practitioners(deps.db)) if (roles.some((r) => r.id === p.id)) included.push(p);
    if (include.includes('PractitionerRole:location')) {
      const wanted = new Set(
        roles.flatMap((r) =>
          ((r.location as { reference: string }[] | undefined) ?? []).map((l) => l.reference.slice(9)),
        ),
      );
      for (const l of await locations(deps.db)) if (wanted.has(l.id as string)) included.push(l);
    }
    return searchPage(request, 'PractitionerRole', roles, q, included);
  });

  // The audit trail, for administrators only; reading it is itself audited.
  const auditSearch = async (request: { query: Query }, id?: string) => {
    const q = request.query;
    const rows = await deps.db.query<{
      id: string;
      at: Date;
      actor_user_id: string | null;
      actor_role: string | null;
      actor_email: string | null;
      patient_id: string | null;
      action: string;
      resource_type: string;
      resource_id: string | null;
      outcome: 'success' | 'denied' | 'failure';
      break_glass: boolean;
      reason: string | null;
    }>(
      `SELECT id::text, at, actor_user_id, actor_role, actor_email, patient_id, action, resource_type, resource_id, outcome,
              break_glass, reason
         FROM audit_events
        WHERE ($1::bigint IS NULL OR id = $1::bigint) AND ($2::uuid IS NULL OR patient_id = $2::uuid)
          AND ($3::date IS NULL OR at >= $3::date) AND ($4::date IS NULL OR at < $4::date + 1)
        ORDER BY at DESC, id DESC LIMIT 1000`,
      [
        id ?? null,
        refId(one(q, 'patient'), 'Patient') ?? null,
        ...(() => {
          const r = dateRange(values(q, 'date'));
          return [r.from ?? null, r.to ?? null];
        })(),
      ],
    );
    return rows.map((r) =>
      auditEventResource({
        id: r.id,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        actorEmail: r.actor_email,
        patientId: r.patient_id,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        outcome: r.outcome,
        breakGlass: r.break_glass,
        reason: r.reason,
      }),
    );
  };
  const adminOnly = async (request: Parameters<typeof contextOf>[0], resourceId?: string) => {
    const ctx = contextOf(request);
    const allowed = ctx.user.role === 'admin';
    await recordAudit(deps.db, {
      at: ctx.now,
      actorUserId: ctx.user.id,
      actorRole: ctx.user.role,
      actorEmail: ctx.user.email,
      patientId: null,
      action: resourceId ? 'read' : 'search',
      resourceType: 'AuditEvent',
      resourceId: resourceId ?? null,
      outcome: allowed ? 'success' : 'denied',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
    });
    if (!allowed) fail('FORBIDDEN', 'Only administrators read the audit trail.');
  };

  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/fhir/R4/AuditEvent/:id',
    hide,
    async (request) => {
      await adminOnly(request, request.params.id);
      const [found] = /^\d{1,18}$/.test(request.params.id)
        ? await auditSearch(request, request.params.id)
        : [];
      if (!found) fail('NOT_FOUND', 'No AuditEvent with this id.');
      return found;
    },
  );

  app.get<{ Querystring: Query }>('/fhir/R4/AuditEvent', hide, async (request) => {
    await adminOnly(request);
    onlyParams(request.query, 'AuditEvent', ['patient', 'date']);
    const p = refId(one(request.query, 'patient'), 'Patient');
    if (p && !uuidPattern.test(p)) return searchPage(request, 'AuditEvent', [], request.query);
    return searchPage(request, 'AuditEvent', await auditSearch(request), request.query);
  });
}
