// Audit filters live in the URL so a reviewer can bookmark or share a search.
// Dates are entered as calendar days and read as whole UTC days, matching the
// UTC times shown in the table.

export interface AuditFilters {
  patientId: string;
  userId: string;
  action: string;
  /** YYYY-MM-DD, first UTC day included, or '' */
  from: string;
  /** YYYY-MM-DD, last UTC day included, or '' */
  to: string;
}

export const emptyAuditFilters: AuditFilters = { patientId: '', userId: '', action: '', from: '', to: '' };

const filterKeys = ['patientId', 'userId', 'action', 'from', 'to'] as const;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDateInput(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The first ('start') or last ('end') instant of a UTC calendar day, or null when not a date. */
export function dateInputToInstant(value: string, edge: 'start' | 'end'): string | null {
  if (!isValidDateInput(value)) return null;
  return edge === 'start' ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`;
}

export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const filters = { ...emptyAuditFilters };
  for (const key of filterKeys) filters[key] = params.get(key)?.trim() ?? '';
  return filters;
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  return params;
}

/** The reason the filters cannot be used, or null when they are fine. */
export function validateAuditFilters(filters: AuditFilters): string | null {
  if (filters.from !== '' && !isValidDateInput(filters.from)) return 'The "From" date is not a valid date.';
  if (filters.to !== '' && !isValidDateInput(filters.to)) return 'The "To" date is not a valid date.';
  if (filters.from !== '' && filters.to !== '' && filters.from > filters.to) {
    return 'The "From" date must be on or before the "To" date.';
  }
  return null;
}

export interface AuditPaging {
  limit?: number;
  before?: string | null;
}

/** The query string the audit endpoints take, with day inputs widened to ISO instants. */
export function auditQueryString(filters: AuditFilters, paging: AuditPaging = {}): string {
  const params = new URLSearchParams();
  for (const key of ['patientId', 'userId', 'action'] as const) {
    const value = filters[key].trim();
    if (value !== '') params.set(key, value);
  }
  const from = dateInputToInstant(filters.from, 'start');
  const to = dateInputToInstant(filters.to, 'end');
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (paging.limit !== undefined) params.set('limit', String(paging.limit));
  if (paging.before) params.set('before', paging.before);
  return params.toString();
}
