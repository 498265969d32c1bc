/** The roles a Meridian user can have. */
/** Researchers see only de-identified program reports, never a patient's record. */
export const roles = ['patient', 'clinician', 'coordinator', 'volunteer', 'admin', 'researcher'] as const;
export type Role = (typeof roles)[number];

/** The clinical disciplines of the program's clinicians. */
export const disciplines = [
  'physician',
  'nurse_practitioner',
  'nurse',
  'acupuncturist',
  'massage_therapist',
  'nutritionist_dietitian',
  'psychologist',
  'physical_therapist',
  'chiropractor',
  'health_wellness_coach',
  'music_therapist',
  'reiki_practitioner',
  'yoga_instructor',
  'movement_instructor',
] as const;
export type Discipline = (typeof disciplines)[number];

/** Labels shown to people for each discipline. */
export const disciplineLabels: Record<Discipline, string> = {
  physician: 'Physician',
  nurse_practitioner: 'Nurse practitioner',
  nurse: 'Nurse',
  acupuncturist: 'Acupuncturist',
  massage_therapist: 'Massage therapist',
  nutritionist_dietitian: 'Nutritionist / dietitian',
  psychologist: 'Psychologist',
  physical_therapist: 'Physical therapist',
  chiropractor: 'Chiropractor',
  health_wellness_coach: 'Health and wellness coach',
  music_therapist: 'Music therapist',
  reiki_practitioner: 'Reiki practitioner',
  yoga_instructor: 'Yoga instructor',
  movement_instructor: 'Tai chi, qigong and mindful movement instructor',
};

/** Where each role lands after signing in to the web app. */
export const roleHomePaths: Record<Role, string> = {
  patient: '/patient',
  clinician: '/clinician',
  coordinator: '/coordinator',
  volunteer: '/volunteer',
  admin: '/admin',
  researcher: '/research',
};

/** The label of a discipline code, or the code itself if it is not one of ours. */
export function disciplineLabel(code: string | null | undefined): string {
  if (!code) return '';
  return (disciplineLabels as Record<string, string>)[code] ?? code;
}

/** The actions recorded in the audit trail, for filters. */
export const auditActions = ['login', 'logout', 'read', 'list', 'break_glass', 'export', 'report'] as const;
