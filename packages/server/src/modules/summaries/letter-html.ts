import { dateInZone, decisionSupportNotice, type VisitSummaryData } from '@meridian/domain';

// The visit-summary letter to the patient's primary care provider. Its content is built once, as a
// small document model (`visitSummaryLetter`), and rendered here as HTML and in letter-pdf.ts as PDF,
// so the two always say the same thing in the same order.

/** A piece of text in a paragraph; `href` is set only for http(s) addresses. */
export interface LetterRun {
  text: string;
  bold?: boolean;
  href?: string;
}

export type LetterBlock =
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; runs: LetterRun[] }
  | { kind: 'list'; items: LetterRun[][] }
  | { kind: 'fields'; rows: { label: string; value: LetterRun[] }[] };

export interface LetterSection {
  /** Stable id (HTML anchor), e.g. "therapies". */
  id: string;
  heading: string;
  blocks: LetterBlock[];
}

export interface VisitSummaryLetter {
  /** Document title (HTML <title>, PDF Title). */
  title: string;
  heading: string;
  letterhead: string[];
  date: string;
  recipient: string[];
  patient: { label: string; value: string }[];
  salutation: string;
  opening: string[];
  sections: LetterSection[];
  closing: string[];
  signature: string[];
  notice: string;
  reference: string;
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

/** The address itself when it is an absolute http(s) URL, else null (shown as text, never linked). */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!URL.canParse(trimmed)) return null;
  const { protocol } = new URL(trimmed);
  return protocol === 'http:' || protocol === 'https:' ? trimmed : null;
}

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const longDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "February 12, 2027" for a calendar date '2027-02-12' (no time zone: it is a date, not an instant). */
export function formatCalendarDate(date: string): string {
  const m = calendarDate.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(utc.getTime()) ? date : longDate.format(utc);
}

/** "Friday, November 27, 2026 at 9:00 AM MST": an instant in an IANA zone, with the zone named. */
export function formatInstant(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  })
    .format(instant)
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** The calendar date of an instant in a zone, in words: "November 20, 2026". */
export function formatDateInZone(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatCalendarDate(dateInZone(instant, timeZone));
}

const codeSystemNames: Record<string, string> = {
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://snomed.info/sct': 'SNOMED CT',
  'http://loinc.org': 'LOINC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
};

/** "ICD-10-CM" for the ICD-10-CM system URI; an unknown system is shown as its URI. */
export function codeSystemName(system: string): string {
  return codeSystemNames[system] ?? system;
}

/** "integrative-medicine" → "Integrative medicine". */
export function disciplineWords(discipline: string): string {
  const words = discipline.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const severityOrder = ['contraindicated', 'major', 'moderate', 'minor'] as const;
const severityLabels: Record<(typeof severityOrder)[number], string> = {
  contraindicated: 'Contraindicated',
  major: 'Major',
  moderate: 'Moderate',
  minor: 'Minor',
};

const formulationDomains = [
  ['biological', 'Biological'],
  ['psychological', 'Psychological'],
  ['social', 'Social'],
  ['environmental', 'Environmental'],
  ['behavioural', 'Behavioral'],
] as const;

const text = (t: string): LetterRun => ({ text: t });
const bold = (t: string): LetterRun => ({ text: t, bold: true });
const link = (url: string): LetterRun => {
  const href = safeHref(url);
  return href ? { text: url, href } : { text: url };
};
const para = (...runs: LetterRun[]): LetterBlock => ({ kind: 'paragraph', runs });
const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const joined = (parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join(', ');

/** Salutation: "Dear Dr. Alan Reyes," or, without a PCP on file, "To the primary care provider,". */
function salutationOf(pcp: VisitSummaryData['pcp']): string {
  const name = pcp?.name.trim();
  if (!name) return 'To the primary care provider,';
  return /^(dr|prof|mr|mrs|ms|mx)\b\.?/i.test(name) ? `Dear ${name},` : `Dear Dr ${name},`;
}

function assessmentSection(data: VisitSummaryData): LetterSection {
  const rows = formulationDomains
    .map(([key, label]) => ({ label, value: data.formulation[key]?.trim() ?? '' }))
    .filter((row) => row.value)
    .map((row) => ({ label: row.label, value: [text(row.value)] }));
  return {
    id: 'assessment',
    heading: 'Assessment',
    blocks: rows.length ? [{ kind: 'fields', rows }] : [para(text('No formulation was recorded.'))],
  };
}

function conditionsSection(data: VisitSummaryData): LetterSection {
  const items = data.conditions.map((c): LetterRun[] => {
    const codes = c.codes.map((code) => `${codeSystemName(code.system)} ${code.code} (${code.display})`);
    return [bold(c.name), text(codes.length ? ` — ${codes.join('; ')}` : ' — no verified code')];
  });
  return {
    id: 'conditions',
    heading: 'Conditions',
    blocks: items.length ? [{ kind: 'list', items }] : [para(text('No conditions were recorded.'))],
  };
}

function medicationsSection(data: VisitSummaryData): LetterSection {
  const blocks: LetterBlock[] = [];
  for (const [kind, label] of [
    ['medicine', 'Medicines'],
    ['supplement', 'Supplements'],
  ] as const) {
    const meds = data.medications.filter((m) => m.kind === kind);
    if (!meds.length) continue;
    blocks.push({ kind: 'subheading', text: label });
    blocks.push({
      kind: 'list',
      items: meds.map((m): LetterRun[] => {
        const runs = [bold(m.name)];
        const details = joined([m.dose, m.frequency]);
        if (details) runs.push(text(`, ${details}`));
        if (m.text.trim() && m.text.trim().toLowerCase() !== m.name.trim().toLowerCase())
          runs.push(text(` (as written: "${m.text.trim()}")`));
        if (m.unverified) runs.push(text(' — reported by patient, not yet verified'));
        return runs;
      }),
    });
  }
  return {
    id: 'medications',
    heading: 'Medications and supplements',
    blocks: blocks.length ? blocks : [para(text('No medicines or supplements were recorded.'))],
  };
}

function allergiesSection(data: VisitSummaryData): LetterSection {
  let blocks: LetterBlock[];
  if (data.allergies.length) {
    blocks = [
      {
        kind: 'list',
        items: data.allergies.map((a): LetterRun[] => {
          const details = joined([
            a.reaction ? `reaction: ${a.reaction}` : null,
            a.severity ? `severity: ${a.severity}` : null,
          ]);
          return details ? [bold(a.substance), text(` — ${details}`)] : [bold(a.substance)];
        }),
      },
    ];
  } else if (data.noKnownAllergies) {
    blocks = [para(text('No known allergies.'))];
  } else {
    blocks = [para(text('Allergies were not recorded at this visit.'))];
  }
  return { id: 'allergies', heading: 'Allergies', blocks };
}

function findingsSection(data: VisitSummaryData): LetterSection {
  const findings = [...data.findings].sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
  );
  const blocks: LetterBlock[] = [];
  for (const f of findings) {
    blocks.push({ kind: 'subheading', text: `${severityLabels[f.severity]}: ${f.items.join(' + ')}` });
    const rows: { label: string; value: LetterRun[] }[] = [
      { label: 'Finding', value: [text(f.summary)] },
      { label: 'What to do', value: [text(f.management)] },
    ];
    if (f.sources.length) {
      const value: LetterRun[] = [];
      f.sources.forEach((s, i) => {
        if (i) value.push(text(' '));
        value.push(link(s));
      });
      rows.push({ label: f.sources.length === 1 ? 'Source' : 'Sources', value });
    }
    rows.push({
      label: 'Clinician’s acknowledgement',
      value: [text(f.acknowledgement?.trim() || 'Not yet acknowledged.')],
    });
    blocks.push({ kind: 'fields', rows });
  }
  return {
    id: 'safety',
    heading: 'Safety findings',
    blocks: blocks.length
      ? blocks
      : [para(text('The safety check found no interactions or precautions for the recorded list.'))],
  };
}

function therapiesSection(data: VisitSummaryData): LetterSection {
  const blocks: LetterBlock[] = [];
  for (const t of data.therapies) {
    blocks.push({ kind: 'subheading', text: t.therapy.name });
    const rows: { label: string; value: LetterRun[] }[] = [
      { label: 'Frequency', value: [text(t.frequency)] },
      { label: 'Sessions', value: [text(String(t.sessions))] },
    ];
    if (t.discipline) rows.push({ label: 'Discipline', value: [text(disciplineWords(t.discipline))] });
    if (t.evidence) {
      rows.push({ label: 'Evidence', value: [text(`${t.evidence.grade} (${t.evidence.guideline})`)] });
      rows.push({ label: 'Source', value: [link(t.evidence.source)] });
    } else {
      rows.push({ label: 'Evidence', value: [text('No guideline grade recorded.')] });
    }
    if (t.cautions.length) rows.push({ label: 'Cautions', value: [text(t.cautions.join(' '))] });
    blocks.push({ kind: 'fields', rows });
  }
  return {
    id: 'therapies',
    heading: 'Recommended therapies',
    blocks: blocks.length ? blocks : [para(text('No therapies were recommended.'))],
  };
}

function goalsSection(data: VisitSummaryData): LetterSection {
  const blocks: LetterBlock[] = [];
  for (const g of data.goals) {
    blocks.push({ kind: 'subheading', text: g.what });
    blocks.push({
      kind: 'fields',
      rows: [
        { label: 'Target', value: [text(g.target)] },
        { label: 'How measured', value: [text(g.howMeasured)] },
        { label: 'Due', value: [text(formatCalendarDate(g.dueDate))] },
      ],
    });
  }
  return {
    id: 'goals',
    heading: 'Goals',
    blocks: blocks.length ? blocks : [para(text('No goals were set.'))],
  };
}

function selfCareSection(data: VisitSummaryData): LetterSection {
  const items = data.selfCare.map((s): LetterRun[] => [bold(s.practice), text(`, ${s.frequency}`)]);
  return {
    id: 'self-care',
    heading: 'Self-care',
    blocks: items.length ? [{ kind: 'list', items }] : [para(text('No self-care practices were agreed.'))],
  };
}

function supplementsSection(data: VisitSummaryData): LetterSection {
  const actions = { start: 'Start', continue: 'Continue', stop: 'Stop' } as const;
  const items = data.supplements.map((s): LetterRun[] => {
    const runs = [bold(`${actions[s.action]}: ${s.name}`)];
    const details = joined([s.dose, s.frequency]);
    if (details) runs.push(text(`, ${details}`));
    if (s.reason) runs.push(text(` — ${s.reason}`));
    return runs;
  });
  return {
    id: 'supplements',
    heading: 'Supplements to start or stop',
    blocks: items.length ? [{ kind: 'list', items }] : [para(text('No changes to supplements.'))],
  };
}

function followUpSection(data: VisitSummaryData): LetterSection {
  const { reviewDate, nextVisit } = data.followUp;
  const rows: { label: string; value: LetterRun[] }[] = [
    {
      label: 'Plan review',
      value: [text(reviewDate ? formatCalendarDate(reviewDate) : 'No review date set.')],
    },
    {
      label: 'Next visit',
      value: [
        text(
          nextVisit
            ? `${formatInstant(nextVisit, data.timeZone)} (${data.program.location})`
            : 'Not yet booked.',
        ),
      ],
    },
  ];
  if (data.program.phone) rows.push({ label: 'Contact', value: [text(data.program.phone)] });
  return { id: 'follow-up', heading: 'Follow-up', blocks: [{ kind: 'fields', rows }] };
}

/** The letter's content, in order, as plain text (escape it when rendering). */
export function visitSummaryLetter(data: VisitSummaryData): VisitSummaryLetter {
  const { patient, clinician, pcp, program } = data;
  const signedDate = formatDateInZone(data.signedAt, data.timeZone);
  const sections: LetterSection[] = [
    {
      id: 'reason',
      heading: 'Reason for visit',
      blocks: [para(text(data.reasons.trim() || 'No reason was recorded.'))],
    },
    assessmentSection(data),
    conditionsSection(data),
    medicationsSection(data),
    allergiesSection(data),
    findingsSection(data),
    therapiesSection(data),
    goalsSection(data),
    selfCareSection(data),
    supplementsSection(data),
  ];
  if (data.education.length)
    sections.push({
      id: 'education',
      heading: 'Reading given to the patient',
      blocks: [{ kind: 'list', items: data.education.map((e) => [text(e.title)]) }],
    });
  sections.push(followUpSection(data));

  const seenBy = clinician.discipline
    ? `${clinician.name} (${disciplineWords(clinician.discipline).toLowerCase()})`
    : clinician.name;
  return {
    title: `Visit summary: ${patient.name}, ${signedDate}`,
    heading: 'Integrative medicine visit summary',
    letterhead: [program.name, program.location, ...(program.phone ? [`Telephone ${program.phone}`] : [])],
    date: signedDate,
    recipient: pcp
      ? [
          pcp.name,
          pcp.organization,
          pcp.address,
          pcp.phone ? `Telephone ${pcp.phone}` : null,
          pcp.fax ? `Fax ${pcp.fax}` : null,
          pcp.email ? `Email ${pcp.email}` : null,
        ].filter((line): line is string => Boolean(line?.trim()))
      : ['The primary care provider'],
    patient: [
      { label: 'Patient', value: patient.name },
      { label: 'Date of birth', value: formatCalendarDate(patient.birthDate) },
      { label: 'Sex', value: capitalize(patient.sex) },
      { label: 'MRN', value: patient.mrn },
    ],
    salutation: salutationOf(pcp),
    opening: [
      `Your patient ${patient.name} was seen at ${program.name} by ${seenBy}. This letter summarizes ` +
        'the consultation, our assessment and the plan agreed with the patient. The plan is meant to ' +
        'complement the care you provide; please let us know of anything that should change it.',
    ],
    sections,
    closing: ['Thank you for your care of this patient.', 'Yours sincerely,'],
    signature: [
      clinician.name,
      ...(clinician.discipline ? [disciplineWords(clinician.discipline)] : []),
      program.name,
      `Signed electronically on ${formatInstant(data.signedAt, data.timeZone)}`,
    ],
    notice: decisionSupportNotice,
    reference: `Visit summary ${data.id} · consultation ${data.consultationId} · plan version ${data.plan.version}`,
  };
}

const styles = `
@page { margin: 20mm 18mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body { font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; max-width: 48em; margin: 0 auto; padding: 1.5em; }
header.letterhead { border-bottom: 2px solid #1f4e79; padding-bottom: 0.5em; margin-bottom: 1em; }
header.letterhead .program { font-size: 15pt; font-weight: bold; color: #1f4e79; }
header.letterhead .line { font-size: 9pt; color: #444; }
.date { margin: 0 0 1em; }
address { font-style: normal; margin-bottom: 1em; }
h1 { font-size: 14pt; margin: 1em 0 0.4em; }
h2 { font-size: 12pt; color: #1f4e79; border-bottom: 1px solid #c8d3e0; padding-bottom: 2px; margin: 1.3em 0 0.4em; }
h3 { font-size: 10.5pt; margin: 0.8em 0 0.2em; }
dl { display: grid; grid-template-columns: max-content 1fr; column-gap: 1em; row-gap: 0.15em; margin: 0.2em 0 0.5em; }
dt { font-weight: bold; }
dd { margin: 0; }
ul { margin: 0.2em 0 0.5em; padding-left: 1.3em; }
a { color: #1f4e79; overflow-wrap: anywhere; }
.signature { margin-top: 1.5em; }
.signature p { margin: 0.1em 0; }
footer { margin-top: 2em; padding-top: 0.5em; border-top: 1px solid #999; font-size: 8.5pt; color: #444; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, dl, .signature, footer { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`;

function runsHtml(runs: LetterRun[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.href) html = `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer">${html}</a>`;
      return run.bold ? `<strong>${html}</strong>` : html;
    })
    .join('');
}

function blockHtml(block: LetterBlock): string {
  switch (block.kind) {
    case 'subheading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('\n')}\n</ul>`;
    case 'fields':
      return `<dl>\n${block.rows
        .map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${runsHtml(row.value)}</dd>`)
        .join('\n')}\n</dl>`;
  }
}

/** The visit-summary letter as a complete, standalone, printable HTML5 document. */
export function visitSummaryLetterHtml(data: VisitSummaryData): string {
  const letter = visitSummaryLetter(data);
  const [program = '', ...letterheadLines] = letter.letterhead;
  const sections = letter.sections.map(
    (s) =>
      `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.blocks
        .map(blockHtml)
        .join('\n')}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(letter.title)}</title>
<style>${styles}</style>
</head>
<body>
<header class="letterhead">
<div class="program">${escapeHtml(program)}</div>
${letterheadLines.map((line) => `<div class="line">${escapeHtml(line)}</div>`).join('\n')}
</header>
<main>
<p class="date">${escapeHtml(letter.date)}</p>
<address>${letter.recipient.map(escapeHtml).join('<br>\n')}</address>
<h1>${escapeHtml(letter.heading)}</h1>
<dl class="patient">
${letter.patient.map((row) => `<dt>${escapeHtml(row.label)}</dt><dd>${escapeHtml(row.value)}</dd>`).join('\n')}
</dl>
<p>${escapeHtml(letter.salutation)}</p>
${letter.opening.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${sections.join('\n')}
<div class="signature">
${letter.closing.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${letter.signature.map((line, i) => `<p>${i === 0 ? `<strong>${escapeHtml(line)}</strong>` : escapeHtml(line)}</p>`).join('\n')}
</div>
</main>
<footer>
<p>${escapeHtml(letter.notice)}</p>
<p>${escapeHtml(letter.reference)}</p>
</footer>
</body>
</html>
`;
}
