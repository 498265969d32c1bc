import type { Discipline } from '@meridian/domain';

/** Every demo account signs in with this password (demo mode only). */
export const demoPassword = 'meridian-demo';

export const demoLocations = [
  {
    code: 'phoenix',
    name: 'Meridian Integrative Health — Phoenix',
    city: 'Phoenix',
    state: 'AZ',
    timeZone: 'America/Phoenix',
  },
  {
    code: 'jacksonville',
    name: 'Meridian Integrative Health — Jacksonville',
    city: 'Jacksonville',
    state: 'FL',
    timeZone: 'America/New_York',
  },
  {
    code: 'rochester',
    name: 'Meridian Integrative Health — Rochester',
    city: 'Rochester',
    state: 'MN',
    timeZone: 'America/Chicago',
  },
] as const;
type LocationCode = (typeof demoLocations)[number]['code'];

export interface DemoClinician {
  key: string;
  email: string;
  name: string;
  discipline: Discipline;
  location: LocationCode;
}

export const demoClinicians: DemoClinician[] = [
  {
    key: 'patel',
    email: 'dr.patel@example.org',
    name: 'Dr. Anika Patel',
    discipline: 'physician',
    location: 'phoenix',
  },
  {
    key: 'okafor',
    email: 'dr.okafor@example.org',
    name: 'Dr. Samuel Okafor',
    discipline: 'physician',
    location: 'rochester',
  },
  {
    key: 'kim',
    email: 'grace.kim@example.org',
    name: 'Grace Kim, NP',
    discipline: 'nurse_practitioner',
    location: 'jacksonville',
  },
  {
    key: 'romero',
    email: 'luis.romero@example.org',
    name: 'Luis Romero, RN',
    discipline: 'nurse',
    location: 'phoenix',
  },
  {
    key: 'chen',
    email: 'mei.chen@example.org',
    name: 'Mei Chen, LAc',
    discipline: 'acupuncturist',
    location: 'phoenix',
  },
  {
    key: 'ito',
    email: 'kenji.ito@example.org',
    name: 'Kenji Ito, LAc',
    discipline: 'acupuncturist',
    location: 'jacksonville',
  },
  {
    key: 'brooks',
    email: 'olivia.brooks@example.org',
    name: 'Olivia Brooks, LMT',
    discipline: 'massage_therapist',
    location: 'phoenix',
  },
  {
    key: 'berg',
    email: 'hannah.berg@example.org',
    name: 'Hannah Berg, LMT',
    discipline: 'massage_therapist',
    location: 'rochester',
  },
  {
    key: 'nair',
    email: 'priya.nair@example.org',
    name: 'Priya Nair, RDN',
    discipline: 'nutritionist_dietitian',
    location: 'jacksonville',
  },
  {
    key: 'levi',
    email: 'dr.levi@example.org',
    name: 'Dr. Daniel Levi, PhD',
    discipline: 'psychologist',
    location: 'phoenix',
  },
  {
    key: 'johansson',
    email: 'erik.johansson@example.org',
    name: 'Erik Johansson, DPT',
    discipline: 'physical_therapist',
    location: 'rochester',
  },
  {
    key: 'hill',
    email: 'dr.hill@example.org',
    name: 'Dr. Marcus Hill, DC',
    discipline: 'chiropractor',
    location: 'jacksonville',
  },
  {
    key: 'rahman',
    email: 'aisha.rahman@example.org',
    name: 'Aisha Rahman',
    discipline: 'health_wellness_coach',
    location: 'phoenix',
  },
  {
    key: 'fischer',
    email: 'noah.fischer@example.org',
    name: 'Noah Fischer, MT-BC',
    discipline: 'music_therapist',
    location: 'rochester',
  },
  {
    key: 'alvarez',
    email: 'sofia.alvarez@example.org',
    name: 'Sofia Alvarez',
    discipline: 'reiki_practitioner',
    location: 'jacksonville',
  },
  {
    key: 'lind',
    email: 'hana.lind@example.org',
    name: 'Hana Lind, RN',
    discipline: 'nurse',
    location: 'rochester',
  },
  {
    key: 'sato',
    email: 'mei.sato@example.org',
    name: 'Mei Sato, C-IAYT',
    discipline: 'yoga_instructor',
    location: 'phoenix',
  },
  {
    key: 'wu',
    email: 'daniel.wu@example.org',
    name: 'Daniel Wu',
    discipline: 'movement_instructor',
    location: 'rochester',
  },
];

export const demoStaff = [
  { email: 'coordinator@example.org', name: 'Taylor Reed', role: 'coordinator', location: 'rochester' },
  { email: 'volunteer@example.org', name: 'Pat Morgan', role: 'volunteer', location: 'rochester' },
  { email: 'admin@example.org', name: 'Jordan Lee', role: 'admin', location: null },
  // Sees only de-identified program reports.
  { email: 'researcher@example.org', name: 'Sam Rivera', role: 'researcher', location: null },
] as const;

export interface DemoPatient {
  key: string;
  mrn: string;
  given: string;
  family: string;
  birthDate: string;
  sex: 'female' | 'male';
  location: LocationCode;
  email: string | null;
  phone: string;
  address: { line: string; city: string; state: string; postalCode: string };
  pcp: { name: string; organization: string; phone: string; fax: string };
  careTeam: { clinician: string; role: string }[];
  /** Medicines, supplements and conditions as the patient or clinician would write them. */
  regimen: {
    category: 'medicine' | 'supplement' | 'condition';
    text: string;
    dose?: string;
    frequency?: string;
  }[];
  /** What the persona takes and has, for the features that record it (intake, safety). */
  story: string;
}

// Synthetic people. Phone numbers use the 555-01xx range reserved for fiction.
export const demoPatients: DemoPatient[] = [
  {
    key: 'maria',
    mrn: 'MER-000101',
    given: 'Maria',
    family: 'Lopez',
    birthDate: '1972-03-14',
    sex: 'female',
    location: 'phoenix',
    email: 'maria.lopez@example.org',
    phone: '602-555-0101',
    address: { line: '1200 E Camelback Rd', city: 'Phoenix', state: 'AZ', postalCode: '85014' },
    pcp: {
      name: 'Dr. Helen Ward',
      organization: 'Desert Family Medicine',
      phone: '602-555-0150',
      fax: '602-555-0151',
    },
    careTeam: [
      { clinician: 'patel', role: 'Integrative physician (lead)' },
      { clinician: 'chen', role: 'Acupuncturist' },
      { clinician: 'brooks', role: 'Massage therapist' },
      { clinician: 'levi', role: 'Psychologist' },
      { clinician: 'rahman', role: 'Health and wellness coach' },
    ],
    regimen: [
      { category: 'condition', text: 'fibromyalgia' },
      { category: 'condition', text: 'chronic low back pain' },
      { category: 'medicine', text: 'sertraline', dose: '50 mg', frequency: 'once daily' },
      {
        category: 'medicine',
        text: 'ibuprofen',
        dose: '400 mg',
        frequency: 'as needed, up to three times daily',
      },
      { category: 'supplement', text: "St John's wort", dose: '300 mg', frequency: 'three times daily' },
      { category: 'supplement', text: 'ginkgo', dose: '120 mg', frequency: 'once daily' },
    ],
    story: "Fibromyalgia and chronic low back pain; takes sertraline, ibuprofen, St John's wort and ginkgo.",
  },
  {
    key: 'james',
    mrn: 'MER-000102',
    given: 'James',
    family: 'Carter',
    birthDate: '1959-06-02',
    sex: 'male',
    location: 'rochester',
    email: 'james.carter@example.org',
    phone: '507-555-0102',
    address: { line: '410 2nd St SW', city: 'Rochester', state: 'MN', postalCode: '55902' },
    pcp: {
      name: 'Dr. Robert Lind',
      organization: 'Olmsted Family Practice',
      phone: '507-555-0160',
      fax: '507-555-0161',
    },
    careTeam: [
      { clinician: 'okafor', role: 'Integrative physician (lead)' },
      { clinician: 'berg', role: 'Massage therapist' },
      { clinician: 'johansson', role: 'Physical therapist' },
    ],
    regimen: [
      { category: 'condition', text: 'deep vein thrombosis' },
      { category: 'condition', text: 'knee osteoarthritis' },
      { category: 'medicine', text: 'warfarin', dose: '5 mg', frequency: 'once daily' },
      { category: 'supplement', text: 'fish oil', dose: '2 g', frequency: 'once daily' },
      { category: 'supplement', text: 'turmeric', dose: '500 mg', frequency: 'twice daily' },
    ],
    story: 'On warfarin after a deep vein thrombosis; knee osteoarthritis; takes fish oil and turmeric.',
  },
  {
    key: 'grace',
    mrn: 'MER-000103',
    given: 'Grace',
    family: 'Thompson',
    birthDate: '1948-09-30',
    sex: 'female',
    location: 'rochester',
    email: null,
    phone: '507-555-0103',
    address: { line: '88 Elton Hills Dr NW', city: 'Rochester', state: 'MN', postalCode: '55901' },
    pcp: {
      name: 'Dr. Robert Lind',
      organization: 'Olmsted Family Practice',
      phone: '507-555-0160',
      fax: '507-555-0161',
    },
    careTeam: [
      { clinician: 'okafor', role: 'Integrative physician' },
      { clinician: 'berg', role: 'Massage therapist (bedside)' },
      { clinician: 'lind', role: 'Nurse, cardiac surgery' },
    ],
    regimen: [],
    story: 'In hospital after heart surgery; receives bedside massage and volunteer hand massage.',
  },
  {
    key: 'david',
    mrn: 'MER-000104',
    given: 'David',
    family: 'Nguyen',
    birthDate: '1985-11-02',
    sex: 'male',
    location: 'jacksonville',
    email: 'david.nguyen@example.org',
    phone: '904-555-0104',
    address: { line: '2500 Riverside Ave', city: 'Jacksonville', state: 'FL', postalCode: '32204' },
    pcp: {
      name: 'Dr. Angela Price',
      organization: 'Riverside Primary Care',
      phone: '904-555-0170',
      fax: '904-555-0171',
    },
    careTeam: [
      { clinician: 'kim', role: 'Nurse practitioner (lead)' },
      { clinician: 'nair', role: 'Dietitian' },
      { clinician: 'hill', role: 'Chiropractor' },
    ],
    regimen: [
      { category: 'condition', text: 'migraine' },
      { category: 'condition', text: 'neck pain' },
      { category: 'medicine', text: 'sumatriptan', dose: '50 mg', frequency: 'as needed' },
      { category: 'supplement', text: 'magnesium', dose: '400 mg', frequency: 'once daily' },
    ],
    story: 'Chronic migraine and neck pain.',
  },
];

/** The inpatient bedside visits the demo volunteer is assigned to (local wall-clock times). */
export const demoBedsideVisits = [
  {
    patient: 'grace',
    location: 'rochester' as LocationCode,
    unit: 'Cardiac surgery, 4 West',
    room: '412',
    time: '14:00',
    minutes: 15,
    service: 'Volunteer hand massage',
  },
];
