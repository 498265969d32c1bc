// Recommendations for a patient: the therapies with published evidence for the patient's conditions,
// ranked by the strength of that evidence, then annotated (and filtered) by what matters for this
// patient: safety findings with the rest of the regimen, whether the patient's location offers the
// therapy, the patient's preferences, and coverage. The evidence rows are data (knowledge base); this
// module only orders and annotates them.

/** One guideline statement about a therapy for a condition (knowledge base `data/evidence`). */
export interface EvidenceRecord {
  id: string;
  therapy: string;
  condition: string;
  direction: 'for' | 'against' | 'no-recommendation';
  strength: 'strong' | 'moderate' | 'conditional' | 'insufficient';
  certainty?: 'high' | 'moderate' | 'low' | 'very-low' | undefined;
  grade: string;
  guideline: string;
  year: number;
  population?: string | undefined;
  notes?: string | undefined;
  sources: string[];
}

/** A safety finding that involves a therapy, as the engine reported it for this patient. */
export interface TherapyFinding {
  severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
  summary: string;
  management: string;
  sources: string[];
}

export interface PatientCondition {
  id: string;
  name: string;
  /** Broader conditions it belongs to (e.g. chronic low back pain → chronic pain), nearest first. */
  ancestors: string[];
}

export interface RecommendInput {
  conditions: PatientCondition[];
  evidence: readonly EvidenceRecord[];
  therapyName: (id: string) => string;
  conditionName: (id: string) => string;
  /** Safety findings involving the therapy when added to the patient's regimen. */
  findingsFor: (therapyId: string) => TherapyFinding[];
  /** Therapies the patient's location offers; null when the patient has no home location. */
  offered: ReadonlySet<string> | null;
  /** Therapies given with needles, for patients who would rather avoid them. */
  needleTherapies: ReadonlySet<string>;
  preferences: { wanted: readonly string[]; declined: readonly string[]; needleAversion: boolean };
  coverage?: (therapyId: string) => 'covered' | 'self-pay' | 'unknown';
}

export interface Recommendation {
  therapy: { id: string; name: string };
  /** 'no-evidence': no guideline statement for the patient's conditions (offered here or asked for). */
  direction: EvidenceRecord['direction'] | 'no-evidence';
  /** The strongest statement for this patient; null without one. */
  best: EvidenceRecord | null;
  /** Every statement for the patient's conditions, strongest first. */
  evidence: EvidenceRecord[];
  /** Names of the patient's conditions the statements are about. */
  forConditions: string[];
  safety: { level: 'contraindicated' | 'caution' | 'none'; findings: TherapyFinding[] };
  availability: 'offered' | 'not-offered' | 'unknown';
  preference: 'wanted' | 'declined' | 'needle-aversion' | null;
  coverage: 'covered' | 'self-pay' | 'unknown';
  /** Supported by evidence, not contraindicated, offered here (or unknown) and not declined. */
  suggested: boolean;
  /** Plain reasons behind the annotations, for the clinician. */
  notes: string[];
}

const strengthRank = { strong: 3, moderate: 2, conditional: 1, insufficient: 0 } as const;
const certaintyRank = { high: 3, moderate: 2, low: 1, 'very-low': 0 } as const;
const directionRank = { for: 2, 'no-recommendation': 1, against: 0 } as const;

/** Orders statements: for before against, stronger, more certain, about the condition itself, newer. */
function compareEvidence(
  a: EvidenceRecord & { direct: boolean },
  b: EvidenceRecord & { direct: boolean },
): number {
  return (
    directionRank[b.direction] - directionRank[a.direction] ||
    strengthRank[b.strength] - strengthRank[a.strength] ||
    (b.certainty ? certaintyRank[b.certainty] : -1) - (a.certainty ? certaintyRank[a.certainty] : -1) ||
    Number(b.direct) - Number(a.direct) ||
    b.year - a.year ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Ranks and annotates the therapies with evidence for the patient's conditions. Therapies without a
 * statement that the location offers or the patient asked about are screened too (`unranked`), so a
 * clinician sees their safety findings before agreeing to them.
 */
export function recommendTherapies(input: RecommendInput): {
  recommendations: Recommendation[];
  against: Recommendation[];
  unranked: Recommendation[];
} {
  // Which of the patient's conditions each condition id speaks for (itself or a broader condition).
  const direct = new Set(input.conditions.map((c) => c.id));
  const speaksFor = new Map<string, Set<string>>();
  for (const c of input.conditions) {
    for (const id of [c.id, ...c.ancestors]) {
      if (!speaksFor.has(id)) speaksFor.set(id, new Set());
      speaksFor.get(id)!.add(c.name);
    }
  }
  const byTherapy = new Map<string, (EvidenceRecord & { direct: boolean })[]>();
  for (const row of input.evidence) {
    if (!speaksFor.has(row.condition)) continue;
    const list = byTherapy.get(row.therapy) ?? [];
    list.push({ ...row, direct: direct.has(row.condition) });
    byTherapy.set(row.therapy, list);
  }

  const annotate = (therapy: string, rows: (EvidenceRecord & { direct: boolean })[]): Recommendation => {
    rows.sort(compareEvidence);
    const best = rows[0] ?? null;
    const direction = best?.direction ?? 'no-evidence';
    const findings = direction === 'against' ? [] : input.findingsFor(therapy);
    const level = findings.some((f) => f.severity === 'contraindicated')
      ? 'contraindicated'
      : findings.length
        ? 'caution'
        : 'none';
    const availability =
      input.offered === null ? 'unknown' : input.offered.has(therapy) ? 'offered' : 'not-offered';
    const { wanted, declined, needleAversion } = input.preferences;
    const preference = declined.includes(therapy)
      ? 'declined'
      : needleAversion && input.needleTherapies.has(therapy)
        ? 'needle-aversion'
        : wanted.includes(therapy)
          ? 'wanted'
          : null;
    const coverage = input.coverage?.(therapy) ?? 'unknown';
    const notes: string[] = [];
    if (!best) notes.push("No guideline statement found for the patient's conditions.");
    if (level === 'contraindicated') notes.push('Contraindicated for this patient: see the safety findings.');
    else if (level === 'caution') notes.push('Use with the precautions in the safety findings.');
    if (availability === 'not-offered') notes.push("Not offered at the patient's location.");
    if (preference === 'declined') notes.push('The patient would rather not have this therapy.');
    if (preference === 'needle-aversion') notes.push('Uses needles; the patient would rather avoid needles.');
    if (preference === 'wanted') notes.push('The patient asked about this therapy.');
    if (coverage === 'self-pay') notes.push("Not covered by the patient's plan: self-pay.");
    return {
      therapy: { id: therapy, name: input.therapyName(therapy) },
      direction,
      best: best ? stripDirect(best) : null,
      evidence: rows.map(stripDirect),
      forConditions: [...new Set(rows.flatMap((r) => [...(speaksFor.get(r.condition) ?? [])]))],
      safety: { level, findings },
      availability,
      preference,
      coverage,
      suggested:
        direction === 'for' &&
        best!.strength !== 'insufficient' &&
        level !== 'contraindicated' &&
        availability !== 'not-offered' &&
        preference !== 'declined' &&
        preference !== 'needle-aversion',
      notes,
    };
  };
  const all = [...byTherapy].map(([therapy, rows]) => annotate(therapy, rows));
  const screened = new Set([...byTherapy.keys(), ...input.preferences.declined]);
  const unranked = [...new Set([...input.preferences.wanted, ...(input.offered ?? [])])]
    .filter((t) => !screened.has(t))
    .map((t) => annotate(t, []));
  const order = (a: Recommendation, b: Recommendation) =>
    Number(b.suggested) - Number(a.suggested) ||
    (a.best && b.best ? compareEvidence({ ...a.best, direct: true }, { ...b.best, direct: true }) : 0) ||
    b.forConditions.length - a.forConditions.length ||
    a.therapy.name.localeCompare(b.therapy.name);
  return {
    recommendations: all.filter((r) => r.direction !== 'against').sort(order),
    against: all.filter((r) => r.direction === 'against').sort(order),
    unranked: unranked.sort(
      (a, b) =>
        Number(b.preference === 'wanted') - Number(a.preference === 'wanted') ||
        a.therapy.name.localeCompare(b.therapy.name),
    ),
  };
}

function stripDirect(row: EvidenceRecord & { direct: boolean }): EvidenceRecord {
  const { direct: _direct, ...rest } = row;
  return rest;
}
