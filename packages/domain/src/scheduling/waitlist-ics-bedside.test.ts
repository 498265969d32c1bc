import { describe, expect, it } from 'vitest';
import { precautionConditions, scoreChange } from './bedside.ts';
import { calendarFile } from './ics.ts';
import { offerExpiry, rankWaitlist } from './waitlist.ts';

describe('waitlist', () => {
  it('puts urgent before soon before routine, and the longest wait first within a priority', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
    const ranked = rankWaitlist([
      { id: 'a', priority: 'routine' as const, createdAt: at(1) },
      { id: 'b', priority: 'urgent' as const, createdAt: at(5) },
      { id: 'c', priority: 'soon' as const, createdAt: at(2) },
      { id: 'd', priority: 'urgent' as const, createdAt: at(3) },
    ]);
    expect(ranked.map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('keeps an offer open 12 hours, or until an hour before the visit, and not at all when too late', () => {
    const now = new Date('2026-11-22T20:00:00Z');
    expect(offerExpiry(now, new Date('2026-11-25T16:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(offerExpiry(now, new Date('2026-11-22T23:00:00Z'))?.toISOString()).toBe(
      '2026-11-22T22:00:00.000Z',
    );
    expect(offerExpiry(now, new Date('2026-11-22T21:10:00Z'))).toBeNull();
  });
});

describe('calendar file', () => {
  it('writes a valid event in UTC with escaped text and folded long lines', () => {
    const ics = calendarFile({
      uid: 'abc@meridian',
      start: new Date('2026-11-25T17:00:00Z'),
      end: new Date('2026-11-25T18:00:00Z'),
      stamp: new Date('2026-11-22T20:00:00Z'),
      summary: 'Acupuncture, with Mei Chen; LAc',
      location: 'Meridian Integrative Health — Phoenix, Acupuncture 1',
      description: `Please arrive 10 minutes early.\nWear loose clothing. ${'Long text '.repeat(10)}`,
    });
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20261125T170000Z');
    expect(lines).toContain('DTEND:20261125T180000Z');
    expect(lines).toContain('SUMMARY:Acupuncture\\, with Mei Chen\\; LAc');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const octets = (line: string) =>
      [...line].reduce(
        (n, ch) => n + (ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : 3),
        0,
      );
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    // Unfolding gives back the escaped description.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Please arrive 10 minutes early.\\nWear loose clothing.');
  });
});

describe('bedside precautions', () => {
  it('maps precautions to knowledge-base conditions where one matches', () => {
    expect(
      precautionConditions(['chest-drain', 'surgical-wound', 'pressure-injury', 'low-platelets']),
    ).toEqual(['open-wound', 'thrombocytopenia']);
    expect(scoreChange(7, 4)).toBe(-3);
    expect(scoreChange(null, 4)).toBeNull();
  });
});
