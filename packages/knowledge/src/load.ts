import fs from 'node:fs';
import path from 'node:path';
import { normaliseName } from '@meridian/domain';
import type { z } from 'zod';
import { conditionCodeProblems } from './codes.ts';
import {
  type Agent,
  agentSchema,
  type Condition,
  conditionSchema,
  type DerivedCondition,
  type DrugClass,
  derivedConditionSchema,
  drugClassSchema,
  type InferenceRule,
  type Interaction,
  inferenceRuleSchema,
  interactionSchema,
  type NonInteraction,
  nonInteractionSchema,
  type Precaution,
  type PropertyRow,
  precautionSchema,
  propertyRowSchema,
  type Therapy,
  therapySchema,
} from './schema.ts';

export const dataDir = path.resolve(import.meta.dirname, '../data');

/** The whole curated knowledge base, validated. */
export interface KnowledgeData {
  agents: Agent[];
  classes: DrugClass[];
  properties: PropertyRow[];
  interactions: Interaction[];
  nonInteractions: NonInteraction[];
  conditions: Condition[];
  therapies: Therapy[];
  precautions: Precaution[];
  rules: InferenceRule[];
  derivedConditions: DerivedCondition[];
}

const sections = {
  agents: agentSchema,
  classes: drugClassSchema,
  properties: propertyRowSchema,
  interactions: interactionSchema,
  nonInteractions: nonInteractionSchema,
  conditions: conditionSchema,
  therapies: therapySchema,
  precautions: precautionSchema,
  rules: inferenceRuleSchema,
  derivedConditions: derivedConditionSchema,
} as const;
const folders: Record<keyof KnowledgeData, string> = {
  agents: 'agents',
  classes: 'classes',
  properties: 'properties',
  interactions: 'interactions',
  nonInteractions: 'non-interactions',
  conditions: 'conditions',
  therapies: 'therapies',
  precautions: 'precautions',
  rules: 'rules',
  derivedConditions: 'derived-conditions',
};

/** Reads every JSON file of the knowledge base and returns the rows with every problem found. */
export function readKnowledge(dir = dataDir): { data: KnowledgeData; problems: string[] } {
  const problems: string[] = [];
  const data = {} as Record<keyof KnowledgeData, unknown[]>;
  for (const key of Object.keys(sections) as (keyof KnowledgeData)[]) {
    const schema: z.ZodType = sections[key];
    const folder = path.join(dir, folders[key]);
    const rows: unknown[] = [];
    const files = fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
    for (const file of files) {
      const where = `${folders[key]}/${file}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
      } catch (error) {
        problems.push(`${where}: not valid JSON (${(error as Error).message})`);
        continue;
      }
      if (!Array.isArray(parsed)) {
        problems.push(`${where}: must be a JSON array of rows`);
        continue;
      }
      parsed.forEach((row, i) => {
        const result = schema.safeParse(row);
        if (result.success) rows.push(result.data);
        else {
          const label = (row as { id?: string })?.id ?? `row ${i}`;
          for (const issue of result.error.issues)
            problems.push(`${where} ${label}: ${issue.path.join('.')} ${issue.message}`);
        }
      });
    }
    data[key] = rows;
  }
  const knowledge = data as unknown as KnowledgeData;
  problems.push(...crossCheck(knowledge));
  return { data: knowledge, problems };
}

function crossCheck(k: KnowledgeData): string[] {
  const problems: string[] = [];
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${what} id: ${id}`);
      seen.add(id);
    }
    return seen;
  };
  const agents = unique(
    'agent',
    k.agents.map((a) => a.id),
  );
  const classes = unique(
    'class',
    k.classes.map((c) => c.id),
  );
  const therapies = unique(
    'therapy',
    k.therapies.map((t) => t.id),
  );
  const conditions = unique(
    'condition',
    k.conditions.map((c) => c.id),
  );
  unique(
    'interaction',
    k.interactions.map((i) => i.id),
  );
  unique(
    'precaution',
    k.precautions.map((p) => p.id),
  );
  unique(
    'non-interaction',
    k.nonInteractions.map((p) => p.id),
  );

  const refOk = (ref: string) => (ref.startsWith('class:') ? classes.has(ref.slice(6)) : agents.has(ref));
  for (const a of k.agents)
    for (const c of a.classes ?? []) if (!classes.has(c)) problems.push(`agent ${a.id}: unknown class ${c}`);
  for (const p of k.properties)
    if (!refOk(p.subject)) problems.push(`property ${p.subject}/${p.property}: unknown subject`);
  for (const i of [...k.interactions, ...k.nonInteractions]) {
    if (!refOk(i.a)) problems.push(`interaction ${i.id}: unknown a ${i.a}`);
    if (!refOk(i.b)) problems.push(`interaction ${i.id}: unknown b ${i.b}`);
    if (i.a === i.b) problems.push(`interaction ${i.id}: a and b are the same`);
  }
  for (const p of k.precautions) {
    const ok = p.subject.startsWith('therapy:') ? therapies.has(p.subject.slice(8)) : refOk(p.subject);
    if (!ok) problems.push(`precaution ${p.id}: unknown subject ${p.subject}`);
    if (!conditions.has(p.condition)) problems.push(`precaution ${p.id}: unknown condition ${p.condition}`);
  }
  for (const t of k.therapies)
    if (t.parent && !therapies.has(t.parent)) problems.push(`therapy ${t.id}: unknown parent ${t.parent}`);
  unique(
    'rule',
    k.rules.map((r) => r.id),
  );
  for (const d of k.derivedConditions)
    if (!conditions.has(d.condition)) problems.push(`derived condition: unknown ${d.condition}`);
  for (const c of k.conditions) problems.push(...conditionCodeProblems(c.id, c.codes ?? []));

  // A written name must lead to one thing only.
  const owner = new Map<string, string>();
  const claim = (name: string, who: string) => {
    const n = normaliseName(name);
    const prior = owner.get(n);
    if (prior && prior !== who) problems.push(`the name "${name}" belongs to both ${prior} and ${who}`);
    owner.set(n, who);
  };
  for (const a of k.agents)
    for (const n of [a.name, a.id, ...(a.brands ?? []), ...(a.latin ?? []), ...(a.synonyms ?? [])])
      claim(n, a.id);
  for (const t of k.therapies)
    for (const n of [t.name, t.id, ...(t.synonyms ?? [])]) claim(n, `therapy:${t.id}`);
  for (const c of k.conditions)
    for (const n of [c.name, c.id, ...(c.synonyms ?? [])]) claim(n, `condition:${c.id}`);
  return problems;
}

/** The knowledge base, or an Error listing every problem. */
export function loadKnowledge(dir = dataDir): KnowledgeData {
  const { data, problems } = readKnowledge(dir);
  if (problems.length) {
    const shown = problems.slice(0, 20).join('\n');
    const more =
      problems.length > 20
        ? `\n… and ${problems.length - 20} more (run packages/knowledge/src/validate.ts)`
        : '';
    throw new Error(`The knowledge base has ${problems.length} problem(s):\n${shown}${more}`);
  }
  return data;
}
