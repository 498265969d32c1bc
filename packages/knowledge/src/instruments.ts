import fs from 'node:fs';
import path from 'node:path';
import { instruments as scoring } from '@meridian/domain';
import { z } from 'zod';
import { dataDir } from './load.ts';
import { idSchema, sourceSchema } from './schema.ts';

// The wording of the questionnaires patients answer. Validated instruments are used word for word (a
// changed question is a different, unvalidated instrument); their scoring and bands are in the domain
// (packages/domain/src/instruments/questionnaires.ts), with the same sources.

export const instrumentTextSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(2),
    stem: z.string().min(5),
    options: z.array(z.strictObject({ value: z.number().int().min(0), label: z.string().min(2) })).optional(),
    scale: z.strictObject({ min: z.literal(0), max: z.number().int().min(1) }).optional(),
    items: z.array(z.string().min(5)).min(1),
    sources: z.array(sourceSchema).min(1),
  })
  .refine(
    (i) => Boolean(i.options) !== Boolean(i.scale),
    'An instrument has answer options or a 0–N scale, not both.',
  );

export type InstrumentText = z.infer<typeof instrumentTextSchema>;

let cached: InstrumentText[] | undefined;

/** The questionnaires' wording, checked against the domain's scoring (item count and range). */
export function instrumentTexts(dir = dataDir): InstrumentText[] {
  if (cached && dir === dataDir) return cached;
  const raw = JSON.parse(
    fs.readFileSync(path.join(dir, 'instruments', 'instruments.json'), 'utf8'),
  ) as unknown;
  const list = z.array(instrumentTextSchema).parse(raw);
  for (const text of list) {
    const def = (scoring as Record<string, { items: number; itemMax: number } | undefined>)[text.id];
    if (!def) throw new Error(`Instrument ${text.id} has wording but no scoring in the domain.`);
    const max = text.options ? Math.max(...text.options.map((o) => o.value)) : text.scale!.max;
    if (text.items.length !== def.items || max !== def.itemMax)
      throw new Error(
        `Instrument ${text.id}: ${text.items.length} items up to ${max}, but it is scored as ${def.items} up to ${def.itemMax}.`,
      );
  }
  if (dir === dataDir) cached = list;
  return list;
}
