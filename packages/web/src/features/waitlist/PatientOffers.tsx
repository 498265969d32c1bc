import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { formatInstantInZone, formatTimeRangeInZone } from '../time/format.ts';
import { priorityLabel } from './waitlist-format.ts';
import { useAnswerOffer, usePatientWaitlist } from './waitlist-queries.ts';

/** The patient's waitlist places, and any freed time offered to them, to accept or decline. */
export function PatientOffers({ patientId }: { patientId: string }) {
  const waitlist = usePatientWaitlist(patientId);
  const answer = useAnswerOffer(patientId);
  const [message, setMessage] = useState<string | null>(null);
  if (waitlist.isPending) return <LoadingState label="Loading your waitlist" />;
  if (waitlist.isError)
    return (
      <ErrorState
        title="Could not load your waitlist"
        error={waitlist.error}
        onRetry={() => void waitlist.refetch()}
      />
    );
  if (waitlist.data.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="waitlist-heading">
      <Title order={2} id="waitlist-heading">
        Waitlist
      </Title>
      {message && (
        <Alert role="alert" color="red" variant="light">
          {message}
        </Alert>
      )}
      {waitlist.data.map((entry) => (
        <Card key={entry.id} withBorder>
          <Stack gap="xs">
            <Text fw={600}>
              {entry.service.name} at {entry.location.name}
            </Text>
            <Text size="sm">Priority set by your care team: {priorityLabel[entry.priority]}</Text>
            {entry.offer ? (
              <>
                <Text>
                  A time is free for you:{' '}
                  <strong>
                    {formatTimeRangeInZone(entry.offer.start, entry.offer.end, entry.location.timeZone)}
                  </strong>
                  {entry.offer.practitioner ? ` with ${entry.offer.practitioner}` : ''}.
                </Text>
                <Text size="sm">
                  {`Please answer before ${formatInstantInZone(entry.offer.expiresAt, entry.location.timeZone, { withDate: true })}; after that it goes to the next person.`}
                </Text>
                <Group gap="sm">
                  <Button
                    loading={answer.isPending}
                    onClick={() =>
                      answer.mutate(
                        { offerId: entry.offer!.id, answer: 'accept' },
                        { onError: (e) => setMessage(e.message), onSuccess: () => setMessage(null) },
                      )
                    }
                  >
                    Accept this time
                  </Button>
                  <Button
                    variant="default"
                    loading={answer.isPending}
                    onClick={() =>
                      answer.mutate(
                        { offerId: entry.offer!.id, answer: 'decline' },
                        { onError: (e) => setMessage(e.message), onSuccess: () => setMessage(null) },
                      )
                    }
                  >
                    Decline
                  </Button>
                </Group>
              </>
            ) : (
              <Text size="sm">
                You are on the waitlist; we will offer you the first suitable time that frees up.
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
