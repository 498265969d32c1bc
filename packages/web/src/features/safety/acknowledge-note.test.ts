import { describe, expect, it } from 'vitest';
import { acknowledgeNoteError } from './acknowledge-note.ts';

describe('acknowledgeNoteError', () => {
  it('requires 3 to 2000 characters after trimming', () => {
    expect(acknowledgeNoteError('   ')).toMatch(/note/);
    expect(acknowledgeNoteError(' ok ')).toMatch(/at least 3/);
    expect(acknowledgeNoteError('Discussed; stopping ginkgo.')).toBeNull();
    expect(acknowledgeNoteError('x'.repeat(2001))).toMatch(/at most 2000/);
  });
});
