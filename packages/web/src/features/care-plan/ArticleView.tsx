import { List, Stack, Text, Title } from '@mantine/core';
import type { EducationArticle } from '../../api/types.ts';
import { SourceLinks } from '../safety/SourceLinks.tsx';
import { formatCalendarDate } from '../time/format.ts';

/** An education article: its text blocks, reading time, sources and review date. */
export function ArticleView({ article }: { article: EducationArticle }) {
  return (
    <Stack gap="md" component="article" aria-label={article.title}>
      <Text size="sm" c="dimmed">
        About {article.readingMinutes} minute{article.readingMinutes === 1 ? '' : 's'} to read · Reviewed{' '}
        {formatCalendarDate(article.reviewed)}
      </Text>
      <Text size="lg">{article.summary}</Text>
      {article.body.map((block, i) => {
        // Blocks have no ids and never move, so their position is their key.
        const key = `${block.kind}-${i}`;
        if (block.kind === 'heading')
          return (
            <Title key={key} order={2} size="h3">
              {block.text}
            </Title>
          );
        if (block.kind === 'paragraph') return <Text key={key}>{block.text}</Text>;
        return (
          <List key={key} spacing={4}>
            {block.items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        );
      })}
      <Stack gap={4} component="section" aria-label="Sources">
        <Title order={2} size="h4">
          Sources
        </Title>
        <SourceLinks sources={article.sources} />
        <Text size="sm" c="dimmed">
          Last reviewed against its sources on {formatCalendarDate(article.reviewed)}.
        </Text>
      </Stack>
    </Stack>
  );
}
