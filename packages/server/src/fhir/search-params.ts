import { addDays } from '@meridian/domain';
import { type FhirResource, searchBundle } from '@meridian/fhir';
import type { FastifyRequest } from 'fastify';
import { fail } from '../http/errors.ts';

// Reading FHIR search parameters the same way on every route.

export type Query = Record<string, string | string[] | undefined>;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const maxCount = 100;

/** This server's FHIR base URL as the client reached it. */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}/fhir/R4`;
}

/** Every value of a parameter that may repeat (e.g. `start=ge…&start=lt…`). */
export function values(q: Query, name: string): string[] {
  const v = q[name];
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '');
}

/** The one value of a parameter; repeated parameters are refused rather than half-honoured. */
export function one(q: Query, name: string): string | undefined {
  const v = values(q, name);
  if (v.length > 1) fail('VALIDATION', `Give ${name} once.`);
  return v[0];
}

/** Refuses parameters this server does not support (a silently ignored filter would return too much). */
export function onlyParams(q: Query, type: string, names: string[]): void {
  const allowed = new Set([...names, '_count', '_offset', '_format']);
  for (const key of Object.keys(q)) {
    if (!allowed.has(key))
      fail(
        'VALIDATION',
        `${type} search does not support the parameter "${key}". Supported: ${[...allowed].join(', ')}.`,
      );
  }
}

/** `_count` and `_offset`. */
export function paging(q: Query, fallback = 20): { count: number; offset: number } {
  const count = Number(one(q, '_count') ?? fallback);
  const offset = Number(one(q, '_offset') ?? 0);
  if (!Number.isInteger(count) || count < 0 || count > maxCount)
    fail('VALIDATION', `_count is a whole number from 0 to ${maxCount}.`);
  if (!Number.isInteger(offset) || offset < 0) fail('VALIDATION', '_offset is a whole number of 0 or more.');
  return { count, offset };
}

/**
 * The Bundle for one page of results, with self and next links that keep the other parameters.
 * `included`: resources asked for with _include, listed after the matches (search mode "include").
 * `resourceOf`: builds a match's resource, for searches that count their matches without building
 * them all (only the page's are built).
 */
export function searchPage<T = FhirResource>(
  request: FastifyRequest,
  type: string,
  all: T[],
  q: Query,
  included: FhirResource[] = [],
  resourceOf: (match: T) => FhirResource = (match) => match as FhirResource,
) {
  const { count, offset } = paging(q);
  const base = baseUrl(request);
  const link = (o: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (k === '_offset') continue;
      for (const one of [v].flat()) if (typeof one === 'string') params.append(k, one);
    }
    params.set('_count', String(count));
    params.set('_offset', String(o));
    return `${base}/${type}?${params}`;
  };
  return searchBundle(
    base,
    all.slice(offset, offset + count).map(resourceOf),
    {
      total: all.length,
      self: link(offset),
      next: offset + count < all.length ? link(offset + count) : undefined,
    },
    included,
  );
}

/** A date range from repeated date parameters with prefixes (ge, gt, le, lt, eq): YYYY-MM-DD days. */
export function dateRange(list: string[]): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  for (const raw of list) {
    const m = /^(ge|gt|le|lt|eq)?(\d{4}-\d{2}-\d{2})/.exec(raw);
    if (!m) fail('VALIDATION', `Dates are given as [ge|gt|le|lt]YYYY-MM-DD, not "${raw}".`);
    const [, prefix = 'eq', day] = m as unknown as [string, string | undefined, string];
    if (prefix === 'ge' || prefix === 'eq') range.from = day;
    if (prefix === 'gt') range.from = addDays(day, 1);
    if (prefix === 'le' || prefix === 'eq') range.to = day;
    if (prefix === 'lt') range.to = addDays(day, -1);
  }
  return range;
}

/**
 * The patients a patient-scoped search covers: a patient searches their own (naming another gives
 * nothing); staff must name the patient (no program-wide clinical listing). A malformed id gives nothing.
 */
export function patientSearchScope(
  role: string,
  ownPatientId: string | null,
  named: string | undefined,
  type: string,
): string[] {
  if (named && !uuidPattern.test(named)) return [];
  if (role === 'patient') return [ownPatientId!].filter((p) => !named || p === named);
  if (!named) fail('VALIDATION', `Name the patient: ${type}?patient=<id>.`);
  return [named];
}
