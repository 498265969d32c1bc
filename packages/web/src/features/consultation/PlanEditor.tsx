import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { PlanContent, PlanIntervention } from '@meridian/domain';
import { goalTarget } from '@meridian/domain';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { EducationArticleSummary } from './consultation-types.ts';
import { GoalForm } from './GoalForm.tsx';
import {
  addGoal,
  addSelfCare,
  removeGoal,
  removeIntervention,
  removeSelfCare,
  removeSupplement,
  setConditions,
  setEducation,
  setReviewDate,
  setSupplement,
  updateIntervention,
} from './plan-draft.ts';

export interface PlanEditorProps {
  plan: PlanContent;
  onChange: (plan: PlanContent) => void;
  therapyName: (id: string) => string;
  /** The conditions the plan may address: the patient's recognised conditions. */
  conditionOptions: readonly { id: string; name: string }[];
  articles: {
    data: readonly EducationArticleSummary[] | undefined;
    isPending: boolean;
    error: unknown;
  };
  /** Offers "Book first visit" for the therapies it returns true for. */
  canBook?: (intervention: PlanIntervention) => boolean;
  onBook?: (intervention: PlanIntervention) => void;
  disabled?: boolean;
}

/** Edits a plan's content: therapies, goals, self-care, supplements, reading and the review date. */
export function PlanEditor({
  plan,
  onChange,
  therapyName,
  conditionOptions,
  articles,
  canBook,
  onBook,
  disabled = false,
}: PlanEditorProps) {
  const conditionChoices = [
    ...conditionOptions,
    ...plan.conditions
      .filter((id) => !conditionOptions.some((c) => c.id === id))
      .map((id) => ({ id, name: id })),
  ];
  return (
    <Stack gap="md">
      {conditionChoices.length > 0 && (
        <Checkbox.Group
          label="Conditions this plan addresses"
          value={plan.conditions}
          onChange={(ids) => onChange(setConditions(plan, ids))}
        >
          <Group gap="md" mt={6}>
            {conditionChoices.map((c) => (
              <Checkbox key={c.id} value={c.id} label={c.name} disabled={disabled} />
            ))}
          </Group>
        </Checkbox.Group>
      )}

      <Fieldset legend="Therapies" disabled={disabled}>
        {plan.interventions.length === 0 ? (
          <Text size="sm">No therapies yet. Add them from the recommendations.</Text>
        ) : (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {plan.interventions.map((i) => {
              const name = therapyName(i.therapy);
              return (
                <Paper component="li" key={i.id} withBorder p="sm">
                  <Stack gap="xs">
                    <Text fw={700}>{name}</Text>
                    <Group gap="sm" align="flex-end">
                      <TextInput
                        label="Frequency"
                        aria-label={`Frequency of ${name}`}
                        value={i.frequency}
                        onChange={(e) =>
                          onChange(updateIntervention(plan, i.id, { frequency: e.currentTarget.value }))
                        }
                        w={180}
                      />
                      <NumberInput
                        label="Sessions"
                        aria-label={`Sessions of ${name}`}
                        value={i.sessions}
                        min={1}
                        max={104}
                        allowDecimal={false}
                        onChange={(value) => {
                          const sessions = typeof value === 'number' ? value : Number.parseInt(value, 10);
                          if (Number.isInteger(sessions) && sessions >= 1 && sessions <= 104)
                            onChange(updateIntervention(plan, i.id, { sessions }));
                        }}
                        w={120}
                      />
                      {onBook && canBook?.(i) && (
                        <Button
                          variant="light"
                          onClick={() => onBook(i)}
                          aria-label={`Book first visit for ${name}`}
                        >
                          Book first visit
                        </Button>
                      )}
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => onChange(removeIntervention(plan, i.id))}
                        aria-label={`Remove ${name} from the plan`}
                      >
                        Remove
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Fieldset>

      <Fieldset legend="Goals" disabled={disabled}>
        <Stack gap="sm">
          {plan.goals.length === 0 ? (
            <Text size="sm">No goals yet. A plan needs at least one measurable goal.</Text>
          ) : (
            <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {plan.goals.map((g) => (
                <Group component="li" key={g.id} gap="sm" justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <strong>{g.what}</strong> — {goalTarget(g)}. Measured by: {g.howMeasured}.
                  </Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(removeGoal(plan, g.id))}
                    aria-label={`Remove the goal ${g.what}`}
                  >
                    Remove
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
          <GoalForm onAdd={(goal) => onChange(addGoal(plan, goal))} disabled={disabled} />
        </Stack>
      </Fieldset>

      <SelfCareEditor plan={plan} onChange={onChange} disabled={disabled} />
      <SupplementEditor plan={plan} onChange={onChange} disabled={disabled} />

      <Fieldset legend="Reading for the patient" disabled={disabled}>
        {articles.isPending ? (
          <Text size="sm" role="status">
            Loading the education library…
          </Text>
        ) : articles.error || !articles.data ? (
          <Text size="sm" c="red.8" role="alert">
            Could not load the education library: {errorMessage(articles.error)}
          </Text>
        ) : (
          <Checkbox.Group
            aria-label="Articles to assign"
            value={plan.education}
            onChange={(ids) => onChange(setEducation(plan, ids))}
          >
            <Stack gap={6}>
              {articles.data.map((a) => (
                <Checkbox key={a.id} value={a.id} label={a.title} description={a.summary} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      </Fieldset>

      <TextInput
        type="date"
        label="Review date"
        description="When the plan is next reviewed with the patient"
        value={plan.reviewDate ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(setReviewDate(plan, e.currentTarget.value))}
        w={240}
      />
    </Stack>
  );
}

function SelfCareEditor({
  plan,
  onChange,
  disabled,
}: {
  plan: PlanContent;
  onChange: (plan: PlanContent) => void;
  disabled: boolean;
}) {
  const [practice, setPractice] = useState('');
  const [frequency, setFrequency] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function add() {
    if (practice.trim().length < 3) return setProblem('Describe the practice (at least 3 characters).');
    if (frequency.trim().length < 2) return setProblem('Say how often, e.g. “daily”.');
    onChange(addSelfCare(plan, practice, frequency));
    setPractice('');
    setFrequency('');
    setProblem(null);
  }
  return (
    <Fieldset legend="Self-care practices" disabled={disabled}>
      <Stack gap="sm">
        {plan.selfCare.length > 0 && (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {plan.selfCare.map((s) => (
              <Group component="li" key={s.id} gap="sm" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {s.practice} ({s.frequency})
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(removeSelfCare(plan, s.id))}
                  aria-label={`Remove the practice ${s.practice}`}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Practice"
            description="e.g. Paced breathing, 10 minutes"
            value={practice}
            onChange={(e) => setPractice(e.currentTarget.value)}
          />
          <TextInput
            label="Practice frequency"
            description="e.g. daily"
            value={frequency}
            onChange={(e) => setFrequency(e.currentTarget.value)}
          />
        </SimpleGrid>
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        <div>
          <Button variant="light" onClick={add}>
            Add practice
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}

const supplementActions = [
  { value: 'start', label: 'Start' },
  { value: 'continue', label: 'Continue' },
  { value: 'stop', label: 'Stop' },
] as const;

function SupplementEditor({
  plan,
  onChange,
  disabled,
}: {
  plan: PlanContent;
  onChange: (plan: PlanContent) => void;
  disabled: boolean;
}) {
  const [name, setName] = useState('');
  const [action, setAction] = useState<'start' | 'continue' | 'stop'>('start');
  const [dose, setDose] = useState('');
  const [frequency, setFrequency] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function add() {
    if (name.trim() === '') return setProblem('Write the supplement’s name.');
    onChange(setSupplement(plan, { name, action, dose, frequency, reason }));
    setName('');
    setDose('');
    setFrequency('');
    setReason('');
    setProblem(null);
  }
  return (
    <Fieldset legend="Supplements to start or stop" disabled={disabled}>
      <Stack gap="sm">
        {plan.supplements.length > 0 && (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {plan.supplements.map((s) => (
              <Group component="li" key={s.name} gap="sm" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <strong>{supplementActions.find((a) => a.value === s.action)?.label}</strong> {s.name}
                  {s.dose ? `, ${s.dose}` : ''}
                  {s.frequency ? `, ${s.frequency}` : ''}
                  {s.reason ? ` — ${s.reason}` : ''}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onChange(removeSupplement(plan, s.name))}
                  aria-label={`Remove the change for ${s.name}`}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput label="Supplement" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <NativeSelect
            label="Change"
            data={supplementActions.map((a) => ({ value: a.value, label: a.label }))}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value as 'start' | 'continue' | 'stop')}
          />
          <TextInput label="Supplement dose" value={dose} onChange={(e) => setDose(e.currentTarget.value)} />
          <TextInput
            label="Supplement frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.currentTarget.value)}
          />
          <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        </SimpleGrid>
        {problem && (
          <Text size="sm" c="red.8" role="alert">
            {problem}
          </Text>
        )}
        <div>
          <Button variant="light" onClick={add}>
            Add supplement change
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
