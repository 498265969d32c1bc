import { describe, expect, it } from 'vitest';
import { adjustProblem } from './adjust-plan.ts';

describe('adjusting the plan', () => {
  it('needs a change and a reason of at least three characters', () => {
    expect(adjustProblem('Better sleep first', false)).toMatchObject({ field: 'content' });
    expect(adjustProblem('  ok ', true)).toMatchObject({ field: 'reason' });
    expect(adjustProblem('x'.repeat(2001), true)).toMatchObject({ field: 'reason' });
    expect(adjustProblem('Pain better; fewer sessions', true)).toBeNull();
  });
});
