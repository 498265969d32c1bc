import { isObject, list } from './received.ts';
// Reading a record sent by a primary care provider: a FHIR R4 Bundle (any type: collection, document,
// searchset, transaction) whose MedicationStatement, MedicationRequest, Condition and AllergyIntolerance
// entries become items for a clinician to reconcile. Anything else is listed as skipped, with why.

export interface ImportedMedication {
  /** The entry's index in the Bundle, for messages. */
  entry: number;
  text: string;
  dose: string | undefined;
}
export interface ImportedCondition {
  entry: number;
  text: string;
}
export interface ImportedAllergy {
  entry: number;
  substance: string;
  reaction: string | undefined;
  severity: 'mild' | 'moderate' | 'severe' | undefined;
}
export interface ImportedRecord {
  medications: ImportedMedication[];
  conditions: ImportedCondition[];
  allergies: ImportedAllergy[];
  /** Entries not imported, each with a reason a person can act on. */
  skipped: string[];
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

/** The words of a CodeableConcept: its text, else the first coding's display. */
function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  return (
    str(concept.text) ??
    list(concept.coding)
      .map((c) => (isObject(c) ? str(c.display) : undefined))
      .find(Boolean)
  );
}

function codeOf(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  return list(concept.coding)
    .map((c) => (isObject(c) ? str(c.code) : undefined))
    .find(Boolean);
}

const inactiveMedication = new Set(['stopped', 'completed', 'entered-in-error', 'not-taken', 'cancelled']);
const inactiveCondition = new Set(['inactive', 'resolved', 'remission']);

/** The items of a primary care provider's Bundle; throws a RangeError when it is not a Bundle. */
export function readPcpBundle(bundle: unknown, maxEntries = 500): ImportedRecord {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    throw new RangeError('The body must be a FHIR Bundle (resourceType "Bundle").');
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    throw new RangeError("entry must be a list of the Bundle's entries.");
  const entries = list(bundle.entry);
  if (entries.length > maxEntries)
    throw new RangeError(`A Bundle may hold at most ${maxEntries} entries; this one has ${entries.length}.`);
  const out: ImportedRecord = { medications: [], conditions: [], allergies: [], skipped: [] };
  for (const [i, e] of entries.entries()) {
    const r = isObject(e) ? e.resource : undefined;
    const where = `entry ${i + 1}`;
    if (!isObject(r)) {
      out.skipped.push(`${where}: no resource.`);
      continue;
    }
    const type = str(r.resourceType) ?? 'unknown';
    if (type === 'MedicationStatement' || type === 'MedicationRequest') {
      const status = str(r.status);
      if (status && inactiveMedication.has(status)) {
        out.skipped.push(`${where}: ${type} is ${status}.`);
        continue;
      }
      const text = conceptText(r.medicationCodeableConcept);
      if (!text) {
        out.skipped.push(
          `${where}: ${type} has no medication name (medicationCodeableConcept.text or a coding display).`,
        );
        continue;
      }
      const dosage = type === 'MedicationStatement' ? list(r.dosage)[0] : list(r.dosageInstruction)[0];
      out.medications.push({ entry: i + 1, text, dose: isObject(dosage) ? str(dosage.text) : undefined });
      continue;
    }
    if (type === 'Condition') {
      const clinical = codeOf(r.clinicalStatus);
      if (clinical && inactiveCondition.has(clinical)) {
        out.skipped.push(`${where}: Condition is ${clinical}.`);
        continue;
      }
      if (codeOf(r.verificationStatus) === 'entered-in-error' || codeOf(r.verificationStatus) === 'refuted') {
        out.skipped.push(`${where}: Condition is ${codeOf(r.verificationStatus)}.`);
        continue;
      }
      const text = conceptText(r.code);
      if (!text) {
        out.skipped.push(`${where}: Condition has no name (code.text or a coding display).`);
        continue;
      }
      out.conditions.push({ entry: i + 1, text });
      continue;
    }
    if (type === 'AllergyIntolerance') {
      const clinical = codeOf(r.clinicalStatus);
      if (clinical && clinical !== 'active') {
        out.skipped.push(`${where}: AllergyIntolerance is ${clinical}.`);
        continue;
      }
      const substance = conceptText(r.code);
      if (!substance) {
        out.skipped.push(`${where}: AllergyIntolerance has no substance (code.text).`);
        continue;
      }
      const reaction = list(r.reaction)[0];
      const severity = isObject(reaction) ? str(reaction.severity) : undefined;
      out.allergies.push({
        entry: i + 1,
        substance,
        reaction: isObject(reaction)
          ? list(reaction.manifestation).map(conceptText).filter(Boolean).join(', ') || undefined
          : undefined,
        severity:
          severity === 'mild' || severity === 'moderate' || severity === 'severe' ? severity : undefined,
      });
      continue;
    }
    out.skipped.push(`${where}: ${type} is not imported (only medicines, conditions and allergies are).`);
  }
  return out;
}
