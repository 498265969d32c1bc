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
