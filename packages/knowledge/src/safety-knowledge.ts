import { buildSafetyIndex, type SafetyIndex, type SafetyKnowledge } from '@meridian/domain';
import { dataDir, loadKnowledge } from './load.ts';

let cached: SafetyIndex | undefined;

/** The validated knowledge base in the shape the safety engine reads. */
export function loadSafetyKnowledge(dir = dataDir): SafetyKnowledge {
  return loadKnowledge(dir);
}

/** The safety index over the shipped knowledge base, built once per process. */
export function safetyIndex(): SafetyIndex {
  cached ??= buildSafetyIndex(loadSafetyKnowledge());
  return cached;
}

let codesById: Map<string, { system: string; code: string; display: string }[]> | undefined;

/** Verified standard codes of a condition (ICD-10-CM, SNOMED CT); empty when none was verified. */
export function conditionCodes(id: string): { system: string; code: string; display: string }[] {
  codesById ??= new Map(
    (safetyIndex().knowledge as ReturnType<typeof loadKnowledge>).conditions.map((c) => [
      c.id,
      (c.codes ?? []).map((k) => ({ system: k.system, code: k.code, display: k.display })),
    ]),
  );
  return codesById.get(id) ?? [];
}
