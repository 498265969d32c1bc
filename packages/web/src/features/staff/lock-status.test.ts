import { describe, expect, it } from 'vitest';
import { lockStatus } from './lock-status.ts';

const now = new Date('2025-06-03T12:00:00Z');

describe('lockStatus', () => {
  it('is unlocked without a lock time or once it has passed', () => {
    expect(lockStatus(null, now)).toEqual({ locked: false, label: 'Not locked' });
    expect(lockStatus('2025-06-03T11:59:59Z', now).locked).toBe(false);
    expect(lockStatus('garbage', now).locked).toBe(false);
  });

  it('is locked until a future instant, named in UTC', () => {
    expect(lockStatus('2025-06-03T12:15:00Z', now)).toEqual({
      locked: true,
      label: 'Locked until 2025-06-03 12:15:00 UTC',
    });
  });
});
