import { describe, expect, it } from 'vitest';
import type { RegimenItem, SafetyCheckResult } from '../../api/types.ts';
import { checkInput, describePreview, maxCheckItems, previewInputs } from './draft-preview.ts';

function item(text: string, category: RegimenItem['category'], over: Partial<RegimenItem> = {}): RegimenItem {
  return {
    id: text,
    category,
    text,
    dose: null,
    frequency: null,
    startedOn: null,
    status: 'active',
    resolved: null,
    enteredBy: 'clinician',
    addedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

const finding = (items: string[], severity: 'major' | 'minor' = 'major') => ({
  severity,
  kind: 'drug-supplement',
  basis: 'documented' as const,
  items,
  summary: 's',
  mechanism: 'm',
  management: 'g',
  evidence: 'clinical-study',
  sources: [],
  ref: 'r',
});

describe('checkInput and previewInputs', () => {
  it('prefixes therapies and conditions', () => {
    expect(checkInput('condition', ' fibromyalgia ')).toBe('condition:fibromyalgia');
    expect(checkInput('therapy', 'massage')).toBe('therapy:massage');
    expect(checkInput('supplement', 'ginkgo')).toBe('ginkgo');
  });

  it('sends active items then the draft, within the limit', () => {
    const items = [item('sertraline', 'medicine'), item('ibuprofen', 'medicine', { status: 'stopped' })];
    expect(previewInputs(items, 'ginkgo')).toEqual(['sertraline', 'ginkgo']);
    const many = Array.from({ length: 150 }, (_, i) => item(`m${i}`, 'medicine'));
    const inputs = previewInputs(many, 'draft');
    expect(inputs).toHaveLength(maxCheckItems);
    expect(inputs.at(-1)).toBe('draft');
  });
});

describe('describePreview', () => {
  const items = [
    item('sertraline', 'medicine', { resolved: { id: 'sertraline', name: 'Sertraline', kind: 'medicine' } }),
  ];

  it('lists only the findings that involve the draft, with names', () => {
    const result: SafetyCheckResult = {
      resolved: [
        { input: 'sertraline', id: 'sertraline', name: 'Sertraline', kind: 'medicine' },
        { input: 'hypericum', id: 'st-johns-wort', name: "St John's wort", kind: 'herb' },
      ],
      unresolved: [],
      findings: [finding(['sertraline', 'st-johns-wort']), finding(['sertraline', 'other'], 'minor')],
    };
    const outcome = describePreview(result, 'hypericum', items);
    expect(outcome).toMatchObject({ status: 'resolved', name: "St John's wort", alreadyListed: false });
    if (outcome.status !== 'resolved') throw new Error('expected resolved');
    expect(outcome.findings.map((f) => f.itemNames)).toEqual([['Sertraline', "St John's wort"]]);
  });

  it('accepts findings whose items carry names', () => {
    const result: SafetyCheckResult = {
      resolved: [{ input: 'zoloft', id: 'sertraline', name: 'Sertraline', kind: 'medicine' }],
      unresolved: [],
      findings: [{ ...finding([]), items: [{ id: 'sertraline', name: 'Sertraline' }] }],
    };
    const outcome = describePreview(result, 'zoloft', items);
    expect(outcome).toMatchObject({ status: 'resolved', alreadyListed: true });
    if (outcome.status === 'resolved') expect(outcome.findings[0]?.itemNames).toEqual(['Sertraline']);
  });

  it('reports an unrecognised draft with its suggestions, never as safe', () => {
    const result: SafetyCheckResult = {
      resolved: [],
      unresolved: [{ input: 'sertralin', suggestions: ['Sertraline'] }],
      findings: [],
    };
    expect(describePreview(result, 'sertralin', items)).toEqual({
      status: 'unresolved',
      suggestions: ['Sertraline'],
    });
    expect(describePreview(result, 'something else', items)).toEqual({ status: 'unknown' });
  });
});
