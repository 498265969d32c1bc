import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { AuditFilterForm } from '../../features/audit/AuditFilterForm.tsx';
import { AuditTable } from '../../features/audit/AuditTable.tsx';
import {
  type AuditFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
} from '../../features/audit/audit-filters.ts';
import { auditCsvHref, useAuditEvents } from '../../features/audit/audit-queries.ts';
import { ErrorState } from '../../features/common/ErrorState.tsx';
import { LoadingState } from '../../features/common/LoadingState.tsx';
import { PageTitle } from '../../features/common/PageTitle.tsx';

export function AuditPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const audit = useAuditEvents(filters);
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];

  function apply(next: AuditFilters) {
    setSearchParams(filtersToSearchParams(next));
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin" size="sm">
        ← Back to Admin
      </Anchor>
      <PageTitle>Audit log</PageTitle>
      {/* Keyed by the URL so Back/Forward refill the inputs with the shown filters. */}
      <AuditFilterForm key={searchParams.toString()} initial={filters} onApply={apply} />
      <Group justify="space-between">
        <Text size="sm">Times are in UTC. Rows marked "Break the glass" were emergency access.</Text>
        <Button component="a" href={auditCsvHref(filters)} download variant="outline">
          Export CSV
        </Button>
      </Group>
      {audit.isPending ? (
        <LoadingState label="Loading audit events" />
      ) : !audit.data ? (
        <ErrorState
          title="Could not load audit events"
          error={audit.error}
          onRetry={() => void audit.refetch()}
        />
      ) : (
        // Kept on screen when a later page fails, so the pages already read stay visible.
        <Stack gap="md">
          <AuditTable events={events} />
          {audit.isFetchNextPageError && (
            <ErrorState title="Could not load more events" error={audit.error} />
          )}
          {audit.hasNextPage && (
            <Button
              variant="outline"
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              Load more
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
