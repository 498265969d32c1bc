/**
 * What the care team marks on a bedside order so the therapist adapts the visit. Where one matches a
 * condition in the knowledge base, the safety check of the therapy uses it (with that row's sources).
 */
export const bedsidePrecautions = {
  'iv-line': { label: 'IV line', condition: null },
  'chest-drain': { label: 'Chest drain', condition: null },
  'surgical-wound': { label: 'Surgical wound', condition: 'open-wound' },
  'fall-risk': { label: 'Fall risk', condition: null },
  'contact-isolation': { label: 'Contact isolation', condition: null },
  'droplet-isolation': { label: 'Droplet isolation', condition: null },
  'airborne-isolation': { label: 'Airborne isolation', condition: null },
  'low-platelets': { label: 'Low platelets', condition: 'thrombocytopenia' },
  'recent-dvt': { label: 'Recent deep vein thrombosis', condition: 'deep-vein-thrombosis' },
  'low-white-cells': { label: 'Low white cells (neutropenia)', condition: 'neutropenia' },
  pacemaker: { label: 'Pacemaker or implanted device', condition: 'pacemaker' },
  'bone-metastases': { label: 'Bone metastases', condition: 'bone-metastases' },
  oxygen: { label: 'On oxygen', condition: null },
  telemetry: { label: 'Cardiac monitoring (telemetry)', condition: null },
  'pressure-injury': { label: 'Pressure injury', condition: 'open-wound' },
} as const satisfies Record<string, { label: string; condition: string | null }>;

export type BedsidePrecaution = keyof typeof bedsidePrecautions;

export function isBedsidePrecaution(value: string): value is BedsidePrecaution {
  return Object.hasOwn(bedsidePrecautions, value);
}

/** The knowledge-base conditions that follow from an order's precautions. */
export function precautionConditions(precautions: readonly BedsidePrecaution[]): string[] {
  return [
    ...new Set(
      precautions
        .map((p) => bedsidePrecautions[p].condition)
        .filter((c): c is NonNullable<typeof c> => c !== null),
    ),
  ];
}

/** Change in a 0–10 score from before to after a session (negative is better for pain and anxiety). */
export function scoreChange(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}
