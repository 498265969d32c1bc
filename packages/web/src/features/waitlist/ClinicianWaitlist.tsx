import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { LocationRef } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { useLocations } from '../locations/location-queries.ts';
import { Notice } from '../scheduling/Notice.tsx';
import { useServices } from '../scheduling/scheduling-queries.ts';
import { formatInstantInZone, formatTimeRangeInZone } from '../time/format.ts';
import { useNow } from '../time/use-now.ts';
import { priorityColor, priorityLabel, waitedFor } from './waitlist-format.ts';
import {
  useAddToWaitlist,
  usePatientWaitlist,
  useServicePractitioners,
  useSetWaitlistPriority,
  useWithdraw,
  type WaitlistEntry,
  type WaitlistPriority,
} from './waitlist-queries.ts';

const priorities: WaitlistPriority[] = ['urgent', 'soon', 'routine'];

const priorityHelp: Record<WaitlistPriority, string> = {
  urgent: 'Offered the first freed time, before anyone else',
  soon: 'Offered after urgent patients',
  routine: 'Offered in turn, by how long they have waited',
};

// As the desk's colours, but "soon" on yellow with dark text: white on orange falls below 4.5:1.

const reasonLimit = 1000;

function reasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (text.length < 3) return 'Give the clinical reason for the priority.';
  if (text.length > reasonLimit) return `The reason can be up to ${reasonLimit} characters.`;
  return null;
}

function PriorityChoice({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: WaitlistPriority) => void;
  error?: string | undefined;
}) {
  return (
    <Radio.Group
      label="Priority"
      required
      value={value}
      onChange={(next) => onChange(next as WaitlistPriority)}
      error={error}
    >
      <Stack gap={6} mt="xs">
        {priorities.map((p) => (
          <Radio key={p} value={p} label={priorityLabel[p]} description={priorityHelp[p]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** Priority and reason for an entry already on the list. */
function ChangePriorityForm({
  patientId,
  entry,
  onDone,
}: {
  patientId: string;
  entry: WaitlistEntry;
  onDone: (message: string | null) => void;
}) {
  const change = useSetWaitlistPriority(patientId);
  const [priority, setPriority] = useState<WaitlistPriority>(entry.priority);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = reasonProblem(reason);
    setProblem(found);
    if (found) return;
    change.mutate(
      { entryId: entry.id, priority, reason: reason.trim() },
      {
        onSuccess: () =>
          onDone(`${entry.service.name} at ${entry.location.name} is now ${priorityLabel[priority]}.`),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {change.isError && (
          <Alert color="red" title="The priority was not changed" role="alert">
            {errorMessage(change.error)}
          </Alert>
        )}
        <PriorityChoice value={priority} onChange={setPriority} />
        <Textarea
          label="Reason for the priority"
          description="The clinical reason; the front desk sees it."
          required
          autosize
          minRows={2}
          maxLength={reasonLimit}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setProblem(null);
          }}
          error={problem}
        />
        <Group gap="sm">
          <Button type="submit" size="xs" loading={change.isPending}>
            Save priority
          </Button>
          <Button size="xs" variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EntryCard({
  patientId,
  entry,
  now,
  onMessage,
}: {
  patientId: string;
  entry: WaitlistEntry;
  now: Date;
  onMessage: (message: { tone: 'success' | 'error'; text: string }) => void;
}) {
  const titleId = useId();
  const withdraw = useWithdraw();
  const [changing, setChanging] = useState(false);
  const zone = entry.location.timeZone;
  const title = `${entry.service.name} at ${entry.location.name}`;
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={titleId}>
            {title}
          </Title>
          <Group gap="xs">
            <Badge color={priorityColor[entry.priority]} autoContrast variant="filled" radius="sm" tt="none">
              {priorityLabel[entry.priority]}
            </Badge>
            <Badge variant="outline" color="dark" radius="sm" tt="none">
              {entry.status === 'offered' ? 'Offered a time' : 'Waiting'}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          Reason: {entry.reason} (set by {entry.setBy})
        </Text>
        <Text size="sm">
          Waiting {waitedFor(entry.waitingSince, now)}
          {entry.practitioner ? `, for ${entry.practitioner}` : ', with any practitioner'}.
        </Text>
        {entry.offer && (
          <Text size="sm">
            Offered {formatInstantInZone(entry.offer.start, zone, { withDate: true })} (
            {formatTimeRangeInZone(entry.offer.start, entry.offer.end, zone)})
            {entry.offer.practitioner ? ` with ${entry.offer.practitioner}` : ''}; the patient has until{' '}
            <time dateTime={entry.offer.expiresAt}>
              {formatInstantInZone(entry.offer.expiresAt, zone, { withDate: true })}
            </time>{' '}
            to answer.
          </Text>
        )}
        {changing ? (
          <ChangePriorityForm
            patientId={patientId}
            entry={entry}
            onDone={(message) => {
              setChanging(false);
              if (message) onMessage({ tone: 'success', text: message });
            }}
          />
        ) : (
          <Group gap="sm">
            <Button
              size="xs"
              variant="default"
              aria-label={`Change priority: ${title}`}
              onClick={() => setChanging(true)}
            >
              Change priority
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red"
              aria-label={`Take off the waitlist: ${title}`}
              loading={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(
                  { patientId, entryId: entry.id },
                  {
                    onSuccess: () =>
                      onMessage({ tone: 'success', text: `Taken off the waitlist for ${title}.` }),
                    onError: (error) => onMessage({ tone: 'error', text: errorMessage(error) }),
                  },
                )
              }
            >
              Take off
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface AddDraft {
  locationId: string;
  serviceId: string;
  practitionerId: string;
  priority: WaitlistPriority | '';
  reason: string;
}

type AddErrors = Partial<Record<keyof AddDraft, string>>;

/** Service, location, an optional practitioner, the priority and the clinical reason. */
function AddToWaitlistForm({
  patientId,
  home,
  onAdded,
}: {
  patientId: string;
  home: LocationRef;
  onAdded: (message: string) => void;
}) {
  const headingId = useId();
  const add = useAddToWaitlist(patientId);
  const locations = useLocations();
  const [draft, setDraft] = useState<AddDraft>({
    locationId: home.id,
    serviceId: '',
    practitionerId: '',
    priority: '',
    reason: '',
  });
  const [errors, setErrors] = useState<AddErrors>({});
  const services = useServices(draft.locationId);
  const practitioners = useServicePractitioners(draft.locationId, draft.serviceId);

  function set<K extends keyof AddDraft>(key: K, value: AddDraft[K]) {
    setDraft((current) => {
      const next = { ...current, [key]: value };
      // A different place or service has different practitioners (and a place different services).
      if (key === 'locationId') {
        next.serviceId = '';
        next.practitionerId = '';
      }
      if (key === 'serviceId') next.practitionerId = '';
      return next;
    });
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  // Freed booked times are what the waitlist offers, so bedside-only services are left out.
  const choices = (services.data ?? [])
    .filter((s) => s.settings.some((setting) => setting !== 'inpatient'))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: AddErrors = {};
    if (draft.locationId === '') problems.locationId = 'Choose the location.';
    if (draft.serviceId === '') problems.serviceId = 'Choose the service.';
    if (draft.priority === '') problems.priority = 'Choose how soon the patient needs to be seen.';
    const reason = reasonProblem(draft.reason);
    if (reason) problems.reason = reason;
    setErrors(problems);
    if (Object.keys(problems).length > 0 || draft.priority === '') return;
    const priority = draft.priority;
    const service = choices.find((s) => s.id === draft.serviceId)?.name ?? 'the service';
    const location = locations.data?.find((l) => l.id === draft.locationId)?.name ?? 'the location';
    add.mutate(
      {
        serviceId: draft.serviceId,
        locationId: draft.locationId,
        ...(draft.practitionerId ? { practitionerId: draft.practitionerId } : {}),
        priority,
        reason: draft.reason.trim(),
      },
      {
        onSuccess: () => {
          onAdded(`On the waitlist for ${service} at ${location} as ${priorityLabel[priority]}.`);
          setDraft((current) => ({
            ...current,
            serviceId: '',
            practitionerId: '',
            priority: '',
            reason: '',
          }));
        },
      },
    );
  }

  let fields: React.ReactNode;
  if (locations.isPending) fields = <LoadingState label="Loading locations" />;
  else if (locations.isError)
    fields = (
      <ErrorState
        title="Could not load the locations"
        error={locations.error}
        onRetry={() => void locations.refetch()}
      />
    );
  else
    fields = (
      <>
        {add.isError && (
          <Alert color="red" title="The patient was not added" role="alert">
            {errorMessage(add.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label="Location"
            required
            data={locations.data.map((l) => ({ value: l.id, label: l.name }))}
            value={draft.locationId}
            onChange={(e) => set('locationId', e.currentTarget.value)}
            error={errors.locationId}
          />
          <NativeSelect
            label="Service"
            required
            disabled={services.isPending}
            data={[
              { value: '', label: services.isPending ? 'Loading services…' : 'Choose a service…' },
              ...choices.map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={draft.serviceId}
            onChange={(e) => set('serviceId', e.currentTarget.value)}
            error={errors.serviceId ?? (services.isError ? errorMessage(services.error) : undefined)}
          />
          <NativeSelect
            label="Practitioner (optional)"
            disabled={draft.serviceId === ''}
            data={[
              { value: '', label: 'Any practitioner' },
              ...(practitioners.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={draft.practitionerId}
            onChange={(e) => set('practitionerId', e.currentTarget.value)}
          />
        </SimpleGrid>
        <PriorityChoice value={draft.priority} onChange={(p) => set('priority', p)} error={errors.priority} />
        <Textarea
          label="Reason"
          description="The clinical reason for the priority; the front desk sees it."
          required
          autosize
          minRows={2}
          maxLength={reasonLimit}
          value={draft.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={errors.reason}
        />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          Add to waitlist
        </Button>
      </>
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            Add to waitlist
          </Title>
          {fields}
        </Stack>
      </form>
    </Paper>
  );
}

/** The patient's waitlist entries on their chart, with priority changes and a form to add one. */
export function ClinicianWaitlist({ patientId, location }: { patientId: string; location: LocationRef }) {
  const headingId = useId();
  const waitlist = usePatientWaitlist(patientId);
  const now = useNow(60_000);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  let list: React.ReactNode;
  if (waitlist.isPending) list = <LoadingState label="Loading the waitlist" />;
  else if (waitlist.isError)
    list = (
      <ErrorState
        title="Could not load the waitlist"
        error={waitlist.error}
        onRetry={() => void waitlist.refetch()}
      />
    );
  else if (waitlist.data.length === 0) list = <Text size="sm">Not on the waitlist for anything.</Text>;
  else
    list = waitlist.data.map((entry) => (
      <EntryCard key={entry.id} patientId={patientId} entry={entry} now={now} onMessage={setMessage} />
    ));

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId}>
        Waitlist
      </Title>
      <Text size="sm">
        When a booked time frees up, it is offered to urgent patients first, then soon, then routine; within a
        priority, to whoever has waited longest.
      </Text>
      {message?.tone === 'success' && (
        <Notice tone="success" role="status" title="Waitlist updated">
          {message.text}
        </Notice>
      )}
      {message?.tone === 'error' && (
        <Alert color="red" title="The waitlist was not changed" role="alert">
          {message.text}
        </Alert>
      )}
      {list}
      <AddToWaitlistForm
        patientId={patientId}
        home={location}
        onAdded={(text) => setMessage({ tone: 'success', text })}
      />
    </Stack>
  );
}
