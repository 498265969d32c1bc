import type { IntakeScreenResult } from './consultation-types.ts';

/** "Score 4 of 6" for PHQ-2 and GAD-2 (totals 0–6), "Score 6.3 of 10" for PEG (a mean of 0–10 items). */
export function screenLine(screen: Pick<IntakeScreenResult, 'score'>, max: 6 | 10): string {
  return `Score ${screen.score} of ${max}`;
}
