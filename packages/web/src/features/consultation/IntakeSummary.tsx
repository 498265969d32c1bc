import { Box, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IntakeScreenResult, IntakeView } from './consultation-types.ts';
import { screenLine } from './intake-format.ts';
import { ToneBadge } from './ToneBadge.tsx';

interface IntakeSummaryProps {
  intake: IntakeView | null;
  therapyName: (id: string) => string;
  formatWhen: (iso: string) => string;
}

function Entry({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>
        {term}
      </Text>
      <Box component="dd" m={0} fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Box>
    </div>
  );
}

/** Only the answers given: an empty review would hide the ones that matter. */
function Answers({ entries }: { entries: [string, string | number | undefined | null][] }) {
  const given = entries.filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== '');
  if (given.length === 0) return <Text size="sm">Not answered.</Text>;
  return (
    <Stack component="dl" gap={6} m={0}>
      {given.map(([term, value]) => (
        <Entry key={term} term={term}>
          {String(value)}
        </Entry>
      ))}
    </Stack>
  );
}

function Screen({ name, screen, max }: { name: string; screen: IntakeScreenResult | null; max: 6 | 10 }) {
  if (!screen) return <Entry term={name}>Not answered.</Entry>;
  return (
    <Entry term={name}>
      <Group gap="xs" component="span">
        <span>{screenLine(screen, max)}</span>
        {screen.positive !== null && (
          <ToneBadge tone={screen.positive ? 'warning' : 'neutral'}>
            {screen.positive ? 'Positive' : 'Negative'}
          </ToneBadge>
        )}
      </Group>
      <Text size="sm">{screen.interpretation}</Text>
    </Entry>
  );
}

const level = (value: number | undefined, max: number) =>
  value === undefined ? undefined : `${value} / ${max}`;

/** What the patient told us before the visit, in their words, with the screens scored. */
export function IntakeSummary({ intake, therapyName, formatWhen }: IntakeSummaryProps) {
  if (!intake) {
    return <Text>The patient has not started the intake questionnaire.</Text>;
  }
  const a = intake.answers;
  const prefs = a.preferences;
  return (
    <Stack gap="md">
      <Text size="sm">
        {intake.status === 'submitted'
          ? `Submitted ${intake.submittedAt ? formatWhen(intake.submittedAt) : ''}.`
          : `Draft, not yet submitted (last saved ${formatWhen(intake.updatedAt)}).`}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            Why they are coming
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.reasons?.trim() || 'Not answered.'}
          </Text>
          <Title order={3} size="h4">
            Goals in the patient&apos;s words
          </Title>
          {a.goals?.length ? (
            <List size="sm">
              {a.goals.map((g) => (
                <List.Item key={g}>“{g}”</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">None given.</Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">
            Screens
          </Title>
          <Stack component="dl" gap={6} m={0}>
            <Screen name="PHQ-2 (depression)" screen={intake.screens.phq2} max={6} />
            <Screen name="GAD-2 (anxiety)" screen={intake.screens.gad2} max={6} />
            <Screen name="PEG (pain, enjoyment, activity)" screen={intake.screens.peg} max={10} />
          </Stack>
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h4">
        Whole-person review
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Stack gap={4}>
          <Text fw={600}>Body</Text>
          <Answers
            entries={[
              ['Pain now', level(a.physical?.painNow, 10)],
              ['Where', a.physical?.painLocations],
              ['Sleep', a.physical?.sleepHours === undefined ? undefined : `${a.physical.sleepHours} hours`],
              ['Sleep quality', a.physical?.sleepQuality],
              ['Activity', a.physical?.activity],
              ['Energy', level(a.physical?.energy, 10)],
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Mind</Text>
          <Answers
            entries={[
              ['Stress', level(a.emotional?.stress, 10)],
              ['Mood', a.emotional?.mood],
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Relationships and support</Text>
          <Answers
            entries={[
              ['Support', a.social?.support],
              ['Home', a.social?.home],
              ['Work', a.social?.work],
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Meaning and spirit</Text>
          <Answers
            entries={[
              ['Meaning', a.spiritual?.meaning],
              ['Practices', a.spiritual?.practices],
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Home and environment</Text>
          <Answers
            entries={[
              ['Home', a.environmental?.home],
              ['Exposures', a.environmental?.exposures],
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>Lifestyle</Text>
          <Answers
            entries={[
              ['Eating', a.lifestyle?.nutrition],
              ['Movement', a.lifestyle?.movement],
              ['Tobacco', a.lifestyle?.tobacco],
              ['Alcohol (drinks a week)', a.lifestyle?.alcoholDrinksPerWeek],
              ['Other substances', a.lifestyle?.otherSubstances],
            ]}
          />
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h4">
        Preferences
      </Title>
      <Answers
        entries={[
          ['Would like', prefs?.wanted?.map(therapyName).join(', ')],
          ['Would rather not', prefs?.declined?.map(therapyName).join(', ')],
          ['Needles', prefs?.needleAversion ? 'Would rather avoid needles' : undefined],
          ['Budget', prefs?.budget ? budgetLabel[prefs.budget] : undefined],
          ['Telehealth', prefs?.telehealth ? telehealthLabel[prefs.telehealth] : undefined],
          ['Practical limits', prefs?.limits],
        ]}
      />
    </Stack>
  );
}

const budgetLabel: Record<string, string> = {
  'insurance-only': 'Insurance-covered care only',
  'some-self-pay': 'Some self-pay is fine',
  'self-pay-ok': 'Self-pay is fine',
};

const telehealthLabel: Record<string, string> = {
  prefer: 'Prefers video visits',
  open: 'Open to video visits',
  no: 'In person only',
};
