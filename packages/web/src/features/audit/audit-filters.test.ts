import { describe, expect, it } from 'vitest';
import {
  auditQueryString,
  dateInputToInstant,
  emptyAuditFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  isValidDateInput,
  validateAuditFilters,
} from './audit-filters.ts';

describe('dateInputToInstant', () => {
  it('widens a day to its first and last UTC instants', () => {
    expect(dateInputToInstant('2025-06-03', 'start')).toBe('2025-06-03T00:00:00.000Z');
    expect(dateInputToInstant('2025-06-03', 'end')).toBe('2025-06-03T23:59:59.999Z');
  });

  it('rejects anything that is not a real calendar day', () => {
    expect(dateInputToInstant('', 'start')).toBeNull();
    expect(dateInputToInstant('2025-02-30', 'start')).toBeNull();
    expect(isValidDateInput('2024-02-29')).toBe(true);
    expect(isValidDateInput('06/03/2025')).toBe(false);
  });
});

describe('auditQueryString', () => {
  it('sends only the filters that are set, with dates as instants', () => {
    const query = auditQueryString(
      { patientId: ' p1 ', userId: '', action: 'break_glass', from: '2025-06-01', to: '2025-06-03' },
      { limit: 50, before: 'cursor-1' },
    );
    const params = new URLSearchParams(query);
    expect(Object.fromEntries(params)).toEqual({
      patientId: 'p1',
      action: 'break_glass',
      from: '2025-06-01T00:00:00.000Z',
      to: '2025-06-03T23:59:59.999Z',
      limit: '50',
      before: 'cursor-1',
    });
  });

  it('is empty with no filters and no paging', () => {
    expect(auditQueryString(emptyAuditFilters)).toBe('');
    expect(auditQueryString(emptyAuditFilters, { before: null })).toBe('');
  });
});

describe('search params round trip', () => {
  it('keeps the entered values, leaving out empty ones', () => {
    const filters = { ...emptyAuditFilters, userId: 'u-7', from: '2025-06-01' };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('userId=u-7&from=2025-06-01');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });
});

describe('validateAuditFilters', () => {
  it('accepts empty and well-ordered ranges', () => {
    expect(validateAuditFilters(emptyAuditFilters)).toBeNull();
    expect(validateAuditFilters({ ...emptyAuditFilters, from: '2025-06-01', to: '2025-06-01' })).toBeNull();
  });

  it('explains bad dates and reversed ranges', () => {
    expect(validateAuditFilters({ ...emptyAuditFilters, from: '2025-13-01' })).toMatch(/From/);
    expect(validateAuditFilters({ ...emptyAuditFilters, from: '2025-06-02', to: '2025-06-01' })).toMatch(
      /on or before/,
    );
  });
});
