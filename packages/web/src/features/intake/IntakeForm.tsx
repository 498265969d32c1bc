import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import type { IntakeView } from '../../api/types.ts';
import { AllergyRows, ConditionRows, fieldId, GoalRows, MedicineRows } from './IntakeRows.tsx';
import {
  budgetLabels,
  emptyIntakeForm,
  formToIntake,
  frequencyAnswers,
  gad2Questions,
  type IntakeFormErrors,
  type IntakeForm as IntakeFormState,
  intakeLimits,
  intakeToForm,
  type PairAnswers,
  pegQuestions,
  phq2Questions,
  savedStatus,
  sleepQualityLabels,
  submissionGaps,
  telehealthLabels,
  tobaccoLabels,
  validateIntakeForm,
} from './intake-form.ts';
import { useSaveIntake, useSubmitIntake } from './intake-queries.ts';
import { ScaleField } from './ScaleField.tsx';
import { TherapyPreferences } from './TherapyPreferences.tsx';

interface IntakeFormProps {
  patientId: string;
  /** The saved draft, or null before the first save. */
  draft: IntakeView | null;
  /** The patient's clinic zone, for "Saved at 2:05 PM MST". */
  timeZone: string;
  onSubmitted: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={
        <Title order={2} size="h3">
          {title}
        </Title>
      }
      p="md"
    >
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  );
}

/** A single-choice question as a radio group; '' means not answered. */
function ChoiceQuestion<T extends string>({
  label,
  description,
  value,
  options,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: T | '';
  options: Record<Exclude<T, ''>, string> | readonly { value: string; label: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const entries = Array.isArray(options)
    ? (options as readonly { value: string; label: string }[])
    : Object.entries(options as Record<string, string>).map(([v, l]) => ({ value: v, label: l }));
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v as T)}
      error={error}
    >
      <Group gap="md" mt={6}>
        {entries.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** The questionnaire, in sections, with "Save draft" and "Submit to my care team". */
export function IntakeForm({ patientId, draft, timeZone, onSubmitted }: IntakeFormProps) {
  const formId = useId();
  const [form, setForm] = useState<IntakeFormState>(() =>
    draft ? intakeToForm(draft.answers) : emptyIntakeForm(),
  );
  const [errors, setErrors] = useState<IntakeFormErrors>({});
  const save = useSaveIntake(patientId);
  const submit = useSubmitIntake(patientId);
  const problemsRef = useRef<HTMLDivElement>(null);

  function update(patch: Partial<IntakeFormState>) {
    setForm((current) => ({ ...current, ...patch }));
    save.reset();
    // An answer being changed loses its error ('medicines.0.name' with 'medicines', 'peg' with 'pegPain').
    const touched = Object.keys(patch);
    const stale = (e: string) => touched.some((k) => e === k || e.startsWith(`${k}.`) || k.startsWith(e));
    if (Object.keys(errors).some(stale)) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([e]) => !stale(e))));
    }
  }

  function setPair(pair: 'phq2' | 'gad2', index: 0 | 1, value: string) {
    const next: PairAnswers = [...form[pair]];
    next[index] = value;
    update({ [pair]: next });
  }

  /** Checks the answers; on a problem, says so and moves to the first answer to fix. */
  function checked(): boolean {
    const problems = validateIntakeForm(form);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first === undefined) return true;
    requestAnimationFrame(() => {
      const target =
        document.getElementById(fieldId(formId, first)) ??
        document.querySelector<HTMLElement>(`[data-field="${first}"] input`);
      (target ?? problemsRef.current)?.focus();
    });
    return false;
  }

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checked()) return;
    submit.reset();
    save.mutate(formToIntake(form));
  }

  function handleSubmit() {
    if (!checked()) return;
    save.reset();
    submit.mutate(formToIntake(form), {
      onSuccess: onSubmitted,
      onError: () => requestAnimationFrame(() => problemsRef.current?.focus()),
    });
  }

  // The draft as stored is the cached one: every save (and a refused submission, which saves first)
  // replaces it. Unsaved changes are answers that differ from it, compared as the body they would send.
  const savedBody = useMemo(
    () => JSON.stringify(formToIntake(draft ? intakeToForm(draft.answers) : emptyIntakeForm())),
    [draft],
  );
  const dirty = JSON.stringify(formToIntake(form)) !== savedBody;
  const errorCount = Object.keys(errors).length;
  const gaps = submit.isError && isApiError(submit.error, 400) ? submissionGaps(submit.error.details) : [];
  const savedText = savedStatus(draft?.updatedAt ?? null, dirty, timeZone, new Date());
  const busy = save.isPending || submit.isPending;

  return (
    // Enter in a text box saves the draft; sending to the care team is always a deliberate click.
    <form onSubmit={handleSave} noValidate aria-label="Health questionnaire">
      <Stack gap="lg">
        <div ref={problemsRef} tabIndex={-1}>
          {errorCount > 0 && (
            <Alert color="red" title="Some answers need a look" role="alert">
              {errorCount === 1
                ? 'One answer below needs to be fixed before it can be saved.'
                : `${errorCount} answers below need to be fixed before they can be saved.`}
            </Alert>
          )}
          {submit.isError && (
            <Alert color="red" title="Not sent yet" role="alert">
              {gaps.length > 0 ? (
                <Stack gap="xs">
                  <Text size="sm">Your answers are saved. Before you can send them, please:</Text>
                  <List size="sm">
                    {gaps.map((gap) => (
                      <List.Item key={gap}>{gap}</List.Item>
                    ))}
                  </List>
                </Stack>
              ) : (
                <Text size="sm">{errorMessage(submit.error)}</Text>
              )}
            </Alert>
          )}
          {save.isError && (
            <Alert color="red" title="Your answers were not saved" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
        </div>

        <Section title="Why you are coming and your goals">
          <Textarea
            id={fieldId(formId, 'reasons')}
            label="Why are you coming to the program?"
            description="What troubles you most, and what you hope will change. Needed before you send."
            withAsterisk
            autosize
            minRows={3}
            maxLength={intakeLimits.reasons}
            value={form.reasons}
            onChange={(e) => update({ reasons: e.currentTarget.value })}
            error={errors.reasons}
          />
          <Fieldset legend="Your goals" variant="unstyled">
            <GoalRows
              formId={formId}
              rows={form.goals}
              onChange={(goals) => update({ goals })}
              errors={errors}
            />
          </Fieldset>
        </Section>

        <Section title="Conditions">
          <Text size="sm">Health problems you have been told you have, or that you live with.</Text>
          <ConditionRows
            formId={formId}
            rows={form.conditions}
            onChange={(conditions) => update({ conditions })}
            errors={errors}
          />
        </Section>

        <Section title="Medicines and supplements">
          <Text size="sm">
            Everything you take, prescribed or not: medicines, vitamins, herbs and other supplements, with the
            dose. Your care team checks them together for safety. Needed before you send.
          </Text>
          <MedicineRows
            formId={formId}
            rows={form.medicines}
            onChange={(medicines) => update({ medicines })}
            errors={errors}
            none={form.noMedicines}
            onNoneChange={(noMedicines) => update({ noMedicines })}
          />
        </Section>

        <Section title="Allergies">
          <Text size="sm">Needed before you send: list your allergies, or tick “No known allergies”.</Text>
          <AllergyRows
            formId={formId}
            rows={form.allergies}
            onChange={(allergies) => update({ allergies })}
            errors={errors}
            none={form.noKnownAllergies}
            onNoneChange={(noKnownAllergies) => update({ noKnownAllergies })}
          />
        </Section>

        <Section title="Body">
          <div data-field="painNow">
            <ScaleField
              label="Pain right now"
              ends="0 = no pain, 10 = the worst pain you can imagine"
              value={form.painNow}
              onChange={(painNow) => update({ painNow })}
              error={errors.painNow}
            />
          </div>
          <TextInput
            label="Where do you feel pain?"
            description="e.g. lower back, both knees"
            maxLength={intakeLimits.painLocations}
            value={form.painLocations}
            onChange={(e) => update({ painLocations: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id={fieldId(formId, 'sleepHours')}
              label="Hours of sleep on a usual night"
              description="e.g. 6 or 6.5"
              inputMode="decimal"
              maxLength={5}
              value={form.sleepHours}
              onChange={(e) => update({ sleepHours: e.currentTarget.value })}
              error={errors.sleepHours}
            />
            <ChoiceQuestion
              label="How well do you sleep?"
              value={form.sleepQuality}
              options={sleepQualityLabels}
              onChange={(sleepQuality) => update({ sleepQuality })}
            />
          </SimpleGrid>
          <Textarea
            label="How active are you in a usual week?"
            description="e.g. walk the dog daily, garden on weekends"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.activity}
            onChange={(e) => update({ activity: e.currentTarget.value })}
          />
          <div data-field="energy">
            <ScaleField
              label="Your energy most days"
              ends="0 = no energy at all, 10 = full of energy"
              value={form.energy}
              onChange={(energy) => update({ energy })}
              error={errors.energy}
            />
          </div>
        </Section>

        <Section title="Mind">
          <Text size="sm">
            Your care team reads these answers before your consultation, not as you send them. If you are in
            crisis or thinking about harming yourself, call or text 988 (Suicide and Crisis Lifeline), or call
            911, now.
          </Text>
          <div data-field="stress">
            <ScaleField
              label="Your stress most days"
              ends="0 = no stress, 10 = the most stress you can imagine"
              value={form.stress}
              onChange={(stress) => update({ stress })}
              error={errors.stress}
            />
          </div>
          <Textarea
            label="How has your mood been lately?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.mood}
            onChange={(e) => update({ mood: e.currentTarget.value })}
          />
          <Fieldset
            legend="Over the last 2 weeks, how often have you been bothered by the following?"
            variant="filled"
            p="sm"
          >
            <Stack gap="md">
              {phq2Questions.map((question, i) => (
                <div key={question} data-field="phq2">
                  <ChoiceQuestion
                    label={question}
                    value={form.phq2[i as 0 | 1]}
                    options={frequencyAnswers}
                    onChange={(v) => setPair('phq2', i as 0 | 1, v)}
                    error={form.phq2[i as 0 | 1] === '' ? errors.phq2 : undefined}
                  />
                </div>
              ))}
              {gad2Questions.map((question, i) => (
                <div key={question} data-field="gad2">
                  <ChoiceQuestion
                    label={question}
                    value={form.gad2[i as 0 | 1]}
                    options={frequencyAnswers}
                    onChange={(v) => setPair('gad2', i as 0 | 1, v)}
                    error={form.gad2[i as 0 | 1] === '' ? errors.gad2 : undefined}
                  />
                </div>
              ))}
            </Stack>
          </Fieldset>
        </Section>

        <Section title="Relationships and support">
          <Textarea
            label="Who supports you?"
            description="Family, friends, neighbours, community"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.support}
            onChange={(e) => update({ support: e.currentTarget.value })}
          />
          <Textarea
            label="How are things at home?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.homeLife}
            onChange={(e) => update({ homeLife: e.currentTarget.value })}
          />
          <Textarea
            label="How are things at work, school, or in what you do each day?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.work}
            onChange={(e) => update({ work: e.currentTarget.value })}
          />
        </Section>

        <Section title="Meaning and spirit">
          <Textarea
            label="What gives your life meaning or joy?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.meaning}
            onChange={(e) => update({ meaning: e.currentTarget.value })}
          />
          <Textarea
            label="Spiritual, religious or quiet practices that matter to you"
            description="e.g. prayer, time in nature, meditation"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.practices}
            onChange={(e) => update({ practices: e.currentTarget.value })}
          />
        </Section>

        <Section title="Home and environment">
          <Textarea
            label="Your home and neighbourhood"
            description="e.g. stairs, noise, feeling safe, space to move"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.environmentHome}
            onChange={(e) => update({ environmentHome: e.currentTarget.value })}
          />
          <Textarea
            label="Things around you that may affect your health"
            description="e.g. mould, smoke, chemicals or loud noise at work"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.exposures}
            onChange={(e) => update({ exposures: e.currentTarget.value })}
          />
        </Section>

        <Section title="Lifestyle">
          <Textarea
            label="What do you usually eat and drink in a day?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.nutrition}
            onChange={(e) => update({ nutrition: e.currentTarget.value })}
          />
          <Textarea
            label="How do you move or exercise?"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.movement}
            onChange={(e) => update({ movement: e.currentTarget.value })}
          />
          <ChoiceQuestion
            label="Tobacco (cigarettes, vaping, chewing tobacco)"
            value={form.tobacco}
            options={tobaccoLabels}
            onChange={(tobacco) => update({ tobacco })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              id={fieldId(formId, 'alcoholDrinksPerWeek')}
              label="Alcoholic drinks in a usual week"
              description="One drink is a can of beer, a glass of wine or a shot"
              inputMode="numeric"
              maxLength={3}
              value={form.alcoholDrinksPerWeek}
              onChange={(e) => update({ alcoholDrinksPerWeek: e.currentTarget.value })}
              error={errors.alcoholDrinksPerWeek}
            />
            <TextInput
              label="Other substances"
              description="e.g. cannabis; this stays within your care team"
              maxLength={intakeLimits.otherSubstances}
              value={form.otherSubstances}
              onChange={(e) => update({ otherSubstances: e.currentTarget.value })}
            />
          </SimpleGrid>
        </Section>

        <Section title="Pain over the last week">
          <Text size="sm" id={`${formId}-peg`}>
            If you have no pain, you can leave these three questions unanswered.
          </Text>
          {errors.peg && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {errors.peg}
            </Text>
          )}
          <div data-field="peg">
            <ScaleField
              label={pegQuestions.pain}
              ends="0 = no pain, 10 = pain as bad as you can imagine"
              value={form.pegPain}
              onChange={(pegPain) => update({ pegPain })}
              error={errors.peg && form.pegPain === '' ? errors.peg : undefined}
            />
          </div>
          <ScaleField
            label={pegQuestions.enjoyment}
            ends="0 = does not interfere, 10 = completely interferes"
            value={form.pegEnjoyment}
            onChange={(pegEnjoyment) => update({ pegEnjoyment })}
            error={errors.peg && form.pegEnjoyment === '' ? errors.peg : undefined}
          />
          <ScaleField
            label={pegQuestions.activity}
            ends="0 = does not interfere, 10 = completely interferes"
            value={form.pegActivity}
            onChange={(pegActivity) => update({ pegActivity })}
            error={errors.peg && form.pegActivity === '' ? errors.peg : undefined}
          />
        </Section>

        <Section title="Preferences">
          <TherapyPreferences
            wanted={form.wanted}
            declined={form.declined}
            onChange={(choice) => update(choice)}
          />
          <Checkbox
            label="Needles make me uneasy; I would rather avoid them"
            checked={form.needleAversion}
            onChange={(e) => update({ needleAversion: e.currentTarget.checked })}
          />
          <ChoiceQuestion
            label="What you can spend on care"
            value={form.budget}
            options={budgetLabels}
            onChange={(budget) => update({ budget })}
          />
          <ChoiceQuestion
            label="Video visits"
            value={form.telehealth}
            options={telehealthLabels}
            onChange={(telehealth) => update({ telehealth })}
          />
          <Textarea
            label="Anything that limits when or how you can come"
            description="e.g. work hours, travel, childcare, getting around"
            autosize
            minRows={2}
            maxLength={intakeLimits.longText}
            value={form.limits}
            onChange={(e) => update({ limits: e.currentTarget.value })}
          />
        </Section>

        <Stack gap="xs">
          <Text size="sm" role="status" aria-live="polite">
            {savedText}
          </Text>
          <Group gap="sm">
            <Button
              type="submit"
              variant="default"
              loading={save.isPending}
              disabled={busy && !save.isPending}
            >
              Save draft
            </Button>
            <Button
              type="button"
              onClick={handleSubmit}
              loading={submit.isPending}
              disabled={busy && !submit.isPending}
            >
              Submit to my care team
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            “Save draft” keeps your answers so you can finish later. Your care team sees them once you submit.
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}
