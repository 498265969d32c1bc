import { describe, expect, it } from 'vitest';
import { missingText, waitedFor } from './waitlist-format.ts';

describe('waitlist wording', () => {
  it('says what paperwork is missing', () => {
    expect(missingText(['referral'])).toBe('Needs a referral');
    expect(missingText(['referral', 'prior_authorisation'])).toBe(
      'Needs a referral and a prior authorisation',
    );
    expect(missingText([])).toBe('Nothing missing');
  });

  it('says how long someone has waited in whole days', () => {
    const now = new Date('2026-11-22T20:00:00Z');
    expect(waitedFor('2026-11-22T08:00:00Z', now)).toBe('today');
    expect(waitedFor('2026-11-21T19:00:00Z', now)).toBe('1 day');
    expect(waitedFor('2026-11-10T20:00:00Z', now)).toBe('12 days');
  });
});
