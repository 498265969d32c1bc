import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { BedsideOrder, LocationRef } from '../../api/types.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import {
  bedsideLimits,
  bedsideServices,
  emptyOrderDraft,
  formatBedPlace,
  type OrderDraft,
  type OrderDraftErrors,
  toNewOrder,
  validateOrderDraft,
} from './bedside-format.ts';
import { useBedsidePrecautions, useLocationServices, useOrderBedside } from './bedside-queries.ts';
import { PrecautionBadges } from './PrecautionBadges.tsx';
import { TherapyFindings } from './TherapyFindings.tsx';

interface OrderBedsideFormProps {
  patientId: string;
  location: LocationRef;
  /** Where the last order was for, so a nurse ordering again need not retype the room. */
  lastPlace: { unit: string; room: string; bed: string } | null;
}

/** The order just placed: its precautions and what the safety check says about the therapy. */
function OrderPlaced({ order }: { order: BedsideOrder }) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the confirmation so the findings are read next.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Paper
      ref={ref}
      tabIndex={-1}
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      bg="gray.0"
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          Ordered: {order.service.name}
        </Title>
        <Text size="sm">
          {formatBedPlace(order)}. It is on the worklist of the therapists who give this service at{' '}
          {order.location.name}.
        </Text>
        <PrecautionBadges precautions={order.precautions} label="Precautions on this order" />
        <Title order={4} size="h5">
          Safety findings for {order.service.name.toLowerCase()}
        </Title>
        <TherapyFindings findings={order.findings ?? []} serviceName={order.service.name} headingOrder={5} />
      </Stack>
    </Paper>
  );
}

/** Service, unit, room, bed, precautions and notes for a bedside visit by a therapist. */
export function OrderBedsideForm({ patientId, location, lastPlace }: OrderBedsideFormProps) {
  const headingId = useId();
  const services = useLocationServices(location.id);
  const precautions = useBedsidePrecautions();
  const order = useOrderBedside(patientId);
  const [draft, setDraft] = useState<OrderDraft>(() => emptyOrderDraft(lastPlace));
  const [errors, setErrors] = useState<OrderDraftErrors>({});
  const [placed, setPlaced] = useState<BedsideOrder | null>(null);

  function set<K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateOrderDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setPlaced(null);
    order.mutate(toNewOrder(draft, location.id), {
      onSuccess: (created) => {
        setPlaced(created);
        // The place stays (the next order is usually for the same bed); the rest is cleared.
        setDraft((current) => emptyOrderDraft(current));
      },
    });
  }

  let fields: React.ReactNode;
  if (services.isPending || precautions.isPending) {
    fields = <LoadingState label="Loading bedside services and precautions" />;
  } else if (services.isError || precautions.isError) {
    fields = (
      <ErrorState
        title="Could not load the bedside services"
        error={services.error ?? precautions.error}
        onRetry={() => {
          void services.refetch();
          void precautions.refetch();
        }}
      />
    );
  } else {
    const options = bedsideServices(services.data);
    fields =
      options.length === 0 ? (
        <Text size="sm">{location.name} offers no bedside services.</Text>
      ) : (
        <>
          {order.isError && (
            <Alert color="red" title="The order was not placed" role="alert">
              {errorMessage(order.error)}
            </Alert>
          )}
          <NativeSelect
            label="Service"
            required
            data={[
              { value: '', label: 'Choose a service…' },
              ...options.map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={draft.serviceId}
            onChange={(event) => set('serviceId', event.currentTarget.value)}
            error={errors.serviceId}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Unit"
              description='e.g. "Cardiac surgery, 4 West"'
              required
              maxLength={bedsideLimits.unit}
              autoComplete="off"
              value={draft.unit}
              onChange={(event) => set('unit', event.currentTarget.value)}
              error={errors.unit}
            />
            <TextInput
              label="Room"
              required
              maxLength={bedsideLimits.room}
              autoComplete="off"
              value={draft.room}
              onChange={(event) => set('room', event.currentTarget.value)}
              error={errors.room}
            />
            <TextInput
              label="Bed (optional)"
              maxLength={bedsideLimits.bed}
              autoComplete="off"
              value={draft.bed}
              onChange={(event) => set('bed', event.currentTarget.value)}
              error={errors.bed}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Precautions"
            description="What the therapist has to plan around. Some (a surgical wound, low platelets) are also checked against the therapy."
            value={draft.precautions}
            onChange={(value) => set('precautions', value)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt="xs">
              {precautions.data.map((p) => (
                <Checkbox key={p.code} value={p.code} label={p.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="Notes for the therapist (optional)"
            description="e.g. which side to avoid, the best time of day"
            autosize
            minRows={2}
            maxLength={bedsideLimits.notes}
            value={draft.notes}
            onChange={(event) => set('notes', event.currentTarget.value)}
            error={errors.notes}
          />
          <Button type="submit" loading={order.isPending} style={{ alignSelf: 'flex-start' }}>
            Order
          </Button>
        </>
      );
  }

  return (
    <Stack gap="md">
      {placed && <OrderPlaced key={placed.id} order={placed} />}
      <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <Title order={3} size="h4" id={headingId}>
              Order a bedside service
            </Title>
            {fields}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
