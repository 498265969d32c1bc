/** The demo people tests are written about (see DESIGN.md, "The people in the data"). */
export const personas = {
  maria: { email: 'maria.lopez@example.org', mrn: 'MER-000101' },
  james: { email: 'james.carter@example.org', mrn: 'MER-000102' },
  grace: { mrn: 'MER-000103' },
  /** No intake yet: the new patient of the intake and consultation stories. */
  david: { email: 'david.nguyen@example.org', mrn: 'MER-000104' },
  drPatel: { email: 'dr.patel@example.org' },
  drOkafor: { email: 'dr.okafor@example.org' },
  /** Nurse practitioner, lead of David's care team (Jacksonville). */
  npKim: { email: 'grace.kim@example.org' },
  dietitianNair: { email: 'priya.nair@example.org' },
  coordinator: { email: 'coordinator@example.org' },
  nurseLind: { email: 'hana.lind@example.org' },
  acupuncturistChen: { email: 'mei.chen@example.org' },
  massageBerg: { email: 'hannah.berg@example.org' },
  volunteer: { email: 'volunteer@example.org' },
  admin: { email: 'admin@example.org' },
  /** Sees de-identified program reports only. */
  researcher: { email: 'researcher@example.org' },
} as const;
