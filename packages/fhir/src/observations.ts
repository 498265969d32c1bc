import { meridianBase } from './codes.ts';
import type { FhirResource } from './types.ts';

// Progress data as FHIR: diary values and questionnaire scores as Observations, completed
// questionnaires as QuestionnaireResponses, and the questionnaires themselves.
// Codes: LOINC only where verified — 44261-6 PHQ-9 total (https://cdn.loinc.org/44261-6),
// 70274-6 GAD-7 total (MII PRO IG ObservationDefinition, see documents.ts), 72514-3 "Pain severity -
// 0-10 verbal numeric rating [Score] - Reported" (https://www.healthassure.in/codes/loinc-72514-3-pain-severity-0-10-verbal-numeric-rating-score-reported,
// a LOINC mirror; status ACTIVE). The PEG, average and worst pain and sleep hours have no code we
// verified: they use Meridian's observation code system. Category "survey" is from the R4
// observation-category code system (https://hl7.org/fhir/R4/codesystem-observation-category.html).

const loinc = 'http://loinc.org';
const observationCodes = `${meridianBase}/CodeSystem/observation`;
const ucum = 'http://unitsofmeasure.org';
const category = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'survey',
        display: 'Survey',
      },
    ],
  },
];

/** The code of each thing Meridian observes, standard where verified. */
export const observationCodings: Record<string, { system: string; code: string; display: string }> = {
  'phq-9': {
    system: loinc,
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  'gad-7': {
    system: loinc,
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
  'pain-nrs': {
    system: loinc,
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  'pain-now': {
    system: loinc,
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  peg: {
    system: observationCodes,
    code: 'peg',
    display: 'PEG score (pain, enjoyment, general activity), mean 0-10',
  },
  'pain-average': {
    system: observationCodes,
    code: 'pain-average',
    display: 'Average pain today, 0-10 (diary)',
  },
  'pain-worst': { system: observationCodes, code: 'pain-worst', display: 'Worst pain today, 0-10 (diary)' },
  'sleep-hours': {
    system: observationCodes,
    code: 'sleep-hours',
    display: 'Hours of sleep last night (diary)',
  },
};

export interface DiaryRecord {
  id: string;
  patientId: string;
  date: string;
  painNow: number | null;
  painAverage: number | null;
  painWorst: number | null;
  sleepHours: number | null;
  recordedAt: Date;
}

function observation(
  id: string,
  patientId: string,
  what: string,
  effective: { effectiveDateTime: string },
  value: Record<string, unknown>,
  issued: Date,
  extra: Record<string, unknown> = {},
): FhirResource {
  const coding = observationCodings[what]!;
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category,
    code: { coding: [coding], text: coding.display },
    subject: { reference: `Patient/${patientId}` },
    ...effective,
    issued: issued.toISOString(),
    ...value,
    ...extra,
  };
}

const score = (value: number) => ({
  valueQuantity: { value, unit: 'score', system: ucum, code: '{score}' },
});

/** One Observation, with its code known before it is built: a search filters by code and pages first. */
export interface PendingObservation {
  coding: { system: string; code: string; display: string };
  build(): FhirResource;
}

/** The Observations of a diary entry (one per value given), each built when asked for. */
export function pendingDiaryObservations(d: DiaryRecord): PendingObservation[] {
  const effective = { effectiveDateTime: d.date };
  const out: PendingObservation[] = [];
  const add = (what: string, value: () => Record<string, unknown>) =>
    out.push({
      coding: observationCodings[what]!,
      build: () => observation(`${d.id}-${what}`, d.patientId, what, effective, value(), d.recordedAt),
    });
  const { painNow, painAverage, painWorst, sleepHours } = d;
  if (painNow !== null) add('pain-now', () => score(painNow));
  if (painAverage !== null) add('pain-average', () => score(painAverage));
  if (painWorst !== null) add('pain-worst', () => score(painWorst));
  if (sleepHours !== null)
    add('sleep-hours', () => ({ valueQuantity: { value: sleepHours, unit: 'h', system: ucum, code: 'h' } }));
  return out;
}

/** The Observations of one diary entry (one per value recorded). Ids: the entry's id and the value. */
export function diaryObservations(d: DiaryRecord): FhirResource[] {
  return pendingDiaryObservations(d).map((o) => o.build());
}

export interface ResponseRecord {
  id: string;
  patientId: string;
  instrument: 'phq-9' | 'gad-7' | 'peg' | 'pain-nrs' | 'phq-2' | 'gad-2';
  answers: number[];
  score: number;
  band: string | null;
  completedAt: Date;
}

/** A questionnaire's total score as an Observation, built when asked for; null for an instrument without a code. */
export function pendingScoreObservation(r: ResponseRecord): PendingObservation | null {
  const coding = observationCodings[r.instrument];
  if (!coding) return null;
  return {
    coding,
    build: () =>
      observation(
        r.id,
        r.patientId,
        r.instrument,
        { effectiveDateTime: r.completedAt.toISOString() },
        score(r.score),
        r.completedAt,
        {
          ...(r.band ? { interpretation: [{ text: r.band }] } : {}),
          derivedFrom: [{ reference: `QuestionnaireResponse/${r.id}` }],
        },
      ),
  };
}

/** A questionnaire's total score as an Observation, with its band as the interpretation text. */
export function scoreObservation(r: ResponseRecord): FhirResource | null {
  return pendingScoreObservation(r)?.build() ?? null;
}

/** The canonical URL of a Meridian Questionnaire. */
export const questionnaireUrl = (instrument: string) => `${meridianBase}/Questionnaire/${instrument}`;

export interface InstrumentWording {
  id: string;
  name: string;
  stem: string;
  options?: { value: number; label: string }[] | undefined;
  scale?: { min: number; max: number } | undefined;
  items: string[];
}

/** A questionnaire as FHIR: items as choice (with the answer options) or integer questions. */
export function questionnaireResource(w: InstrumentWording): FhirResource {
  return {
    resourceType: 'Questionnaire',
    id: w.id,
    url: questionnaireUrl(w.id),
    name: w.name.replace(/[^A-Za-z0-9]/g, ''),
    title: w.name,
    status: 'active',
    subjectType: ['Patient'],
    description: w.stem,
    item: w.items.map((text, i) => ({
      linkId: String(i + 1),
      text,
      required: true,
      ...(w.options
        ? {
            type: 'choice',
            answerOption: w.options.map((o) => ({
              valueCoding: {
                system: `${meridianBase}/CodeSystem/answer-${w.id}`,
                code: String(o.value),
                display: o.label,
              },
            })),
          }
        : { type: 'integer' }),
    })),
  };
}

/** A completed questionnaire as a QuestionnaireResponse. */
export function questionnaireResponseResource(
  r: ResponseRecord,
  w: InstrumentWording | undefined,
): FhirResource {
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: questionnaireUrl(r.instrument),
    status: 'completed',
    subject: { reference: `Patient/${r.patientId}` },
    authored: r.completedAt.toISOString(),
    item: r.answers.map((a, i) => ({
      linkId: String(i + 1),
      ...(w?.items[i] ? { text: w.items[i] } : {}),
      answer: [
        w?.options
          ? {
              valueCoding: {
                system: `${meridianBase}/CodeSystem/answer-${r.instrument}`,
                code: String(a),
                display: w.options.find((o) => o.value === a)?.label ?? String(a),
              },
            }
          : { valueInteger: a },
      ],
    })),
  };
}

/**
 * The answers of a QuestionnaireResponse sent by a third-party app, in item order, for one of Meridian's
 * questionnaires; throws a RangeError a person can act on.
 */
export function answersOfResponse(resource: unknown): {
  instrument: string;
  patientId: string;
  answers: number[];
  authored?: string;
} {
  const r = resource as Record<string, unknown> | null;
  if (r?.resourceType !== 'QuestionnaireResponse')
    throw new RangeError('The body must be a QuestionnaireResponse.');
  const url = typeof r.questionnaire === 'string' ? r.questionnaire : '';
  const prefix = `${meridianBase}/Questionnaire/`;
  if (!url.startsWith(prefix))
    throw new RangeError(`questionnaire must be one of Meridian's (${prefix}phq-9, gad-7, peg or pain-nrs).`);
  const subject = (r.subject as { reference?: string } | undefined)?.reference ?? '';
  if (!subject.startsWith('Patient/'))
    throw new RangeError('subject must reference the patient ("Patient/<id>").');
  if (r.status !== 'completed')
    throw new RangeError('Only completed QuestionnaireResponses are accepted (status "completed").');
  const items = Array.isArray(r.item)
    ? (r.item as { linkId?: string; answer?: Record<string, unknown>[] }[])
    : [];
  const answers = [...items]
    .sort((a, b) => Number(a.linkId) - Number(b.linkId))
    .map((item) => {
      const a = item.answer?.[0];
      if (a && typeof a.valueInteger === 'number') return a.valueInteger;
      const code = (a?.valueCoding as { code?: string } | undefined)?.code;
      if (code !== undefined && /^\d+$/.test(code)) return Number(code);
      throw new RangeError(`Item ${item.linkId ?? '?'} has no answer as valueInteger or a valueCoding code.`);
    });
  return {
    instrument: url.slice(prefix.length),
    patientId: subject.slice('Patient/'.length),
    answers,
    ...(typeof r.authored === 'string' ? { authored: r.authored } : {}),
  };
}
