import type { EvidenceLevel, KbInteraction, KbPrecaution, Severity } from './knowledge-types.ts';
import type { ResolvedItem } from './resolve.ts';
import { pairKey, type SafetyIndex } from './safety-index.ts';

export type FindingKind =
  | 'drug-supplement'
  | 'supplement-supplement'
  | 'drug-drug'
  | 'agent-condition'
  | 'therapy-condition'
  | 'therapy-medication'
  | 'duplicate-ingredient';

/** One safety problem: what, how bad, why, what to do, and where it is written. */
export interface Finding {
  severity: Severity;
  kind: FindingKind;
  /** Ids of the resolved items involved. */
  items: string[];
  summary: string;
  mechanism: string;
  management: string;
  basis: 'documented' | 'inferred';
  evidence: EvidenceLevel;
  sources: string[];
  /** The knowledge row behind it (interaction, precaution or rule id): with the items, its identity. */
  ref: string;
}

/** Facts about the patient that are not items: pregnancy, a surgery date. */
export interface SafetyContext {
  pregnant?: boolean;
  /** Planned surgery date, 'YYYY-MM-DD'. */
  surgeryDate?: string;
  /** Today's date in the patient's zone, 'YYYY-MM-DD' (needed with surgeryDate). */
  today?: string;
  /** Latest platelet count, 10^9/L (= thousands per microlitre). */
  plateletCount?: number;
}

const severityRank: Record<Severity, number> = { contraindicated: 4, major: 3, moderate: 2, minor: 1 };

/** Findings ordered most severe first, documented before inferred. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank[b.severity] - severityRank[a.severity] ||
      (a.basis === b.basis ? 0 : a.basis === 'documented' ? -1 : 1) ||
      a.summary.localeCompare(b.summary),
  );
}

interface AgentItem {
  id: string;
  /** Identifies what the agent's findings depend on: its id, or "class:<id>" for a class. */
  key: string;
  name: string;
  isMedicine: boolean;
  refs: string[];
  properties: Map<string, string[]>;
}

function agentItems(index: SafetyIndex, items: ResolvedItem[]): AgentItem[] {
  const out: AgentItem[] = [];
  for (const item of items) {
    if (item.kind === 'class') {
      const cls = index.knowledge.classes.find((c) => c.id === item.id)!;
      const props = new Map<string, string[]>();
      for (const p of index.knowledge.properties)
        if (p.subject === `class:${cls.id}`) props.set(p.property, p.sources);
      out.push({
        id: item.id,
        key: `class:${item.id}`,
        name: cls.name,
        isMedicine: true,
        refs: [`class:${item.id}`],
        properties: props,
      });
    } else if (item.kind !== 'therapy' && item.kind !== 'condition') {
      out.push({
        id: item.id,
        key: item.id,
        name: item.name,
        isMedicine: item.kind === 'medicine',
        refs: index.refsOf.get(item.id) ?? [item.id],
        properties: index.propertiesOf.get(item.id) ?? new Map(),
      });
    }
  }
  return out;
}

function pairKind(a: AgentItem, b: AgentItem): FindingKind {
  if (a.isMedicine && b.isMedicine) return 'drug-drug';
  if (a.isMedicine || b.isMedicine) return 'drug-supplement';
  return 'supplement-supplement';
}

function documented(index: SafetyIndex, a: AgentItem, b: AgentItem): KbInteraction[] {
  // Only the most specific rows count: about these two agents, then an agent and a class, then two classes.
  let best: KbInteraction[] = [];
  let bestScore = -1;
  for (const ra of a.refs) {
    for (const rb of b.refs) {
      const rows = index.interactionsByPair.get(pairKey(ra, rb));
      if (!rows) continue;
      const score = (ra.startsWith('class:') ? 0 : 1) + (rb.startsWith('class:') ? 0 : 1);
      if (score > bestScore) {
        best = [];
        bestScore = score;
      }
      if (score === bestScore) for (const row of rows) if (!best.includes(row)) best.push(row);
    }
  }
  return best;
}

function knownNotToInteract(index: SafetyIndex, a: AgentItem, b: AgentItem): boolean {
  return a.refs.some((ra) => b.refs.some((rb) => index.nonInteractionsByPair.has(pairKey(ra, rb))));
}

const unique = (list: string[]) => [...new Set(list)];

const maxCachedPairs = 50_000;

/**
 * Findings about two agents: the documented rows, or, when there are none and no study shows the
 * pair does not interact, the pair rules their properties match. Pure for a given index, so the
 * answer is kept per pair (regimens are checked again and again as they are edited).
 */
function pairFindings(index: SafetyIndex, a: AgentItem, b: AgentItem): Finding[] {
  // Two-level map on the agents' keys: no key string is built per pair (a check of 25 items has 300 pairs).
  // The name is part of the finding's text, and an agent's name is fixed by its key.
  const cache = index.pairs;
  let byB = cache.byFirst.get(a.key) as Map<string, Finding[]> | undefined;
  const cached = byB?.get(b.key);
  if (cached) return cached;
  const findings: Finding[] = [];
  const rows = documented(index, a, b);
  for (const row of rows) {
    findings.push({
      severity: row.severity,
      kind: pairKind(a, b),
      items: [a.id, b.id],
      summary: `${a.name} with ${b.name}: ${row.effect}`,
      mechanism: row.mechanism,
      management: row.management,
      basis: 'documented',
      evidence: row.evidence,
      sources: row.sources,
      ref: row.id,
    });
  }
  if (!rows.length && !knownNotToInteract(index, a, b)) {
    for (const rule of index.knowledge.rules) {
      if (rule.kind !== 'pair') continue;
      const hit =
        (a.properties.has(rule.a) && b.properties.has(rule.b)) ||
        (a.properties.has(rule.b) && b.properties.has(rule.a));
      if (!hit) continue;
      const propSources = [a, b].flatMap((x) => [
        ...(x.properties.get(rule.a) ?? []),
        ...(x.properties.get(rule.b) ?? []),
      ]);
      findings.push({
        severity: rule.severity,
        kind: pairKind(a, b),
        items: [a.id, b.id],
        summary: `${a.name} with ${b.name} (inferred): ${rule.summary}`,
        mechanism: rule.mechanism,
        management: rule.management,
        basis: 'inferred',
        evidence: rule.evidence,
        sources: unique([...rule.sources, ...propSources]),
        ref: rule.id,
      });
    }
  }
  if (cache.size >= maxCachedPairs) {
    cache.byFirst.clear();
    cache.size = 0;
    byB = undefined;
  }
  if (!byB) {
    byB = new Map();
    cache.byFirst.set(a.key, byB);
  }
  byB.set(b.key, findings);
  cache.size++;
  return findings;
}

/** Checks a regimen: every pair of agents, every agent and therapy against every condition. */
export function checkRegimen(
  index: SafetyIndex,
  items: ResolvedItem[],
  context: SafetyContext = {},
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, ResolvedItem>();
  for (const item of items) {
    const prior = seen.get(item.id);
    if (prior && item.kind !== 'condition' && item.kind !== 'therapy') {
      findings.push({
        severity: 'moderate',
        kind: 'duplicate-ingredient',
        items: [item.id],
        summary: `"${prior.input}" and "${item.input}" are the same ingredient (${item.name}): taken together the dose adds up.`,
        mechanism: 'Same active ingredient listed twice, e.g. under a brand name and a generic name.',
        management: 'Confirm whether both are taken; count the total daily dose against the maximum.',
        basis: 'documented',
        evidence: 'guideline',
        sources: [],
        ref: 'duplicate-ingredient',
      });
    }
    seen.set(item.id, item);
  }
  const distinct = [...seen.values()];
  const agents = agentItems(index, distinct);

  for (let i = 0; i < agents.length; i++) {
    for (let j = i + 1; j < agents.length; j++) findings.push(...pairFindings(index, agents[i]!, agents[j]!));
  }

  for (const rule of index.knowledge.rules) {
    if (rule.kind !== 'group') continue;
    const members = agents.filter((a) => rule.anyOf.some((p) => a.properties.has(p)));
    if (members.length < rule.atLeast) continue;
    const escalated = rule.escalate && members.some((m) => m.properties.has(rule.escalate!.property));
    findings.push({
      severity: escalated ? rule.escalate!.severity : rule.severity,
      kind: members.every((m) => !m.isMedicine)
        ? 'supplement-supplement'
        : members.every((m) => m.isMedicine)
          ? 'drug-drug'
          : 'drug-supplement',
      items: members.map((m) => m.id),
      summary: `${members.map((m) => m.name).join(', ')} (inferred): ${rule.summary}`,
      mechanism: rule.mechanism,
      management: rule.management,
      basis: 'inferred',
      evidence: rule.evidence,
      sources: unique([
        ...rule.sources,
        ...members.flatMap((m) => rule.anyOf.flatMap((p) => m.properties.get(p) ?? [])),
      ]),
      ref: rule.id,
    });
  }

  findings.push(...conditionFindings(index, distinct, agents, context));
  return sortFindings(findings);
}

function conditionFindings(
  index: SafetyIndex,
  items: ResolvedItem[],
  agents: AgentItem[],
  context: SafetyContext,
): Finding[] {
  const findings: Finding[] = [];
  // Conditions the patient has, and situations that follow from the regimen (with their causes).
  const conditions = new Map<string, string[]>();
  // A condition brings its broader conditions with it (knee osteoarthritis → osteoarthritis).
  for (const item of items) {
    if (item.kind !== 'condition') continue;
    for (
      let c = index.conditions.get(item.id);
      c && !conditions.has(c.id);
      c = c.parent ? index.conditions.get(c.parent) : undefined
    ) {
      conditions.set(c.id, []);
    }
  }
  if (context.pregnant) conditions.set('pregnancy', []);
  if (context.surgeryDate && context.today) {
    const days = (Date.parse(context.surgeryDate) - Date.parse(context.today)) / 86_400_000;
    if (days >= 0 && days <= 14) conditions.set('surgery-within-2-weeks', []);
  }
  for (const d of index.knowledge.derivedConditions) {
    if ('whenLab' in d) {
      const value = context.plateletCount;
      if (value !== undefined && value < d.whenLab.below && !conditions.has(d.condition))
        conditions.set(d.condition, []);
      continue;
    }
    const causes = agents.filter((a) => a.properties.has(d.whenProperty)).map((a) => a.id);
    if (causes.length && !conditions.has(d.condition)) conditions.set(d.condition, causes);
  }
  const conditionName = (id: string) => index.conditions.get(id)?.name ?? id;
  const precautionFinding = (
    p: KbPrecaution,
    kind: FindingKind,
    subjectName: string,
    itemIds: string[],
    why: string,
  ): Finding => ({
    severity: p.severity,
    kind,
    items: unique(itemIds),
    summary: `${subjectName} with ${why}: ${p.reason}`,
    mechanism: p.reason,
    management: p.management,
    basis: 'documented',
    evidence: p.evidence,
    sources: p.sources,
    ref: p.id,
  });

  for (const agent of agents) {
    for (const ref of agent.refs) {
      for (const p of index.precautionsBySubject.get(ref) ?? []) {
        const causes = conditions.get(p.condition);
        if (!causes || causes.includes(agent.id)) continue;
        const why = causes.length
          ? `${conditionName(p.condition)} (from ${causes.join(', ')})`
          : conditionName(p.condition);
        findings.push(
          precautionFinding(
            p,
            'agent-condition',
            agent.name,
            [agent.id, ...(causes.length ? causes : [p.condition])],
            why,
          ),
        );
      }
    }
  }
  for (const item of items) {
    if (item.kind !== 'therapy') continue;
    const chain: string[] = [];
    for (
      let t = index.therapies.get(item.id);
      t && !chain.includes(t.id);
      t = t.parent ? index.therapies.get(t.parent) : undefined
    ) {
      chain.push(t.id);
    }
    const emitted = new Set<string>();
    for (const therapyId of chain) {
      for (const p of index.precautionsBySubject.get(`therapy:${therapyId}`) ?? []) {
        const causes = conditions.get(p.condition);
        if (!causes || emitted.has(p.condition)) continue;
        emitted.add(p.condition); // the most specific therapy's row wins
        const fromMedicine = causes.length > 0;
        const why = fromMedicine
          ? `${conditionName(p.condition)} (from ${causes.join(', ')})`
          : conditionName(p.condition);
        findings.push(
          precautionFinding(
            p,
            fromMedicine ? 'therapy-medication' : 'therapy-condition',
            item.name,
            [item.id, ...(fromMedicine ? causes : [p.condition])],
            why,
          ),
        );
      }
    }
  }
  return findings;
}
