import { describe, expect, it } from 'vitest';
// The knowledge base's therapy list, read as data: the web is type-checked without Node's modules.
import therapies from '../../../../knowledge/data/therapies/therapies.json' with { type: 'json' };
import { commonTherapies, therapyLabelFromId, therapyOptions } from './therapy-options.ts';

describe('therapy options', () => {
  it('offers only therapies the knowledge base has, under its names', () => {
    const names = new Map(therapies.map((t) => [t.id, t.name]));
    for (const t of commonTherapies) expect(names.get(t.value), t.value).toBe(t.label);
  });

  it('adds therapies found by typing and chosen ones, each once', () => {
    const options = therapyOptions(new Map([['tens', 'Transcutaneous electrical nerve stimulation']]), [
      'acupuncture',
      'operant-therapy',
    ]);
    expect(options.filter((o) => o.value === 'acupuncture')).toHaveLength(1);
    expect(options.at(-2)).toEqual({ value: 'tens', label: 'Transcutaneous electrical nerve stimulation' });
    expect(options.at(-1)).toEqual({ value: 'operant-therapy', label: 'Operant therapy' });
    expect(therapyLabelFromId('tai-chi')).toBe('Tai chi');
  });
});
