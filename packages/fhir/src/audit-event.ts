import type { FhirResource } from './types.ts';

// Meridian's audit trail as FHIR AuditEvents (for administrators). Codes from the R4 specification:
// type "rest" of http://terminology.hl7.org/CodeSystem/audit-event-type
// (https://hl7.org/fhir/r4/codesystem-audit-event-type.html); action C/R/U/D/E of
// http://hl7.org/fhir/audit-event-action (https://hl7.org/fhir/r4/codesystem-audit-event-action.html);
// outcome 0 (success) / 4 (minor failure, "often equivalent to an HTTP 400 response") / 8 (serious failure) of
// http://hl7.org/fhir/audit-event-outcome (R4 value set audit-event-outcome).

export interface AuditRecord {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  breakGlass: boolean;
  reason: string | null;
}

const create = new Set(['create', 'book', 'import', 'submit']);
const update = new Set([
  'update',
  'verify',
  'stop',
  'acknowledge',
  'sign',
  'review',
  'cancel',
  'reschedule',
  'send',
]);
const read = new Set(['read', 'list', 'everything', 'search']);

/** C, R, U, D or E for one of Meridian's audit actions (login, export and reports are "execute"). */
export function auditAction(action: string): 'C' | 'R' | 'U' | 'D' | 'E' {
  if (create.has(action)) return 'C';
  if (update.has(action)) return 'U';
  if (read.has(action)) return 'R';
  if (action === 'delete') return 'D';
  return 'E';
}

export function auditEventResource(a: AuditRecord): FhirResource {
  return {
    resourceType: 'AuditEvent',
    id: a.id,
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    action: auditAction(a.action),
    recorded: a.at.toISOString(),
    outcome: a.outcome === 'success' ? '0' : a.outcome === 'denied' ? '4' : '8',
    ...(a.outcome === 'denied' ? { outcomeDesc: 'Refused by the access policy' } : {}),
    ...(a.breakGlass && a.reason ? { purposeOfEvent: [{ text: `Break the glass: ${a.reason}` }] } : {}),
    agent: [
      {
        ...(a.actorUserId && a.actorRole !== 'patient'
          ? { who: { reference: `Practitioner/${a.actorUserId}`, display: a.actorEmail ?? undefined } }
          : { who: { display: a.actorEmail ?? a.actorRole ?? 'anonymous' } }),
        ...(a.actorRole ? { role: [{ text: a.actorRole }] } : {}),
        requestor: true,
      },
    ],
    source: { observer: { display: 'Meridian' } },
    entity: [
      ...(a.patientId ? [{ what: { reference: `Patient/${a.patientId}` }, description: 'patient' }] : []),
      {
        what: { display: `${a.resourceType}${a.resourceId ? `/${a.resourceId}` : ''}` },
        description: a.action,
      },
    ],
  };
}
