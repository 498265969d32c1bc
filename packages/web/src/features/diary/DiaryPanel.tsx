import { Alert, Button, Collapse, List, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import type { DiaryEntry } from '../../api/types.ts';
import { useCarePlan } from '../care-plan/care-plan-queries.ts';
import { ErrorState } from '../common/ErrorState.tsx';
import { LoadingState } from '../common/LoadingState.tsx';
import { useRegimen } from '../regimen/regimen-queries.ts';
import { Notice } from '../scheduling/Notice.tsx';
import { formatCalendarDate } from '../time/format.ts';
import { ChipChoices } from './ChipChoices.tsx';
import { DiaryReminderSettings } from './DiaryReminderSettings.tsx';
import {
  commonLocations,
  commonTriggers,
  type DiaryForm,
  type DiaryFormErrors,
  dayLabel,
  diaryDateProblem,
  diaryDateRange,
  diaryLimits,
  diarySavedText,
  emptyDiaryForm,
  entrySummary,
  entryToForm,
  formToDiaryInput,
  lastSevenDays,
  saveLabel,
  selfCareChoices,
  sleepQualityLabels,
  takenChoices,
  therapyChoices,
  validateDiaryForm,
  wordChoices,
} from './diary-form.ts';
import { useDiary, useSaveDiary } from './diary-queries.ts';
import { TapScale } from './TapScale.tsx';

const sleepQualities = (Object.keys(sleepQualityLabels) as (keyof typeof sleepQualityLabels)[]).map((q) => ({
  value: q,
  label: sleepQualityLabels[q],
}));

/** The pain diary: a day's entry (today unless another day is chosen) and the last seven days. */
export function DiaryPanel({ patientId }: { patientId: string }) {
  const diary = useDiary(patientId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [dayText, setDayText] = useState<string | null>(null);
  const dayId = useId();

  if (diary.isPending) return <LoadingState label="Loading your diary" />;
  if (diary.isError)
    return (
      <ErrorState
        title="Could not load your diary"
        error={diary.error}
        onRetry={() => void diary.refetch()}
      />
    );

  const { today, timeZone, entries } = diary.data;
  const date = chosen ?? today;
  const shownDay = dayText ?? date;
  const dayProblem = shownDay === date ? null : diaryDateProblem(shownDay, today);
  const range = diaryDateRange(today);
  const entry = entries.find((e) => e.date === date) ?? null;

  return (
    <Stack gap="lg">
      <TextInput
        id={dayId}
        type="date"
        label="Day"
        description={`Today is ${formatCalendarDate(today)} (${timeZone}).`}
        min={range.min}
        max={range.max}
        value={shownDay}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setDayText(next);
          if (diaryDateProblem(next, today) === null) {
            setChosen(next);
            setDayText(null);
          }
        }}
        error={dayProblem}
        maw={340}
      />
      {date < today && (
        <Notice tone="warning" title={`${dayLabel(date, today)}: ${formatCalendarDate(date)}`}>
          This entry will be marked as added later.
        </Notice>
      )}
      <DiaryEntryForm
        // A new day starts from that day's entry (or a blank one).
        key={date}
        patientId={patientId}
        date={date}
        today={today}
        timeZone={timeZone}
        entry={entry}
        past={entries}
      />
      <LastSevenDays entries={entries} today={today} onEdit={(d) => setChosen(d)} />
      <DiaryReminderSettings patientId={patientId} timeZone={timeZone} />
    </Stack>
  );
}

interface DiaryEntryFormProps {
  patientId: string;
  date: string;
  today: string;
  timeZone: string;
  entry: DiaryEntry | null;
  past: DiaryEntry[];
}

function DiaryEntryForm({ patientId, date, today, timeZone, entry, past }: DiaryEntryFormProps) {
  const formId = useId();
  const moreId = useId();
  const [form, setForm] = useState<DiaryForm>(() => (entry ? entryToForm(entry) : emptyDiaryForm()));
  const [errors, setErrors] = useState<DiaryFormErrors>({});
  const [more, setMore] = useState(false);
  const save = useSaveDiary(patientId);
  const plan = useCarePlan(patientId);
  const regimen = useRegimen(patientId);
  const problemsRef = useRef<HTMLDivElement>(null);

  function update(patch: Partial<DiaryForm>) {
    setForm((current) => ({ ...current, ...patch }));
    save.reset();
    const touched = Object.keys(patch);
    if (touched.some((k) => k in errors) || errors.form || (errors.painWorst && 'painAverage' in patch)) {
      setErrors((current) =>
        Object.fromEntries(
          Object.entries(current).filter(
            ([k]) => k !== 'form' && !touched.includes(k) && !(k === 'painWorst' && 'painAverage' in patch),
          ),
        ),
      );
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validateDiaryForm(form);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      if (first === 'notes') setMore(true);
      requestAnimationFrame(() => {
        const target =
          first === 'form'
            ? problemsRef.current
            : (document.getElementById(`${formId}-${first}`) ??
              document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [data-field="${first}"] input`));
        target?.focus();
      });
      return;
    }
    save.mutate(
      { date, input: formToDiaryInput(form) },
      { onError: () => requestAnimationFrame(() => problemsRef.current?.focus()) },
    );
  }

  const savedBody = useMemo(
    () => JSON.stringify(formToDiaryInput(entry ? entryToForm(entry) : emptyDiaryForm())),
    [entry],
  );
  const dirty = JSON.stringify(formToDiaryInput(form)) !== savedBody;
  const savedText = diarySavedText(entry?.recordedAt ?? null, dirty, timeZone, new Date());
  const shown = plan.data?.plan?.shown ?? null;

  return (
    <form id={formId} onSubmit={handleSubmit} noValidate aria-label="Diary entry">
      <Stack gap="md">
        {entry && !save.isSuccess && (
          <Text size="sm">
            {date === today ? 'Today’s entry' : 'The entry for this day'} is loaded: change what you like and
            save again.
          </Text>
        )}
        <div data-field="painNow">
          <TapScale
            label="Pain now"
            ends="0 = no pain, 10 = the worst pain you can imagine"
            value={form.painNow}
            onChange={(painNow) => update({ painNow })}
          />
        </div>
        <div data-field="painAverage">
          <TapScale
            label="Average pain today"
            value={form.painAverage}
            onChange={(painAverage) => update({ painAverage })}
          />
        </div>
        <div data-field="painWorst">
          <TapScale
            label="Worst pain today"
            value={form.painWorst}
            onChange={(painWorst) => update({ painWorst })}
            error={errors.painWorst}
          />
        </div>
        <TextInput
          id={`${formId}-sleepHours`}
          label="Hours of sleep"
          description="Last night, e.g. 7 or 6.5"
          inputMode="decimal"
          maxLength={5}
          value={form.sleepHours}
          onChange={(e) => update({ sleepHours: e.currentTarget.value })}
          error={errors.sleepHours}
          maw={260}
        />
        <TapScale
          label="Sleep quality"
          values={sleepQualities}
          value={form.sleepQuality}
          onChange={(v) => update({ sleepQuality: v as DiaryForm['sleepQuality'] })}
        />

        <div>
          <Button
            variant="light"
            aria-expanded={more}
            aria-controls={moreId}
            onClick={() => setMore((open) => !open)}
          >
            {more ? 'Fewer questions' : 'More'}
          </Button>
        </div>
        <Collapse expanded={more} id={moreId}>
          <Paper withBorder p="md">
            <Stack gap="lg">
              <ChipChoices
                legend="Where was the pain?"
                choices={wordChoices(
                  past.map((e) => e.locations),
                  commonLocations,
                  form.locations,
                )}
                value={form.locations}
                onChange={(locations) => update({ locations })}
                addLabel="Add a place"
                maxLength={diaryLimits.word}
              />
              <ChipChoices
                legend="What made it worse?"
                choices={wordChoices(
                  past.map((e) => e.triggers),
                  commonTriggers,
                  form.triggers,
                )}
                value={form.triggers}
                onChange={(triggers) => update({ triggers })}
                addLabel="Add a trigger"
                maxLength={diaryLimits.word}
              />
              <TapScale
                label="Mood"
                ends="0 = very low, 10 = very good"
                value={form.mood}
                onChange={(mood) => update({ mood })}
              />
              <TapScale
                label="Activity"
                ends="0 = not active at all, 10 = as active as you wish"
                value={form.activity}
                onChange={(activity) => update({ activity })}
              />
              <ChipChoices
                legend="Therapies done today"
                choices={therapyChoices(shown?.interventions ?? [], form.therapies)}
                value={form.therapies}
                onChange={(therapies) => update({ therapies })}
              />
              {plan.isPending ? (
                <Text size="sm">Loading your plan…</Text>
              ) : (
                <ChipChoices
                  legend="Self-care done today"
                  choices={selfCareChoices(shown?.content.selfCare ?? [], form.selfCare)}
                  value={form.selfCare}
                  onChange={(selfCare) => update({ selfCare })}
                  empty="Your plan has no self-care practices yet."
                />
              )}
              {regimen.isPending ? (
                <Text size="sm">Loading your medicines…</Text>
              ) : (
                <ChipChoices
                  legend="Medicines and supplements taken today"
                  choices={takenChoices(regimen.data?.items ?? [], form.taken)}
                  value={form.taken}
                  onChange={(taken) => update({ taken })}
                  empty="No medicines or supplements are on your record."
                />
              )}
              <Textarea
                id={`${formId}-notes`}
                label="Notes"
                description="Anything else about the day"
                autosize
                minRows={2}
                maxLength={diaryLimits.notes}
                value={form.notes}
                onChange={(e) => update({ notes: e.currentTarget.value })}
                error={errors.notes}
              />
            </Stack>
          </Paper>
        </Collapse>

        <div ref={problemsRef} tabIndex={-1}>
          {errors.form && (
            <Alert color="red" title="Nothing to save yet" role="alert">
              {errors.form}
            </Alert>
          )}
          {save.isError && (
            <Alert color="red" title="Your entry was not saved" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
        </div>
        <Button type="submit" size="lg" fullWidth loading={save.isPending}>
          {saveLabel(date, today)}
        </Button>
        <Text role="status" aria-live="polite" size="sm" fw={save.isSuccess ? 600 : undefined}>
          {savedText}
        </Text>
      </Stack>
    </form>
  );
}

function LastSevenDays({
  entries,
  today,
  onEdit,
}: {
  entries: DiaryEntry[];
  today: string;
  onEdit: (date: string) => void;
}) {
  const headingId = useId();
  const days = lastSevenDays(entries, today);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Your last 7 days
        </Title>
        <List spacing={6} listStyleType="none" ml={0} pl={0}>
          {days.map(({ date, entry }) => (
            <List.Item key={date}>
              <Text span fw={600}>
                {dayLabel(date, today)}:
              </Text>{' '}
              {entry ? (
                <>
                  <Text span>{entrySummary(entry)}</Text>
                  {entry.backdated && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      (added later)
                    </Text>
                  )}
                </>
              ) : (
                <>
                  <Text span c="dimmed">
                    No entry.
                  </Text>{' '}
                  {date !== today && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => {
                        onEdit(date);
                        window.scrollTo({ top: 0 });
                      }}
                      aria-label={`Add entry for ${formatCalendarDate(date)}`}
                    >
                      Add entry
                    </Button>
                  )}
                </>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
