import { Anchor, Group, Text, VisuallyHidden } from '@mantine/core';
import { labelSources } from './sources.ts';

/** Sources as links named by their host; each opens in a new tab. */
export function SourceLinks({ sources }: { sources: readonly string[] }) {
  if (sources.length === 0) return <Text size="sm">No source listed.</Text>;
  return (
    <Group component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {labelSources(sources).map(({ source, link, label }, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same URL may be listed twice
        <li key={`${index}-${source}`}>
          {link ? (
            <Anchor href={link.href} target="_blank" rel="noreferrer" size="sm" title={link.href}>
              {label}
              <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
            </Anchor>
          ) : (
            <Text size="sm" component="span" style={{ wordBreak: 'break-all' }}>
              {label}
            </Text>
          )}
        </li>
      ))}
    </Group>
  );
}
