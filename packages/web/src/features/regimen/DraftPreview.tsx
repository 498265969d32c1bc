import { Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import type { RegimenItem } from '../../api/types.ts';
import { SeverityBadge } from '../safety/SeverityBadge.tsx';
import { plainLevelLabel, plainLevelOf } from '../safety/severity.ts';
import { describePreview, type PreviewOutcome, previewInputs } from './draft-preview.ts';
import { joinNames } from './regimen-format.ts';
import { useSafetyPreview } from './regimen-queries.ts';

export type Audience = 'clinician' | 'patient';

interface DraftPreviewProps {
  /** The patient's regimen (active items are checked with the draft). */
  items: readonly RegimenItem[];
  /** The draft as the check reads it (with its therapy:/condition: prefix), or '' for none. */
  draftInput: string;
  /** What was typed, for the messages. */
  draftText: string;
  audience: Audience;
  onPickSuggestion: (name: string) => void;
}

/** Minimum length before the draft is worth checking (one letter matches too much). */
const minDraftLength = 2;

function Resolved({
  outcome,
  audience,
}: {
  outcome: Extract<PreviewOutcome, { status: 'resolved' }>;
  audience: Audience;
}) {
  const lead = `Recognised as ${outcome.name} (${outcome.kind}).${outcome.alreadyListed ? ' It is already on the list.' : ''}`;
  if (outcome.findings.length === 0) {
    return (
      <Text size="sm">
        {lead} No new interactions with the current list were found in Meridian&apos;s knowledge base.
      </Text>
    );
  }
  const count = outcome.findings.length;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {lead}{' '}
        {audience === 'clinician'
          ? `Adding it would add ${count} ${count === 1 ? 'finding' : 'findings'}:`
          : 'You can still add it; your care team will want to talk about:'}
      </Text>
      <List size="sm" spacing="xs">
        {outcome.findings.map((f) => (
          <List.Item key={`${f.ref}-${f.itemNames.join('+')}`}>
            <Group gap="xs" wrap="wrap">
              {audience === 'clinician' ? (
                <SeverityBadge severity={f.severity} />
              ) : (
                <SeverityBadge severity={f.severity} label={plainLevelLabel[plainLevelOf[f.severity]]} />
              )}
              <Text size="sm" fw={600} component="span">
                {audience === 'clinician' ? f.itemNames.join(' + ') : joinNames(f.itemNames)}
              </Text>
            </Group>
            {audience === 'clinician' && <Text size="sm">{f.summary}</Text>}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The live check of a draft item, announced politely as it changes. */
export function DraftPreview({
  items,
  draftInput,
  draftText,
  audience,
  onPickSuggestion,
}: DraftPreviewProps) {
  const ready = draftText.trim().length >= minDraftLength;
  const preview = useSafetyPreview(ready ? previewInputs(items, draftInput) : null);
  const outcome = preview.result ? describePreview(preview.result, draftInput, items) : null;

  let content: React.ReactNode = null;
  if (!ready) content = null;
  else if (preview.error)
    content = (
      <Text size="sm">
        The live check is unavailable right now. The full check still runs when the item is added.
      </Text>
    );
  else if (preview.checking || !outcome || outcome.status === 'unknown')
    // Shown but not announced: the region speaks only when the answer arrives.
    content = (
      <Group gap="xs" aria-hidden="true">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">Checking “{draftText.trim()}”…</Text>
      </Group>
    );
  else if (outcome.status === 'unresolved')
    content = (
      <Stack gap="xs">
        <Text size="sm">
          <strong>Not recognised</strong> — “{draftText.trim()}” is not in Meridian&apos;s knowledge base, so
          it cannot be checked
          {audience === 'clinician'
            ? ' (it will be listed as not assessed).'
            : ' (your care team will review it).'}
          {outcome.suggestions.length > 0 ? ' Did you mean:' : ''}
        </Text>
        {outcome.suggestions.length > 0 && (
          <Group gap="xs">
            {outcome.suggestions.map((name) => (
              <Button key={name} size="compact-sm" variant="outline" onClick={() => onPickSuggestion(name)}>
                {name}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    );
  else content = <Resolved outcome={outcome} audience={audience} />;

  return <div aria-live="polite">{content}</div>;
}
