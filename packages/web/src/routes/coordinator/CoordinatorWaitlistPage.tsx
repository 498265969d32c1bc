import { Stack, Title } from '@mantine/core';
import { PageTitle } from '../../features/common/PageTitle.tsx';
import { CoverageQueue } from '../../features/waitlist/CoverageQueue.tsx';
import { DeskWaitlist } from '../../features/waitlist/DeskWaitlist.tsx';

export function CoordinatorWaitlistPage() {
  return (
    <Stack gap="xl">
      <PageTitle>Waitlist and paperwork</PageTitle>
      <Stack gap="md" component="section" aria-labelledby="paperwork-heading">
        <Title order={2} id="paperwork-heading">
          Bookings waiting on a referral or authorisation
        </Title>
        <CoverageQueue />
      </Stack>
      <Stack gap="md" component="section" aria-labelledby="waitlist-heading">
        <Title order={2} id="waitlist-heading">
          Waitlist, by medical need
        </Title>
        <DeskWaitlist />
      </Stack>
    </Stack>
  );
}
