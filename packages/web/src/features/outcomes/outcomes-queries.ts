import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { bedsideQueryString, type OutcomeFilters, reportQueryString } from './outcomes-format.ts';
import type { BedsideReport, OutcomeGroupBy, OutcomeReport, Period } from './outcomes-types.ts';

export function useOutcomeReport(filters: OutcomeFilters) {
  const query = reportQueryString(filters);
  return useQuery({
    queryKey: ['outcomes', 'report', query],
    queryFn: ({ signal }) => api.get<OutcomeReport>(`/api/outcomes/report?${query}`, { signal }),
  });
}

export function useBedsideReport(period: Period) {
  const query = bedsideQueryString(period);
  return useQuery({
    queryKey: ['outcomes', 'bedside', query],
    queryFn: ({ signal }) => api.get<BedsideReport>(`/api/outcomes/bedside?${query}`, { signal }),
  });
}

/**
 * The therapies or conditions that have patients in the period, for the filter lists: the groups of the
 * unfiltered pain report grouped that way (the very query the default report makes, so usually cached).
 */
export function useGroupChoices(kind: Extract<OutcomeGroupBy, 'therapy' | 'condition'>, period: Period) {
  const query = reportQueryString({
    groupBy: kind,
    measure: 'pain',
    ...period,
    therapy: '',
    condition: '',
  });
  return useQuery({
    queryKey: ['outcomes', 'report', query],
    queryFn: ({ signal }) => api.get<OutcomeReport>(`/api/outcomes/report?${query}`, { signal }),
    select: (report) => report.rows.map((r) => ({ value: r.group.id, label: r.group.name })),
  });
}
