import { Accordion, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Recommendation } from '@meridian/domain';
import { SeverityBadge } from '../safety/SeverityBadge.tsx';
import { SourceLinks } from '../safety/SourceLinks.tsx';
import type { RecommendationSet } from './consultation-types.ts';
import { guidelineLine, recommendationBadges, sortedSafetyFindings } from './recommendation-format.ts';
import { ToneBadge } from './ToneBadge.tsx';

interface RecommendationsProps {
  set: RecommendationSet;
  /** Whether the therapy is in the plan draft. */
  inPlan: (therapyId: string) => boolean;
  onToggle: (rec: Recommendation, add: boolean) => void;
  disabled: boolean;
}

/** Therapies ranked by evidence for the patient's conditions, screened for this patient. */
export function Recommendations({ set, inPlan, onToggle, disabled }: RecommendationsProps) {
  return (
    <Stack gap="md">
      <Text size="sm">
        {set.conditions.length === 0
          ? 'No recognised conditions yet: record one under reconciliation to see recommendations.'
          : `For ${set.conditions.map((c) => c.name).join(', ')}. Ranked by the strength of the guideline statement, then screened for safety, availability, preference and coverage.`}
      </Text>
      {set.recommendations.length === 0 ? (
        <Text size="sm">No guideline recommends a therapy for these conditions.</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label="Recommended therapies"
        >
          {set.recommendations.map((rec, index) => (
            <RecommendationCard
              key={rec.therapy.id}
              rec={rec}
              rank={index + 1}
              inPlan={inPlan(rec.therapy.id)}
              onToggle={onToggle}
              disabled={disabled}
            />
          ))}
        </Stack>
      )}
      <Accordion variant="separated" multiple>
        <Accordion.Item value="against">
          <Accordion.Control>Recommended against ({set.against.length})</Accordion.Control>
          <Accordion.Panel>
            {set.against.length === 0 ? (
              <Text size="sm">No guideline recommends against a therapy for these conditions.</Text>
            ) : (
              <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                {set.against.map((rec) => (
                  <RecommendationCard key={rec.therapy.id} rec={rec} inPlan={false} disabled />
                ))}
              </Stack>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="unranked">
          <Accordion.Control>
            Other therapies screened (no guideline evidence) ({set.unranked.length})
          </Accordion.Control>
          <Accordion.Panel>
            {set.unranked.length === 0 ? (
              <Text size="sm">None.</Text>
            ) : (
              <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                {set.unranked.map((rec) => (
                  <RecommendationCard
                    key={rec.therapy.id}
                    rec={rec}
                    inPlan={inPlan(rec.therapy.id)}
                    onToggle={onToggle}
                    disabled={disabled}
                  />
                ))}
              </Stack>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

interface RecommendationCardProps {
  rec: Recommendation;
  rank?: number;
  inPlan: boolean;
  onToggle?: (rec: Recommendation, add: boolean) => void;
  disabled: boolean;
}

function RecommendationCard({ rec, rank, inPlan, onToggle, disabled }: RecommendationCardProps) {
  const badges = recommendationBadges(rec);
  const findings = sortedSafetyFindings(rec.safety.findings);
  const edge =
    rec.safety.level === 'contraindicated'
      ? '#c92a2a'
      : rec.safety.level === 'caution'
        ? '#d9480f'
        : '#1864ab';
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      style={{ borderLeft: `6px solid ${rec.direction === 'against' ? '#868e96' : edge}` }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="sm" align="flex-start">
          <Title order={3} size="h5">
            {rank ? `${rank}. ` : ''}
            {rec.therapy.name}
          </Title>
          {onToggle && (
            <Checkbox
              label={`Add ${rec.therapy.name} to plan`}
              checked={inPlan}
              disabled={disabled}
              onChange={(e) => onToggle(rec, e.currentTarget.checked)}
            />
          )}
        </Group>
        {badges.length > 0 && (
          <Group gap={6}>
            {badges.map((b) => (
              <ToneBadge key={b.label} tone={b.tone}>
                {b.label}
              </ToneBadge>
            ))}
          </Group>
        )}
        {rec.best ? (
          <Stack gap={2}>
            <Text size="sm">
              <strong>Grade:</strong> {rec.best.grade}
            </Text>
            <Text size="sm">
              <strong>Guideline:</strong> {guidelineLine(rec.best)}
            </Text>
            {rec.forConditions.length > 0 && (
              <Text size="sm">
                <strong>For:</strong> {rec.forConditions.join(', ')}
              </Text>
            )}
            <Group gap={6} align="baseline">
              <Text size="sm" fw={700}>
                Source:
              </Text>
              <SourceLinks sources={rec.best.sources} />
            </Group>
            {rec.evidence.length > 1 && (
              <Text size="sm" c="dimmed">
                {rec.evidence.length - 1} more {rec.evidence.length === 2 ? 'statement' : 'statements'}:{' '}
                {rec.evidence
                  .slice(1)
                  .map(
                    (e) =>
                      `${e.direction === 'against' ? 'against' : e.grade} (${e.guideline.split(':')[0]})`,
                  )
                  .join('; ')}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">No guideline statement for this patient&apos;s conditions.</Text>
        )}
        {findings.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              Safety with this patient&apos;s regimen
            </Text>
            <List size="sm" spacing={4}>
              {findings.map((f) => (
                <List.Item key={`${f.severity}-${f.summary}`}>
                  <Group gap={6} component="span">
                    <SeverityBadge severity={f.severity} />
                    <span>{f.summary}</span>
                  </Group>
                  <Text size="sm">What to do: {f.management}</Text>
                  <SourceLinks sources={f.sources} />
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        {rec.notes.length > 0 && (
          <Text size="sm" c="dimmed">
            {rec.notes.join(' ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
