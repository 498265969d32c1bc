// Reading resources a client sent: a posted body is JSON of any shape, so each field is checked for
// its type before it is used (a number where a reference belongs is a 400, never a TypeError).

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value if it is an array, else an empty list. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The `reference` of a Reference, if it is a string. */
export function referenceOf(v: unknown): string | undefined {
  const r = isObject(v) ? v.reference : undefined;
  return typeof r === 'string' ? r : undefined;
}

/** The `text` of a CodeableConcept (or any element with text), trimmed, if it is a string. */
export function textOf(v: unknown): string | undefined {
  const t = isObject(v) ? v.text : undefined;
  return typeof t === 'string' ? t.trim() : undefined;
}
