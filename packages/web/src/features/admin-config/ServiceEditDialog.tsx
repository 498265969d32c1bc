import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { disciplineLabels, disciplines } from '@meridian/domain';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { AdminService, CredentialKind } from '../../api/types.ts';
import { useUpdateService } from './admin-config-queries.ts';
import {
  careSettings,
  draftFromService,
  type ServiceDraft,
  type ServiceDraftErrors,
  savedServiceMessage,
  serviceChanges,
  settingLabel,
  validateServiceDraft,
} from './catalog-format.ts';

interface ServiceEditDialogProps {
  service: AdminService;
  kinds: CredentialKind[];
  onClose: () => void;
  /** Called with the confirmation to show once the changes are saved. */
  onSaved: (message: string) => void;
}

/** Durations, price, self-booking, notice, capacity, settings, who delivers it and what they must hold. */
export function ServiceEditDialog({ service, kinds, onClose, onSaved }: ServiceEditDialogProps) {
  const update = useUpdateService();
  const [draft, setDraft] = useState<ServiceDraft>(() => draftFromService(service));
  const [errors, setErrors] = useState<ServiceDraftErrors>({});
  const [nothingChanged, setNothingChanged] = useState(false);

  function set<K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setNothingChanged(false);
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateServiceDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const changes = serviceChanges(service, draft);
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(
      { serviceId: service.id, changes },
      { onSuccess: (result) => onSaved(savedServiceMessage(service.name, result.changed)) },
    );
  }

  const sortedKinds = [...kinds].sort((a, b) => a.name.localeCompare(b.name, 'en'));

  return (
    <Modal.Root opened onClose={onClose} size="xl">
      <Modal.Overlay />
      <Modal.Content>
        {/* Built from parts so the title bar is a plain div: a <header> would add a second banner landmark. */}
        <Modal.Header component="div">
          <Modal.Title>Edit {service.name}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text size="sm">
                Code <code>{service.code}</code>, {service.category}. Only what you change is saved, and the
                change is recorded in the audit log.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label="Durations (minutes)"
                  description="Separate with commas; the first is the usual length."
                  required
                  autoComplete="off"
                  value={draft.durations}
                  onChange={(e) => set('durations', e.currentTarget.value)}
                  error={errors.durations}
                />
                <TextInput
                  label="Self-pay price (US dollars)"
                  description="Leave empty when the service has no self-pay price."
                  autoComplete="off"
                  inputMode="decimal"
                  leftSection={<span aria-hidden="true">$</span>}
                  value={draft.price}
                  onChange={(e) => set('price', e.currentTarget.value)}
                  error={errors.price}
                />
                <TextInput
                  label="Cancellation notice (hours)"
                  description="Cancelling later than this counts as a late cancellation."
                  required
                  autoComplete="off"
                  inputMode="numeric"
                  value={draft.cancelNoticeHours}
                  onChange={(e) => set('cancelNoticeHours', e.currentTarget.value)}
                  error={errors.cancelNoticeHours}
                />
                <TextInput
                  label="Group capacity"
                  description="1 for one patient at a time; more makes it a class."
                  required
                  autoComplete="off"
                  inputMode="numeric"
                  value={draft.capacity}
                  onChange={(e) => set('capacity', e.currentTarget.value)}
                  error={errors.capacity}
                />
              </SimpleGrid>
              <Group gap="xl">
                <Switch
                  label="Patients can book it themselves"
                  checked={draft.selfBookable}
                  onChange={(e) => set('selfBookable', e.currentTarget.checked)}
                />
                <Switch
                  label="Active (offered for booking)"
                  checked={draft.active}
                  onChange={(e) => set('active', e.currentTarget.checked)}
                />
              </Group>
              <Checkbox.Group
                label="Settings"
                value={draft.settings}
                onChange={(value) => set('settings', value)}
                error={errors.settings}
              >
                <Group gap="lg" mt="xs">
                  {careSettings.map((s) => (
                    <Checkbox key={s} value={s} label={settingLabel[s]} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label="Disciplines that deliver it"
                description="Practitioners of these disciplines who hold the required credentials are offered for it."
                value={draft.disciplines}
                onChange={(value) => set('disciplines', value)}
                error={errors.disciplines}
              >
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
                  {disciplines.map((d) => (
                    <Checkbox key={d} value={d} label={disciplineLabels[d]} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Checkbox
                label="Trained volunteers deliver it"
                checked={draft.deliveredByVolunteers}
                onChange={(e) => set('deliveredByVolunteers', e.currentTarget.checked)}
              />
              <Checkbox.Group
                label="Required credentials"
                description="A practitioner must hold each of these, unexpired, to be offered for the service."
                value={draft.requiredCredentials}
                onChange={(value) => set('requiredCredentials', value)}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {sortedKinds.map((k) => (
                    <Checkbox key={k.code} value={k.code} label={k.name} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              {/* Next to the buttons, so a refusal is seen where Save was pressed. */}
              {update.isError && (
                <Alert color="red" title="The service was not saved" role="alert">
                  {errorMessage(update.error)}
                </Alert>
              )}
              {Object.values(errors).some(Boolean) && (
                <Alert color="red" title="Check the fields marked above" role="alert">
                  {Object.values(errors).filter(Boolean).join(' ')}
                </Alert>
              )}
              {nothingChanged && (
                <Text size="sm" role="status">
                  Nothing has changed yet.
                </Text>
              )}
              <Group gap="sm">
                <Button type="submit" loading={update.isPending}>
                  Save changes
                </Button>
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
