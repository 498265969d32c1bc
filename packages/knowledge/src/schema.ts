import { z } from 'zod';

/** Ids: lowercase ASCII words joined by hyphens, e.g. "st-johns-wort", "warfarin", "deep-vein-thrombosis". */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

/** A source a reviewer can open: https URL (PubMed, PMC, NCCIH, DailyMed label, FDA, a guideline). */
export const sourceSchema = z
  .string()
  .regex(/^https:\/\/\S+$/, 'a source is an https URL')
  .refine((u) => !/example\.(org|com)/.test(u), 'not a placeholder');
const sources = z.array(sourceSchema).min(1, 'every row needs at least one source');

export const severitySchema = z.enum(['contraindicated', 'major', 'moderate', 'minor']);
export const evidenceSchema = z.enum([
  'guideline', // a clinical practice guideline or product label says so
  'clinical-study', // controlled human study (trial, PK study in people)
  'case-reports', // case reports or case series
  'observational', // cohort, case-control, pharmacovigilance
  'pharmacological', // mechanism shown in vitro or in animals, expected in people
]);

/** Pharmacological properties the engine reasons with when no explicit interaction row exists. */
export const propertySchema = z.enum([
  'cyp3a4-inducer-strong',
  'cyp3a4-inducer',
  'cyp3a4-inhibitor-strong',
  'cyp3a4-inhibitor',
  'cyp2c9-inhibitor',
  'cyp2c19-inhibitor',
  'cyp2d6-inhibitor',
  'cyp1a2-inhibitor',
  'cyp1a2-inducer',
  'pgp-inducer',
  'pgp-inhibitor',
  'nti-cyp3a4-substrate', // narrow therapeutic index and cleared by CYP3A4
  'nti-cyp2c9-substrate',
  'nti-cyp1a2-substrate',
  'nti-pgp-substrate',
  'anticoagulant',
  'antiplatelet', // inhibits platelet aggregation (drugs, herbs, supplements)
  'bleeding-risk', // raises bleeding risk by another route (e.g. SSRIs via platelet serotonin)
  'serotonergic',
  'cns-depressant',
  'hepatotoxic',
  'hypoglycaemic',
  'hypotensive',
  'potassium-raising',
  'gut-binding', // binds or chelates other drugs in the gut (separate doses)
  'qt-prolonging',
  'immunostimulant',
  'estrogenic',
]);

export const agentSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['medicine', 'herb', 'supplement', 'food']),
  /** Generic name (medicines: US adopted name) or common name (herbs, supplements, foods). */
  name: z.string().min(2),
  brands: z.array(z.string().min(2)).optional(),
  latin: z.array(z.string().min(3)).optional(),
  /** Other names people write: abbreviations, other spellings, international names. */
  synonyms: z.array(z.string().min(2)).optional(),
  /** Class ids (classes.json). */
  classes: z.array(idSchema).optional(),
  /** Where the names and class come from, when not from the class's own source. */
  sources: z.array(sourceSchema).optional(),
});

export const drugClassSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(2),
  synonyms: z.array(z.string().min(2)).optional(),
  sources,
});

/** A reference to an agent ("warfarin") or to a class of agents ("class:ssri"). */
export const agentRefSchema = z.string().regex(/^(class:)?[a-z0-9]+(-[a-z0-9]+)*$/);

export const propertyRowSchema = z.strictObject({
  subject: agentRefSchema,
  property: propertySchema,
  note: z.string().optional(),
  sources,
});

export const interactionSchema = z.strictObject({
  id: idSchema,
  a: agentRefSchema,
  b: agentRefSchema,
  severity: severitySchema,
  /** What happens to the patient, in plain words. */
  effect: z.string().min(10),
  mechanism: z.string().min(5),
  /** What to do: avoid, separate doses by N hours, monitor INR, stop N days before surgery… */
  management: z.string().min(5),
  evidence: evidenceSchema,
  sources,
  notes: z.string().optional(),
});

/** Documented absence of a clinically significant interaction: suppresses inferred alerts. */
export const nonInteractionSchema = z.strictObject({
  id: idSchema,
  a: agentRefSchema,
  b: agentRefSchema,
  finding: z.string().min(10),
  sources,
});

export const conditionSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(2),
  kind: z.enum(['condition', 'situation']),
  /** A broader condition whose precautions also apply (diabetic neuropathy → peripheral neuropathy). */
  parent: idSchema.optional(),
  synonyms: z.array(z.string().min(2)).optional(),
  /**
   * Codes for the problem list (FHIR Condition.code), each read on the source given: ICD-10-CM
   * (billable code, official description) and SNOMED CT (concept id, term as published). Format,
   * check digit and one code per system are checked by the validator (codes.ts).
   */
  codes: z
    .array(
      z.strictObject({
        system: z.enum(['http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct']),
        code: z.string().min(2).max(20),
        display: z.string().min(2).max(300),
        source: sourceSchema,
      }),
    )
    .optional(),
});

export const therapySchema = z.strictObject({
  id: idSchema,
  name: z.string().min(2),
  /** A broader therapy whose precautions also apply (electroacupuncture → acupuncture). */
  parent: idSchema.optional(),
  synonyms: z.array(z.string().min(2)).optional(),
  /** Given with needles (offered with care to patients who would rather avoid needles). */
  needles: z.literal(true).optional(),
});

export const precautionSchema = z.strictObject({
  id: idSchema,
  /** An agent, a class ("class:nsaid") or a therapy ("therapy:massage"). */
  subject: z.string().regex(/^((class|therapy):)?[a-z0-9]+(-[a-z0-9]+)*$/),
  condition: idSchema,
  severity: severitySchema,
  reason: z.string().min(10),
  management: z.string().min(5),
  evidence: evidenceSchema,
  sources,
});

const ruleText = {
  severity: severitySchema,
  /** What may happen, in plain words. */
  summary: z.string().min(10),
  mechanism: z.string().min(5),
  management: z.string().min(5),
  evidence: evidenceSchema,
  sources,
};

/** An inferred finding from properties, used only where no documented row covers the items. */
export const inferenceRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: idSchema,
    kind: z.literal('pair'),
    a: propertySchema,
    b: propertySchema,
    ...ruleText,
  }),
  z.strictObject({
    id: idSchema,
    kind: z.literal('group'),
    anyOf: z.array(propertySchema).min(1),
    atLeast: z.number().int().min(2),
    escalate: z.strictObject({ property: propertySchema, severity: severitySchema }).optional(),
    ...ruleText,
  }),
]);

/**
 * A situation that follows from the regimen itself (an anticoagulant → "anticoagulant-therapy") or
 * from a laboratory value in the check's context (platelets below a threshold → "thrombocytopenia").
 */
export const derivedConditionSchema = z.union([
  z.strictObject({ condition: idSchema, whenProperty: propertySchema }),
  z.strictObject({
    condition: idSchema,
    /** Platelet count in 10^9/L (= thousands per microlitre). */
    whenLab: z.strictObject({ lab: z.literal('plateletCount'), below: z.number().positive() }),
    sources,
  }),
]);

export type Agent = z.infer<typeof agentSchema>;
export type DrugClass = z.infer<typeof drugClassSchema>;
export type PropertyRow = z.infer<typeof propertyRowSchema>;
export type Interaction = z.infer<typeof interactionSchema>;
export type NonInteraction = z.infer<typeof nonInteractionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Therapy = z.infer<typeof therapySchema>;
export type Precaution = z.infer<typeof precautionSchema>;
export type InferenceRule = z.infer<typeof inferenceRuleSchema>;
export type DerivedCondition = z.infer<typeof derivedConditionSchema>;
