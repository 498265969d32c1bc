// Scores the safety engine against the published reference cases in ../shared/reference:
// recall of interactions by severity, alerts on pairs known not to interact, recall of precautions.
// Usage: npm run eval:safety   (MERIDIAN_REFERENCE_DIR overrides where the reference files are)
import fs from 'node:fs';
import path from 'node:path';
import {
  checkRegimen,
  type Finding,
  isResolved,
  type ResolvedItem,
  resolveItem,
  type Severity,
} from '@meridian/domain';
import { safetyIndex } from '../safety-knowledge.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const referenceDir = process.env.MERIDIAN_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference');
const read = <T>(file: string): T[] =>
  JSON.parse(fs.readFileSync(path.join(referenceDir, file), 'utf8')) as T[];

interface RefInteraction {
  a: string;
  b: string;
  b_kind: string;
  severity: Severity;
}
interface RefNonInteraction {
  a: string;
  b: string;
}
interface RefPrecaution {
  agent: string;
  condition: string;
  level: string;
}

const index = safetyIndex();
const rank: Record<Severity, number> = { contraindicated: 4, major: 3, moderate: 2, minor: 1 };

/**
 * Resolves a reference name. Reference rows combine several things in one name ("fractures / weakened
 * bones (e.g., osteoporosis, bone metastases)", "massage (vigorous/deep)"), so when the whole does not
 * resolve, each part is tried, and a qualifier in parentheses is also tried in front of the base name.
 */
function resolveAll(name: string, prefix = ''): ResolvedItem[] {
  const whole = resolveItem(index, `${prefix}${name}`);
  // With a qualifier ("massage (deep pressure)") the qualified name is more specific than the whole.
  if (isResolved(whole) && !name.includes('(')) return [whole];
  const split = (text: string) =>
    text
      .replace(/\be\.g\.,?/gi, ' ')
      .split(/\s*[/;,:]\s*|\s+or\s+/)
      .map((p) => p.trim())
      .filter(Boolean);
  const base = name.replace(/\([^)]*\)/g, ' ').trim();
  const qualifiers = [...name.matchAll(/\(([^)]*)\)/g)].flatMap((m) => split(m[1]!));
  const candidates = [...qualifiers.map((q) => `${q} ${base}`), ...split(base), ...qualifiers];
  const found = new Map<string, ResolvedItem>();
  if (isResolved(whole)) candidates.push(name);
  for (const c of candidates) {
    const r = resolveItem(index, `${prefix}${c}`);
    if (isResolved(r) && !found.has(r.id)) found.set(r.id, r);
  }
  return [...found.values()];
}

/** The strongest finding that ties any of `as` to any of `bs`. */
function strongestBetween(findings: Finding[], as: ResolvedItem[], bs: ResolvedItem[]): Finding | undefined {
  const linked = findings.filter(
    (f) => as.some((a) => f.items.includes(a.id)) && bs.some((b) => f.items.includes(b.id)),
  );
  return linked.sort((x, y) => rank[y.severity] - rank[x.severity])[0];
}

function resolveSubject(name: string): ResolvedItem[] {
  const asTherapy = resolveAll(name, 'therapy:');
  return asTherapy.length ? asTherapy : resolveAll(name);
}

const interactionRows = read<RefInteraction>('interactions.json');
const bySeverity = new Map<
  string,
  { total: number; found: number; atLeastAsSevere: number; unresolved: number; misses: string[] }
>();
for (const row of interactionRows) {
  const bucket = bySeverity.get(row.severity) ?? {
    total: 0,
    found: 0,
    atLeastAsSevere: 0,
    unresolved: 0,
    misses: [],
  };
  bySeverity.set(row.severity, bucket);
  bucket.total++;
  const as = resolveAll(row.a);
  const bs = resolveAll(row.b);
  if (!as.length || !bs.length) {
    bucket.unresolved++;
    bucket.misses.push(`${row.a} + ${row.b} (not resolved)`);
    continue;
  }
  const best = strongestBetween(checkRegimen(index, [...as, ...bs]), as, bs);
  // A hit is a finding on the pair no more than one severity level below the reference.
  if (best && rank[best.severity] >= rank[row.severity] - 1) {
    bucket.found++;
    if (rank[best.severity] >= rank[row.severity]) bucket.atLeastAsSevere++;
  } else bucket.misses.push(`${row.a} + ${row.b} (${best ? `found ${best.severity}` : 'no finding'})`);
}

const nonRows = read<RefNonInteraction>('non_interactions.json');
const falseAlerts: string[] = [];
let nonUnresolved = 0;
for (const row of nonRows) {
  const as = resolveAll(row.a);
  const bs = resolveAll(row.b);
  if (!as.length || !bs.length) nonUnresolved++;
  const best =
    as.length && bs.length ? strongestBetween(checkRegimen(index, [...as, ...bs]), as, bs) : undefined;
  if (best && rank[best.severity] >= rank.moderate)
    falseAlerts.push(`${row.a} + ${row.b} (${best.severity}, ${best.basis})`);
}

const precautionRows = read<RefPrecaution>('condition_precautions.json');
let precautionsFound = 0;
const precautionMisses: string[] = [];
for (const row of precautionRows) {
  const subjects = resolveSubject(row.agent);
  const conditions = resolveAll(row.condition, 'condition:');
  const best =
    subjects.length && conditions.length
      ? strongestBetween(checkRegimen(index, [...subjects, ...conditions]), subjects, conditions)
      : undefined;
  if (best) precautionsFound++;
  else
    precautionMisses.push(
      `${row.agent} + ${row.condition}${subjects.length && conditions.length ? '' : ' (not resolved)'}`,
    );
}

const ratio = (n: number, d: number) => (d ? n / d : 0);
const interactions = Object.fromEntries(
  [...bySeverity].map(([severity, b]) => [
    severity,
    {
      total: b.total,
      found: b.found,
      recall: ratio(b.found, b.total),
      atLeastAsSevere: b.atLeastAsSevere,
      unresolved: b.unresolved,
      misses: b.misses,
    },
  ]),
);
const result = {
  at: new Date().toISOString(),
  referenceDir,
  interactions,
  nonInteractions: {
    total: nonRows.length,
    moderateOrHigherAlerts: falseAlerts.length,
    unresolved: nonUnresolved,
    alerts: falseAlerts,
  },
  precautions: {
    total: precautionRows.length,
    found: precautionsFound,
    recall: ratio(precautionsFound, precautionRows.length),
    misses: precautionMisses,
  },
};

const lines = [
  '| reference set | rows | found | recall | notes |',
  '| --- | ---: | ---: | ---: | --- |',
  ...['major', 'moderate', 'minor']
    .filter((s) => interactions[s])
    .map((s) => {
      const b = interactions[s]!;
      return `| interactions: ${s} | ${b.total} | ${b.found} | ${b.recall.toFixed(2)} | ${b.atLeastAsSevere} at the same or higher severity; ${b.unresolved} not resolved |`;
    }),
  `| non-interacting pairs | ${nonRows.length} | ${falseAlerts.length} alerts | — | moderate-or-higher alerts (lower is better); ${nonUnresolved} not resolved |`,
  `| precautions | ${precautionRows.length} | ${precautionsFound} | ${result.precautions.recall.toFixed(2)} | |`,
];
process.stdout.write(`Safety engine against ${referenceDir}\n\n${lines.join('\n')}\n`);
const misses = [
  ...Object.values(interactions).flatMap((b) => b.misses),
  ...falseAlerts.map((a) => `ALERT ${a}`),
  ...precautionMisses,
];
if (misses.length) process.stdout.write(`\nMisses and alerts:\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
const outDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'safety-eval.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`\nWritten to bench/results/safety-eval.json\n`);

// --check: fail below the targets (recall ≥ 0.95 major, ≥ 0.90 moderate; ≤ 1 alert on the
// non-interacting pairs; precaution recall ≥ 0.90), so CI keeps the knowledge base from regressing.
if (process.argv.includes('--check')) {
  const failures = [
    (interactions.major?.recall ?? 0) < 0.95 && 'major interaction recall is below 0.95',
    (interactions.moderate?.recall ?? 0) < 0.9 && 'moderate interaction recall is below 0.90',
    falseAlerts.length > 1 && 'more than 1 moderate-or-higher alert on non-interacting pairs',
    result.precautions.recall < 0.9 && 'precaution recall is below 0.90',
  ].filter(Boolean);
  if (failures.length) {
    process.stderr.write(`\nSafety evaluation below target: ${failures.join('; ')}\n`);
    process.exit(1);
  }
  process.stdout.write('All safety evaluation targets met.\n');
}
