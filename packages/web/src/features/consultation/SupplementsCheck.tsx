import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { Workspace } from './consultation-types.ts';

/**
 * The safety check of the supplements the saved plan would start, against the patient's regimen. A
 * name the knowledge base does not know is listed as not assessed: unknown is never "safe".
 */
export function SupplementsCheck({ check }: { check: Workspace['plan']['supplementsToStart'] }) {
  if (check.findings.length === 0 && check.notAssessed.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Supplements to start: safety check
      </Title>
      {check.findings.length > 0 && (
        <List size="sm" aria-label="Findings for supplements to start">
          {check.findings.map((f) => (
            <List.Item key={`${f.supplement}-${f.summary}`}>
              <Text size="sm" span fw={600}>
                {f.severity[0]!.toUpperCase() + f.severity.slice(1)}:
              </Text>{' '}
              {f.summary} {f.management}{' '}
              {f.sources.slice(0, 2).map((src, i) => (
                <Anchor key={src} href={src} target="_blank" rel="noreferrer" size="sm">
                  {`source ${i + 1}`}
                </Anchor>
              ))}
            </List.Item>
          ))}
        </List>
      )}
      {check.notAssessed.length > 0 && (
        <Alert color="yellow" title="Not assessed">
          {check.notAssessed.map((n) => (
            <Text size="sm" key={n.name}>
              “{n.name}” is not in the knowledge base, so its safety could not be checked
              {n.suggestions.length ? ` (did you mean ${n.suggestions.join(', ')}?)` : ''}.
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
