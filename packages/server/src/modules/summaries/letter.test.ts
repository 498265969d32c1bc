import { decisionSupportNotice, sampleVisitSummary, type VisitSummaryData } from '@meridian/domain';
import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref, visitSummaryLetterHtml } from './letter-html.ts';
import { toWinAnsi, visitSummaryLetterPdf } from './letter-pdf.ts';
import { patientPlanSummary } from './patient-summary.ts';

const sample = sampleVisitSummary;
const variant = (change: Partial<VisitSummaryData>): VisitSummaryData => ({ ...sample, ...change });

/** The text an uncompressed pdfkit PDF shows: its TJ arrays of hex strings, one per line, joined. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/\[([^\]]*)\] TJ/g)) {
    let line = '';
    for (const hex of m[1]!.matchAll(/<([0-9a-f]*)>/g))
      line += Buffer.from(hex[1]!, 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

describe('visit-summary letter (HTML)', () => {
  const html = visitSummaryLetterHtml(sample);

  it('is a standalone HTML5 document with print styles and no scripts or external assets', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>Visit summary: Maria Lopez, November 20, 2026<\/title>/);
    expect(html).toContain('@page');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|src=|@import/i);
  });

  it('has every section, in order, addressed to the PCP', () => {
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Reason for visit',
      'Assessment',
      'Conditions',
      'Medications and supplements',
      'Allergies',
      'Safety findings',
      'Recommended therapies',
      'Goals',
      'Self-care',
      'Supplements to start or stop',
      'Reading given to the patient',
      'Follow-up',
    ]);
    expect(html).toContain('Dear Dr. Alan Reyes,');
    expect(html).toContain('Desert Family Practice');
    expect(html).toContain('<strong>Dr. Priya Patel, MD</strong>');
    expect(html).toContain(`<footer>\n<p>${escapeHtml(decisionSupportNotice)}</p>`);
  });

  it('shows the data: formulation, codes, unverified items, allergies, findings, therapies, goals', () => {
    expect(html).toContain('<dt>Biological</dt><dd>Deconditioning after a lifting injury.</dd>');
    expect(html).not.toContain('<dt>Social</dt>');
    expect(html).toContain('ICD-10-CM M54.50 (Low back pain, unspecified)');
    expect(html).toContain(
      'St John&#39;s wort</strong>, 300 mg, three times a day — reported by patient, not yet verified',
    );
    expect(html).not.toMatch(/sertraline<\/strong>[^<]*not yet verified/);
    expect(html).toContain('<strong>Penicillin</strong> — reaction: Hives, severity: moderate');
    expect(html).toContain('Major: sertraline + St John&#39;s wort');
    expect(html).toContain('Stop St John&#39;s wort; do not combine with SSRIs.');
    expect(html).toContain('<a href="https://www.nccih.nih.gov/health/st-johns-wort"');
    expect(html).toContain('Advised to stop St John&#39;s wort; discussed with patient.');
    expect(html).toContain('PEG ≤ 4 by 12 weeks');
    expect(html).toContain('<dt>Due</dt><dd>February 12, 2027</dd>');
    expect(html).toContain('Ten minutes of paced breathing');
    expect(html).toContain('<strong>Stop: St John&#39;s wort</strong> — Interacts with sertraline.');
  });

  it("gives each therapy its frequency, sessions, the guideline's grade and source, and cautions", () => {
    for (const t of sample.therapies) {
      expect(html).toContain(`<h3>${t.therapy.name}</h3>`);
      expect(html).toContain(`<dt>Frequency</dt><dd>${t.frequency}</dd>`);
      expect(html).toContain(`<dt>Sessions</dt><dd>${t.sessions}</dd>`);
      if (t.evidence) {
        expect(html).toContain(`${t.evidence.grade} (${t.evidence.guideline})`);
        expect(html).toContain(
          `<a href="${t.evidence.source}" rel="noopener noreferrer">${t.evidence.source}</a>`,
        );
      }
      for (const c of t.cautions) expect(html).toContain(c);
    }
    expect(html).toContain('strong recommendation; low-quality evidence');
    expect(html).toContain('No guideline grade recorded.');
  });

  it('escapes every piece of data', () => {
    expect(html).not.toContain('<and>');
    expect(html).toContain('two years &lt;and&gt; poor sleep');
    const hostile = visitSummaryLetterHtml(
      variant({
        patient: { ...sample.patient, name: '<script>alert(1)</script>' },
        conditions: [{ id: null, name: 'a "quoted" & <b>bold</b>', codes: [] }],
      }),
    );
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('a &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  it('links only http(s) addresses; others are shown as text', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org')).toBe('http://example.org');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    const [finding] = sample.findings;
    const html2 = visitSummaryLetterHtml(
      variant({ findings: [{ ...finding!, sources: ['javascript:alert(1)', 'https://ok.example/x'] }] }),
    );
    expect(html2).not.toContain('href="javascript:');
    expect(html2).toContain('javascript:alert(1)');
    expect(html2).toContain('<a href="https://ok.example/x"');
  });

  it('shows times in the location zone with the zone named, and dates as dates', () => {
    // nextVisit 16:00 UTC is 9:00 in Phoenix (MST all year); signed 17:30 UTC is 10:30 there.
    expect(html).toContain('Friday, November 27, 2026 at 9:00 AM MST');
    expect(html).toContain('Signed electronically on Friday, November 20, 2026 at 10:30 AM MST');
    expect(html).toContain('<dt>Plan review</dt><dd>February 12, 2027</dd>');
    const ny = visitSummaryLetterHtml(variant({ timeZone: 'America/New_York' }));
    expect(ny).toContain('Friday, November 27, 2026 at 11:00 AM EST');
  });

  it('addresses the primary care provider when none is on file, and handles empty lists', () => {
    const bare = visitSummaryLetterHtml(
      variant({
        pcp: null,
        allergies: [],
        noKnownAllergies: true,
        findings: [],
        formulation: {},
        education: [],
        followUp: { reviewDate: null, nextVisit: null },
      }),
    );
    expect(bare).toContain('To the primary care provider,');
    expect(bare).toContain('No known allergies.');
    expect(bare).toContain('No formulation was recorded.');
    expect(bare).toContain('found no interactions or precautions');
    expect(bare).toContain('Not yet booked.');
    expect(bare).not.toContain('Reading given to the patient');
    const unknown = visitSummaryLetterHtml(variant({ allergies: [], noKnownAllergies: false }));
    expect(unknown).toContain('Allergies were not recorded at this visit.');
    expect(unknown).not.toContain('No known allergies');
  });
});

describe('visit-summary letter (PDF)', () => {
  it('is a PDF with the letter text, page numbers, the notice and deterministic info', async () => {
    const pdf = await visitSummaryLetterPdf(sample, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Maria Lopez');
    expect(text).toContain('Acupuncture');
    expect(text).toContain(decisionSupportNotice);
    expect(text).toContain('strong recommendation; low-quality evidence');
    expect(text).toContain('ICD-10-CM M54.50');
    expect(text).toContain('reported by patient, not yet verified');
    expect(text).toContain('two years <and> poor sleep');
    expect(text).toContain('PEG <= 4 by 12 weeks');
    expect(text).toContain('9:00 AM MST');
    expect(text).toMatch(/Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // Same order as the HTML.
    const order = ['Reason for visit', 'Assessment', 'Safety findings', 'Recommended therapies', 'Follow-up'];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    const raw = pdf.toString('latin1');
    const info = (key: string) => {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw)?.[1];
      return ref ? new RegExp(`\\n${ref} 0 obj\\n(.*)\\n`).exec(raw)?.[1] : undefined;
    };
    expect(info('Author')).toBe('(Meridian Integrative Medicine)');
    expect(info('Title')).toBe('(Visit summary: Maria Lopez, November 20, 2026)');
    expect(info('CreationDate')).toBe('(D:20261120173000Z)');
  });

  it('is the same bytes for the same data', async () => {
    const [a, b] = await Promise.all([visitSummaryLetterPdf(sample), visitSummaryLetterPdf(sample)]);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
  });
});

describe('toWinAnsi', () => {
  it('turns characters the standard fonts lack into close ASCII', () => {
    expect(toWinAnsi('PEG ≤ 4, sleep ≥ 7 h')).toBe('PEG <= 4, sleep >= 7 h');
    expect(toWinAnsi('pain → function')).toBe('pain -> function');
    expect(toWinAnsi('‘single’ “double”')).toBe('\'single\' "double"');
    expect(toWinAnsi('Hochschule München, café, naïve')).toBe('Hochschule München, café, naïve');
    expect(toWinAnsi('cafe\u0301')).toBe('café');
    expect(toWinAnsi('Łódź Kōhei')).toBe('?ódz Kohei');
    expect(toWinAnsi('5 μg; 9:00\u202fAM')).toBe('5 µg; 9:00 AM');
    expect(toWinAnsi('a — b – c • d … €5')).toBe('a — b – c • d … €5');
    expect(toWinAnsi('温 😀')).toBe('? ?');
  });
});

describe('patient plan summary', () => {
  const summary = patientPlanSummary(sample);
  const all = JSON.stringify(summary);

  it('is plain language with no codes or grades', () => {
    expect(all).not.toContain('M54.50');
    expect(all).not.toMatch(/ICD|SNOMED|icd-10/i);
    expect(all).not.toContain('recommendation');
    expect(all).not.toContain('serotonin');
    expect(summary.intro).toContain('Hi Maria.');
    expect(summary.notice).toContain('911');
  });

  it('has the goals with their dates, therapies, self-care, supplements, safety and next steps', () => {
    const section = (heading: string) => summary.sections.find((s) => s.heading === heading)?.items ?? [];
    expect(section('Your goals')).toEqual([
      "By February 12, 2027: Get through the work day with less pain — we'll check with PEG every 2 weeks",
    ]);
    expect(section('Your therapies')).toContain('Acupuncture once a week, 6 visits');
    expect(section('Your therapies')).toContain('Yoga: Avoid deep forward bends for now.');
    expect(section('Things to do yourself')).toEqual(['Ten minutes of paced breathing, every day']);
    expect(section('Supplements')).toEqual(["Stop taking St John's wort. Why: Interacts with sertraline."]);
    expect(section('Staying safe')).toEqual([
      "Important: talk to your care team before taking sertraline with St John's wort.",
    ]);
    expect(section('Things to read')).toEqual(['Sleep hygiene: habits for better sleep']);
    expect(section('Next steps')).toContain('Your next visit: Friday, November 27, 2026 at 9:00 AM MST.');
    expect(section('Next steps')).toContain('We will look at how your plan is going on February 12, 2027.');
  });

  it('leaves out sections with nothing in them', () => {
    const bare = patientPlanSummary({ ...sample, findings: [], education: [], supplements: [] });
    const headings = bare.sections.map((s) => s.heading);
    expect(headings).not.toContain('Staying safe');
    expect(headings).not.toContain('Things to read');
    expect(headings).not.toContain('Supplements');
  });
});
