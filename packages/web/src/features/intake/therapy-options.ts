// The therapies the preferences offer before anything is typed: the ones the program most often
// discusses, by their knowledge-base ids (a unit test checks they exist). Others are found by typing.
export const commonTherapies: readonly { value: string; label: string }[] = [
  { value: 'acupuncture', label: 'Acupuncture' },
  { value: 'acupressure', label: 'Acupressure' },
  { value: 'massage', label: 'Massage' },
  { value: 'reflexology', label: 'Reflexology' },
  { value: 'aromatherapy', label: 'Aromatherapy' },
  { value: 'chiropractic-care', label: 'Chiropractic care' },
  { value: 'physical-therapy', label: 'Physical therapy' },
  { value: 'exercise-therapy', label: 'Exercise therapy' },
  { value: 'yoga', label: 'Yoga' },
  { value: 'tai-chi', label: 'Tai chi' },
  { value: 'qigong', label: 'Qigong' },
  { value: 'meditation', label: 'Meditation' },
  { value: 'breathing-exercises', label: 'Breathing exercises' },
  { value: 'guided-imagery', label: 'Guided imagery' },
  { value: 'progressive-muscle-relaxation', label: 'Progressive muscle relaxation' },
  { value: 'biofeedback', label: 'Biofeedback' },
  { value: 'hypnotherapy', label: 'Hypnotherapy' },
  { value: 'music-therapy', label: 'Music therapy' },
  { value: 'reiki', label: 'Reiki' },
  { value: 'cognitive-behavioural-therapy', label: 'Cognitive behavioural therapy' },
  { value: 'heat-therapy', label: 'Heat therapy' },
  { value: 'cupping', label: 'Cupping' },
];

/** A readable name for a therapy id nobody has named yet in this session: "tai-chi" → "Tai chi". */
export function therapyLabelFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The options of a therapy multi-select: the common ones, then any others found by typing or already
 * chosen, each once.
 */
export function therapyOptions(
  found: ReadonlyMap<string, string>,
  chosen: readonly string[],
): { value: string; label: string }[] {
  const options = new Map(commonTherapies.map((t) => [t.value, t.label]));
  for (const [id, name] of found) if (!options.has(id)) options.set(id, name);
  for (const id of chosen) if (!options.has(id)) options.set(id, therapyLabelFromId(id));
  return [...options].map(([value, label]) => ({ value, label }));
}
