import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataDir, type KnowledgeData, readKnowledge } from './load.ts';
import { idSchema, sourceSchema } from './schema.ts';
import { isTrustedSource } from './source-hosts.ts';

/**
 * The therapy evidence table: what published guidelines say about a therapy for a condition, with the
 * guideline's own grade words and a normalised strength for ranking. One JSON file per guideline under
 * data/evidence/ (arrays of rows); the loader reads them all.
 */
export const evidenceDir = path.join(dataDir, 'evidence');

export const evidenceRowSchema = z.strictObject({
  /** Unique, e.g. "acp-2017-chronic-lbp-acupuncture". */
  id: idSchema,
  /** A therapy id (data/therapies). */
  therapy: idSchema,
  /** A condition id (data/conditions). */
  condition: idSchema,
  direction: z.enum(['for', 'against', 'no-recommendation']),
  /**
   * Normalised for ranking: 'strong' = the guideline's strongest grade; 'moderate' = e.g. SIO-ASCO
   * "moderate"; 'conditional' = conditional, weak, "may be offered", "consider"; 'insufficient' = not
   * enough evidence to recommend either way.
   */
  strength: z.enum(['strong', 'moderate', 'conditional', 'insufficient']),
  /** Quality (certainty) of the evidence, when the guideline states it. */
  certainty: z.enum(['high', 'moderate', 'low', 'very-low']).optional(),
  /** The guideline's own grade words, e.g. "strong recommendation; low-quality evidence". */
  grade: z.string().min(3).max(200),
  /** e.g. "ACP 2017: noninvasive treatments for acute, subacute, and chronic low back pain". */
  guideline: z.string().min(5).max(200),
  year: z.number().int().min(1990).max(2030),
  /** Our words, when the statement is about a narrower group than the condition. */
  population: z.string().max(300).optional(),
  /** Our words: caveats, context, withdrawn or superseded recommendations. */
  notes: z.string().max(1000).optional(),
  /** Pages read to verify the row; the first is the primary source (the guideline paper). */
  sources: z.array(sourceSchema).min(1, 'every row needs at least one source'),
});

export type EvidenceRow = z.infer<typeof evidenceRowSchema>;

/**
 * Reads every evidence file under `dir` and returns the rows with every problem found: schema, therapy
 * and condition ids unknown to the knowledge base, duplicate ids, two rows for the same guideline,
 * therapy, condition and population, sources on untrusted hosts or listed twice.
 */
export function readEvidence(
  dir = evidenceDir,
  knowledge: Pick<KnowledgeData, 'therapies' | 'conditions'> = readKnowledge().data,
): { rows: EvidenceRow[]; problems: string[] } {
  const problems: string[] = [];
  const rows: EvidenceRow[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  for (const file of files) {
    const where = `evidence/${file}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${where}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!Array.isArray(parsed)) {
      problems.push(`${where}: must be a JSON array of rows`);
      continue;
    }
    parsed.forEach((row, i) => {
      const result = evidenceRowSchema.safeParse(row);
      if (result.success) rows.push(result.data);
      else {
        const label = (row as { id?: string })?.id ?? `row ${i}`;
        for (const issue of result.error.issues)
          problems.push(`${where} ${label}: ${issue.path.join('.')} ${issue.message}`);
      }
    });
  }
  problems.push(...crossCheckEvidence(rows, knowledge));
  return { rows, problems };
}

function crossCheckEvidence(
  rows: EvidenceRow[],
  knowledge: Pick<KnowledgeData, 'therapies' | 'conditions'>,
): string[] {
  const problems: string[] = [];
  const therapies = new Set(knowledge.therapies.map((t) => t.id));
  const conditions = new Set(knowledge.conditions.map((c) => c.id));
  const ids = new Set<string>();
  const statements = new Map<string, string>();
  for (const r of rows) {
    if (ids.has(r.id)) problems.push(`duplicate evidence id: ${r.id}`);
    ids.add(r.id);
    if (!therapies.has(r.therapy)) problems.push(`evidence ${r.id}: unknown therapy ${r.therapy}`);
    if (!conditions.has(r.condition)) problems.push(`evidence ${r.id}: unknown condition ${r.condition}`);
    const key = [r.guideline, r.therapy, r.condition, r.population ?? ''].join('\u0000');
    const prior = statements.get(key);
    if (prior)
      problems.push(
        `evidence ${r.id}: same guideline, therapy, condition and population as ${prior} (${r.guideline})`,
      );
    else statements.set(key, r.id);
    for (const s of r.sources)
      if (!isTrustedSource(s)) problems.push(`evidence ${r.id}: source on an untrusted host: ${s}`);
    if (new Set(r.sources).size !== r.sources.length)
      problems.push(`evidence ${r.id}: a source is listed twice`);
    if (r.direction === 'no-recommendation' && r.strength !== 'insufficient')
      problems.push(`evidence ${r.id}: a row without a recommendation must have strength "insufficient"`);
    if (r.strength === 'insufficient' && r.direction !== 'no-recommendation')
      problems.push(`evidence ${r.id}: strength "insufficient" goes with direction "no-recommendation"`);
  }
  return problems;
}

let cache: EvidenceRow[] | undefined;

/** The therapy evidence table, validated (cached); throws an Error listing every problem. */
export function therapyEvidence(): EvidenceRow[] {
  if (!cache) {
    const { rows, problems } = readEvidence();
    if (problems.length) {
      const shown = problems.slice(0, 20).join('\n');
      const more = problems.length > 20 ? `\n… and ${problems.length - 20} more` : '';
      throw new Error(`The evidence table has ${problems.length} problem(s):\n${shown}${more}`);
    }
    cache = rows;
  }
  return cache;
}
