import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { BedsideReportSection } from './BedsideReportSection.tsx';
import { OutcomeReportSection } from './OutcomeReportSection.tsx';
import { OutcomesFilterForm } from './OutcomesFilterForm.tsx';
import {
  defaultFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  type OutcomeFilters,
} from './outcomes-format.ts';

export const deidentifiedNotice =
  'De-identified: no names or record numbers; groups under 11 patients are not shown.';

/**
 * The program outcome reports (for researchers at /research and administrators at /admin/outcomes): the
 * filters live in the URL, so a report can be bookmarked and Back/Forward show the earlier ones.
 */
export function OutcomesReport() {
  const [now] = useState(() => new Date());
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams, now);
  const defaults = defaultFilters(now);

  function apply(next: OutcomeFilters) {
    setSearchParams(filtersToSearchParams(next));
  }

  return (
    <Stack gap="lg">
      <Alert color="blue" variant="light" title="Program reports">
        <Text size="sm">{deidentifiedNotice}</Text>
      </Alert>
      {/* Keyed by the URL so Back/Forward refill the inputs with the report on screen. */}
      <OutcomesFilterForm
        key={searchParams.toString()}
        initial={filters}
        defaults={defaults}
        onApply={apply}
      />
      <OutcomeReportSection filters={filters} />
      <BedsideReportSection period={{ from: filters.from, to: filters.to }} />
    </Stack>
  );
}
