// The server enforces the same minimum; checking here spares a round trip and
// lets the form explain what a usable reason looks like.
export const minBreakGlassReasonLength = 10;

export function breakGlassReasonError(reason: string): string | null {
  const length = reason.trim().length;
  if (length === 0) return 'Give the clinical reason for emergency access.';
  if (length < minBreakGlassReasonLength) {
    return `The reason must be at least ${minBreakGlassReasonLength} characters (${length} so far).`;
  }
  return null;
}
