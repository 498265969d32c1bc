import type { VisitSummaryData } from '@meridian/domain';
import PDFDocument from 'pdfkit';
import { type LetterBlock, type LetterRun, visitSummaryLetter } from './letter-html.ts';

// The visit-summary letter as PDF: the same content and order as the HTML letter (both render
// `visitSummaryLetter`), in the standard Helvetica fonts, with "Page n of m" and the decision-support
// notice in the footer of every page.

// Unicode code points outside Latin-1 that WinAnsiEncoding has (pdfkit maps them to their codes).
const winAnsiExtras = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x201a, 0x201e,
  0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const replacements: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '‘': "'",
  '’': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '‟': '"',
  '″': '"',
  '‚': ',',
  '„': '"',
  '\t': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u2060': '',
  '\ufeff': '',
  μ: 'µ',
  '✓': 'yes',
  '✔': 'yes',
};

function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    winAnsiExtras.has(codePoint)
  );
}

/**
 * Text the standard PDF fonts can show (WinAnsiEncoding): "≤" → "<=", "≥" → ">=", "→" → "->", curly
 * quotes → straight, accents outside Latin-1 dropped ("ō" → "o"), anything else "?" (e.g. "ł", "温").
 */
export function toWinAnsi(input: string): string {
  let out = '';
  for (const char of input.normalize('NFC')) {
    const replaced = replacements[char];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    const codePoint = char.codePointAt(0)!;
    if (isWinAnsi(codePoint)) {
      out += char;
      continue;
    }
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue; // control characters
    const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += folded && [...folded].every((c) => isWinAnsi(c.codePointAt(0)!)) ? folded : '?';
  }
  return out;
}

const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
const colors = { text: '#111111', muted: '#444444', accent: '#1f4e79', link: '#1f4e79', rule: '#c8d3e0' };
const margins = { top: 56, bottom: 76, left: 60, right: 60 };

export interface LetterPdfOptions {
  /** Compress the page content streams (default true; tests turn it off to read the text). */
  compress?: boolean;
  /** Paper size (default US Letter). */
  size?: 'LETTER' | 'A4';
}

/** The visit-summary letter as a PDF. Deterministic: the creation date is the signing time. */
export function visitSummaryLetterPdf(
  data: VisitSummaryData,
  options: LetterPdfOptions = {},
): Promise<Buffer> {
  const letter = visitSummaryLetter(data);
  const signedAt = new Date(data.signedAt);
  const doc = new PDFDocument({
    size: options.size ?? 'LETTER',
    margins,
    compress: options.compress ?? true,
    bufferPages: true,
    lang: 'en-US',
    displayTitle: true,
    // pdfkit derives the file ID from this info (an MD5 of it), so fixed info gives a fixed ID.
    info: {
      Title: letter.title,
      Author: data.program.name,
      Subject: letter.heading,
      Creator: data.program.name,
      CreationDate: signedAt,
      ModDate: signedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const bottomLimit = () => doc.page.height - margins.bottom;
  /** Starts a new page when less than `height` points are left, so a heading keeps its first lines. */
  const keepSpace = (height: number) => {
    if (doc.y + height > bottomLimit()) doc.addPage();
  };
  const line = (text: string, font: string, size: number, color = colors.text) => {
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(text), left, doc.y, { width });
  };
  const runs = (items: LetterRun[], x: number, w: number, size = 10) => {
    const list = items.filter((r) => r.text.length > 0);
    doc.fontSize(size);
    list.forEach((run, i) => {
      doc.font(run.bold ? fonts.bold : fonts.regular).fillColor(run.href ? colors.link : colors.text);
      const opts = {
        width: w,
        continued: i < list.length - 1,
        link: run.href ?? null,
        underline: Boolean(run.href),
        lineGap: 1.5,
      };
      if (i === 0) doc.text(toWinAnsi(run.text), x, doc.y, opts);
      else doc.text(toWinAnsi(run.text), opts);
    });
    doc.fillColor(colors.text);
  };
  const block = (b: LetterBlock) => {
    switch (b.kind) {
      case 'subheading':
        keepSpace(60);
        doc.moveDown(0.3);
        line(b.text, fonts.bold, 10.5);
        doc.moveDown(0.15);
        return;
      case 'paragraph':
        runs(b.runs, left, width);
        doc.moveDown(0.4);
        return;
      case 'list':
        for (const item of b.items) {
          keepSpace(14);
          const y = doc.y;
          doc
            .font(fonts.regular)
            .fontSize(10)
            .fillColor(colors.text)
            .text('•', left + 4, y, { lineBreak: false });
          doc.y = y;
          runs(item, left + 16, width - 16);
          doc.moveDown(0.15);
        }
        doc.moveDown(0.3);
        return;
      case 'fields':
        for (const row of b.rows) {
          keepSpace(14);
          runs([{ text: `${row.label}: `, bold: true }, ...row.value], left, width);
          doc.moveDown(0.1);
        }
        doc.moveDown(0.3);
        return;
    }
  };

  // Letterhead.
  const [program = '', ...letterheadLines] = letter.letterhead;
  line(program, fonts.bold, 16, colors.accent);
  for (const l of letterheadLines) line(l, fonts.regular, 9, colors.muted);
  doc.moveDown(0.3);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1.5)
    .strokeColor(colors.accent)
    .stroke();
  doc.moveDown(1);

  line(letter.date, fonts.regular, 10);
  doc.moveDown(0.8);
  for (const l of letter.recipient) line(l, fonts.regular, 10);
  doc.moveDown(0.8);
  line(letter.heading, fonts.bold, 14);
  doc.moveDown(0.3);
  for (const row of letter.patient) {
    runs([{ text: `${row.label}: `, bold: true }, { text: row.value }], left, width);
  }
  doc.moveDown(0.8);
  line(letter.salutation, fonts.regular, 10);
  doc.moveDown(0.5);
  for (const p of letter.opening) {
    runs([{ text: p }], left, width);
    doc.moveDown(0.4);
  }

  for (const section of letter.sections) {
    // The heading stays with its first lines (a subheading and a few fields).
    keepSpace(section.blocks[0]?.kind === 'subheading' ? 120 : 75);
    doc.moveDown(0.5);
    line(section.heading, fonts.bold, 12, colors.accent);
    const ruleY = doc.y + 1;
    doc
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke();
    doc.y = ruleY + 4;
    for (const b of section.blocks) block(b);
  }

  // Closing, signature and reference stay together.
  keepSpace(125);
  doc.moveDown(0.8);
  for (const p of letter.closing) {
    line(p, fonts.regular, 10);
    doc.moveDown(0.3);
  }
  doc.moveDown(0.5);
  letter.signature.forEach((l, i) => {
    line(l, i === 0 ? fonts.bold : fonts.regular, 10);
  });
  doc.moveDown(1);
  line(letter.reference, fonts.regular, 7.5, colors.muted);

  // Footer on every page: the notice, who the letter is about, and "Page n of m".
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const top = doc.page.height - margins.bottom + 18;
    doc
      .moveTo(left, top - 6)
      .lineTo(left + width, top - 6)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke();
    doc
      .font(fonts.regular)
      .fontSize(7.5)
      .fillColor(colors.muted)
      .text(toWinAnsi(letter.notice), left, top, { width, lineGap: 1 });
    const footerLine = `${data.patient.name} · MRN ${data.patient.mrn}`;
    const pageY = doc.y + 3;
    doc.text(toWinAnsi(footerLine), left, pageY, { width, lineBreak: false });
    doc.text(`Page ${i - start + 1} of ${count}`, left, pageY, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }

  doc.end();
  return done;
}
