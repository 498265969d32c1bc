import { describe, expect, it } from 'vitest';
import type { ReconciledItem } from './consultation-types.ts';
import { reconciliationGroups, regimenFingerprint } from './reconciliation.ts';
import { channelOptions, defaultChannel } from './sign-format.ts';

const item = (id: string, category: ReconciledItem['category'], verified: boolean, status = 'active') =>
  ({
    id,
    category,
    text: id,
    dose: null,
    frequency: null,
    startedOn: null,
    status,
    resolved: null,
    enteredBy: 'patient',
    addedAt: '2026-01-01T00:00:00Z',
    verified,
  }) as ReconciledItem;

describe('reconciliation', () => {
  it('lists what is taken with the unconfirmed first, and counts what signing waits for', () => {
    const groups = reconciliationGroups([
      item('sertraline', 'medicine', true),
      item('ginkgo', 'supplement', false),
      item('fibromyalgia', 'condition', false),
      item('old', 'medicine', false, 'stopped'),
      item('ibuprofen', 'medicine', false),
    ]);
    expect(groups.taken.map((i) => i.id)).toEqual(['ginkgo', 'ibuprofen', 'sertraline']);
    expect(groups.conditions.map((i) => i.id)).toEqual(['fibromyalgia']);
    expect(groups.unverified).toBe(2);
  });

  it('changes its fingerprint when an item is confirmed or stopped, or a finding appears', () => {
    const before = regimenFingerprint({ items: [item('a', 'medicine', false)], findings: [] });
    expect(regimenFingerprint({ items: [item('a', 'medicine', false)], findings: [] })).toBe(before);
    expect(regimenFingerprint({ items: [item('a', 'medicine', true)], findings: [] })).not.toBe(before);
    expect(regimenFingerprint({ items: [item('a', 'medicine', false)], findings: [{ id: 'f' }] })).not.toBe(
      before,
    );
  });
});

describe('sending the summary', () => {
  it('defaults to fax when the provider has one, and offers not sending', () => {
    expect(defaultChannel({ fax: '602-555-0151', email: 'a@b.org' })).toBe('fax');
    expect(defaultChannel({ fax: null, email: 'a@b.org' })).toBe('secure-email');
    expect(defaultChannel({})).toBe('mail');
    expect(defaultChannel(null)).toBe('');
    expect(channelOptions(null)).toEqual([{ value: '', label: 'Do not send now' }]);
    expect(channelOptions({ fax: 'x' }).map((o) => o.value)).toEqual([
      'fax',
      'secure-email',
      'mail',
      'portal',
      'hand',
      '',
    ]);
  });
});
