import { Anchor, Badge, Group, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { TableScroll } from '../common/TableScroll.tsx';
import { SeverityBadge } from '../safety/SeverityBadge.tsx';
import { formatCalendarDate, formatInstantInZone } from '../time/format.ts';
import {
  diaryDaysText,
  goalStatusColor,
  goalStatusLabel,
  responseDetail,
  responseHeadline,
  reviewOutcomeText,
  sessionsText,
  sinceReviewText,
  weekText,
} from './progress-format.ts';
import type { ProgressView } from './progress-types.ts';

type HeadingOrder = 2 | 3 | 4;

/** The response flag: whether pain has fallen by a clinically important amount, with the rule and source. */
export function ResponseFlag({ response }: { response: ProgressView['response'] }) {
  return (
    <Paper
      withBorder
      p="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${response.important ? 'teal-8' : 'gray-6'})` }}
    >
      <Stack gap={4}>
        <Text fw={700}>{responseHeadline(response)}</Text>
        <Text size="sm">{responseDetail(response)}</Text>
        <Text size="sm">
          Rule: {response.rule}{' '}
          <Anchor href={response.source} target="_blank" rel="noreferrer" size="sm">
            Source: Farrar et al. 2001 (PubMed)
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}

/** This week and last week from the diary, and the change since the last review. */
export function WeeklySummary({ progress }: { progress: ProgressView }) {
  return (
    <Stack gap={4}>
      <Text size="sm">{weekText('This week', progress.weekly.thisWeek)}</Text>
      <Text size="sm">{weekText('Last week', progress.weekly.lastWeek)}</Text>
      <Text size="sm">{sinceReviewText(progress.sinceLastReview, formatCalendarDate)}</Text>
    </Stack>
  );
}

/** Sessions attended of those planned, and how often the diary is kept. */
export function AdherenceSummary({ adherence }: { adherence: ProgressView['adherence'] }) {
  return (
    <List size="sm" spacing={2}>
      <List.Item>{sessionsText(adherence.sessionsAttended, adherence.sessionsPlanned)}</List.Item>
      <List.Item>{diaryDaysText(adherence.diaryDaysLast28)}</List.Item>
    </List>
  );
}

/** Each goal of the current plan: status in words, expected value now against the latest. */
export function GoalsTable({ progress, caption }: { progress: ProgressView; caption: string }) {
  if (progress.goals.length === 0) return <Text size="sm">The current plan has no goals to track.</Text>;
  return (
    <TableScroll label={caption}>
      <Table striped miw={760} captionSide="top" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Goal</Table.Th>
            <Table.Th scope="col">Target</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Baseline</Table.Th>
            <Table.Th scope="col">Expected now</Table.Th>
            <Table.Th scope="col">Latest</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {progress.goals.map((g) => (
            <Table.Tr key={g.goalId}>
              <Table.Th scope="row" fw={500}>
                {g.what}
              </Table.Th>
              <Table.Td>{g.target}</Table.Td>
              <Table.Td>
                <Badge color={goalStatusColor[g.status]} variant="filled" radius="sm" tt="none">
                  {goalStatusLabel[g.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{g.baseline ?? '—'}</Table.Td>
              <Table.Td>{g.expected ?? '—'}</Table.Td>
              <Table.Td>
                {g.latest ? `${g.latest.value} (${formatCalendarDate(g.latest.date)})` : 'No measurement yet'}
              </Table.Td>
              <Table.Td>{formatCalendarDate(g.dueDate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Active safety findings first found since the last review (or since the plan started). */
export function FindingsSinceReview({ progress }: { progress: ProgressView }) {
  const findings = progress.findingsSinceLastReview;
  if (findings.length === 0)
    return <Text size="sm">No new active safety findings since the last review.</Text>;
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {findings.map((f) => (
        <Group component="li" key={f.id} gap="sm" wrap="nowrap" align="flex-start">
          <div style={{ flex: 'none' }}>
            <SeverityBadge severity={f.severity} />
          </div>
          <Text size="sm">
            {f.summary}{' '}
            <Text span size="sm" c="dimmed">
              (first found {formatInstantInZone(f.firstFoundAt, progress.timeZone, { withDate: true })})
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Earlier reviews of the plan, newest first. */
export function ReviewHistory({ progress, order }: { progress: ProgressView; order: HeadingOrder }) {
  const history = progress.review?.history ?? [];
  return (
    <Stack gap="xs">
      <Title order={order} size="h4">
        Review history
      </Title>
      {history.length === 0 ? (
        <Text size="sm">The plan has not been reviewed yet.</Text>
      ) : (
        <TableScroll label="Review history">
          <Table striped miw={640} captionSide="top" verticalSpacing="xs">
            <Table.Caption>Earlier reviews of the plan, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
                <Table.Th scope="col">By</Table.Th>
                <Table.Th scope="col">Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((h) => (
                <Table.Tr key={`${h.at}-${h.version}`}>
                  <Table.Th scope="row" fw={500}>
                    {formatInstantInZone(h.at, progress.timeZone, { withDate: true })}
                  </Table.Th>
                  <Table.Td>{reviewOutcomeText(h)}</Table.Td>
                  <Table.Td>{h.by ?? 'A former clinician'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{h.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
