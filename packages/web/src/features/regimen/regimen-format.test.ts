import { describe, expect, it } from 'vitest';
import { doseAndFrequency, emptyDraft, joinNames, toNewItem, validateDraft } from './regimen-format.ts';

describe('validateDraft', () => {
  it('requires a name and checks the limits and the date', () => {
    expect(validateDraft(emptyDraft('medicine'))).toEqual({ text: 'Write the name.' });
    const draft = {
      ...emptyDraft('supplement'),
      text: 'ginkgo',
      dose: 'x'.repeat(101),
      startedOn: '2026-02-30',
    };
    expect(Object.keys(validateDraft(draft)).sort()).toEqual(['dose', 'startedOn']);
    expect(validateDraft({ ...emptyDraft('medicine'), text: 'sertraline', startedOn: '2026-01-15' })).toEqual(
      {},
    );
  });
});

describe('toNewItem', () => {
  it('trims and leaves out empty optional fields', () => {
    expect(toNewItem({ ...emptyDraft('medicine'), text: ' sertraline ', dose: ' 50 mg ' })).toEqual({
      category: 'medicine',
      text: 'sertraline',
      dose: '50 mg',
    });
  });
});

describe('doseAndFrequency', () => {
  it('joins what was recorded', () => {
    expect(doseAndFrequency('50 mg', 'once daily')).toBe('50 mg, once daily');
    expect(doseAndFrequency(null, 'as needed')).toBe('as needed');
    expect(doseAndFrequency(null, ' ')).toBe('—');
  });
});

describe('joinNames', () => {
  it('reads as a sentence', () => {
    expect(joinNames(['ibuprofen'])).toBe('ibuprofen');
    expect(joinNames(['ibuprofen', 'ginkgo'])).toBe('ibuprofen and ginkgo');
    expect(joinNames(['ibuprofen', 'ginkgo', 'fish oil'])).toBe('ibuprofen, ginkgo, and fish oil');
  });
});
