// A valid example value of a route's zod body schema, so that the authorization matrix reaches each
// write route's policy check instead of stopping at validation. Test support only.
import type { z } from 'zod';

type Def = { type: string; [key: string]: unknown };

const strings = [
  'Example note',
  '2026-12-01',
  '2026-12-01T15:00:00.000Z',
  '09:00',
  'person@example.org',
  '00000000-0000-4000-8000-000000000000',
  'https://example.org',
  'acupuncture',
];
const numbers = [1, 5, 0, 20, 30, 60, 100, 2.5];

function candidates(schema: z.ZodType): unknown[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'string':
      return strings;
    case 'number':
    case 'int':
      return numbers;
    case 'boolean':
      return [true, false];
    case 'literal':
      return [...(def.values as unknown[])];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>);
    case 'optional':
      return [undefined];
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return candidates(def.innerType as z.ZodType);
    case 'pipe':
      return candidates(def.in as z.ZodType);
    case 'union':
      return (def.options as z.ZodType[]).flatMap(candidates);
    case 'array': {
      const element = def.element as z.ZodType;
      const ok = candidates(element).find((o) => element.safeParse(o).success);
      return ok === undefined ? [[]] : [[ok], []];
    }
    case 'record':
      return [{}];
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const options = candidates(field);
        const ok = options.find((o) => field.safeParse(o).success);
        const chosen = ok === undefined && options.length ? options[0] : ok;
        if (chosen !== undefined) value[key] = chosen;
      }
      return [value];
    }
    default:
      return [undefined];
  }
}

/** A value the schema accepts if one of the simple candidates does, else the closest attempt. */
export function exampleOf(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return {};
  const s = schema as z.ZodType;
  const options = candidates(s);
  return options.find((o) => s.safeParse(o).success) ?? options[0] ?? {};
}

/** The example of a querystring schema as a query string ('' when the route has none). */
export function exampleQuery(schema: unknown): string {
  const value = exampleOf(schema);
  if (!schema || !value || typeof value !== 'object') return '';
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(value)) {
    for (const one of [v].flat()) if (one !== undefined && one !== null) params.append(key, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
