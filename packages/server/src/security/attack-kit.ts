import { bearer, personas, type TestApp } from '@meridian/testing';
import fc from 'fast-check';
import { expect } from 'vitest';

// Shared by the attack tests in this folder: hostile strings, how to put them in a URL, and what every
// answer to an attack must look like (never a 5xx; a 4xx says why, as JSON or as an OperationOutcome).

/** One seed for every property in this folder, so a CI failure can be replayed exactly. */
export const attackSeed = 20_261_122;

/** Strings that break naively built SQL, each on its own or after a valid value. */
export const sqlFragments = [
  "'",
  '"',
  "' OR 1=1--",
  "' OR '1'='1",
  '" OR ""="',
  "') OR ('a'='a",
  "1' UNION SELECT id, mrn, given_name, family_name FROM patients--",
  "'; DROP TABLE patients; --",
  '1; DROP TABLE audit_events',
  "'; UPDATE users SET role = 'admin'; --",
  "' || (SELECT string_agg(mrn, ',') FROM patients) || '",
  "'; SELECT pg_sleep(5); --",
  '$$; DROP TABLE patients; $$',
  '/* */',
  '-- ',
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  '\u0000',
  "' OR 1=1\u0000",
  '::uuid',
  '$1',
];

/** Values that are not SQL but have broken parsers: encodings, numbers, dates, paths, huge sizes. */
const oddValues = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '0x7fffffff',
  '2026-02-30',
  '99999-01-01',
  'ge2026-13-45',
  'Patient/../../etc/passwd',
  '../../etc/passwd',
  'http://example.org/fhir/Patient/1',
  'a|b|c',
  'urn:uuid:00000000-0000-0000-0000-000000000000',
  '00000000-0000-0000-0000-000000000000',
  '\ufeff\u200b\u202e',
  '𝕄𝕖𝕣𝕚𝕕𝕚𝕒𝕟 😀 温',
  'Z̸̢͕a̴l̷g̶o̵',
  'ǅ ß ﬁ İ',
  '\r\nX-Injected: 1',
  '<script>alert(1)</script>',
];

/** A hostile value for a parameter whose valid form is `valid` ('' when none is known). */
export function hostileValue(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...sqlFragments, ...oddValues) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(valid, ''),
          fc.constantFrom(...sqlFragments),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
        )
        .map(([a, b, c]) => a + b + c),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("'", "' OR 1=1--", 'x', '%', '\u00e9'), fc.integer({ min: 500, max: 5000 }))
        .map(([s, n]) => s.repeat(n)),
    },
  );
}

/** Hostile values for one parameter: usually one value, sometimes the parameter repeated. */
export function hostileParameter(valid: string): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileValue(valid).map((v) => [v]) },
    { weight: 1, arbitrary: fc.array(hostileValue(valid), { minLength: 2, maxLength: 3 }) },
  );
}

/** Percent-encodes every byte of the UTF-8 form except unreserved characters (lone surrogates become U+FFFD). */
export function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Percent sequences a client may send raw: invalid UTF-8, overlong quotes and dots, stray %. */
export const rawEncoded = [
  '%FF%FE',
  '%C0%27',
  '%E0%80%A7',
  '%C0%AE%C0%AE%2F',
  '%25%27',
  '%%27',
  '%u0027',
  '%00%27',
];

/** A query string from parameter lists, e.g. { name: ['a', 'b'] } → "name=a&name=b". */
export function queryString(params: Record<string, string[]>): string {
  return Object.entries(params)
    .flatMap(([k, vs]) => vs.map((v) => `${encode(k)}=${encode(v)}`))
    .join('&');
}

type Answer = { statusCode: number; body: string; headers: Record<string, unknown> };

/**
 * What every answer to an attack must be: below 500, and a 4xx says what was wrong (the API's
 * `{ error: { code, message } }`, or an OperationOutcome with diagnostics on /fhir).
 */
export function expectHandled(res: Answer, fhir: boolean, label: string): void {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  const body = JSON.parse(res.body) as {
    resourceType?: string;
    issue?: { diagnostics?: string }[];
    error?: { message?: string };
  };
  if (fhir) {
    expect(body.resourceType, label).toBe('OperationOutcome');
    expect(body.issue?.[0]?.diagnostics, label).toMatch(/\w{3}/);
  } else {
    expect(body.error?.message, label).toMatch(/\w{3}/);
  }
}

export type PersonaName = keyof typeof personas;

/** The demo patients, and tokens of the people the attacks are made as. */
export async function cast(t: TestApp, names: PersonaName[]) {
  const patients = await t.db.query<{ id: string; mrn: string; given_name: string; family_name: string }>(
    'SELECT id, mrn, given_name, family_name FROM patients ORDER BY mrn',
  );
  const maria = patients.find((p) => p.mrn === personas.maria.mrn)!;
  const tokens = new Map<PersonaName, string>();
  for (const name of names) {
    const persona = personas[name] as { email?: string };
    if (persona.email) tokens.set(name, await t.login(persona.email));
  }
  return {
    patients,
    maria,
    /** What would show that another patient's row leaked: their ids and record numbers. */
    othersMarkers: patients.filter((p) => p.id !== maria.id).flatMap((p) => [p.id, p.mrn]),
    as: (name: PersonaName) => bearer(tokens.get(name)!),
  };
}

/** Row counts of every table, and a fingerprint of the tables an injection would most want to change. */
export async function databaseState(t: TestApp) {
  const tables = await t.db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM "${name}"`);
    counts[name] = row!.n;
  }
  const fingerprints: Record<string, string> = {};
  for (const table of ['patients', 'users', 'care_team_members', 'regimen_items', 'allergies']) {
    const [row] = await t.db.query<{ md5: string }>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS md5 FROM "${table}" x`,
    );
    fingerprints[table] = row!.md5;
  }
  return { counts, fingerprints };
}
