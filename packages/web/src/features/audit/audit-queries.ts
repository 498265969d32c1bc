import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AuditPage } from '../../api/types.ts';
import { type AuditFilters, auditQueryString } from './audit-filters.ts';

export const auditPageSize = 50;

export function useAuditEvents(filters: AuditFilters) {
  const filterKey = auditQueryString(filters);
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filterKey],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(
        `/api/admin/audit?${auditQueryString(filters, { limit: auditPageSize, before: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });
}

/** A plain link target: the browser downloads the CSV with the session cookie. */
export function auditCsvHref(filters: AuditFilters): string {
  const query = auditQueryString(filters);
  return query === '' ? '/api/admin/audit.csv' : `/api/admin/audit.csv?${query}`;
}
