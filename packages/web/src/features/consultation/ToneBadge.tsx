import { Badge } from '@mantine/core';
import type { BadgeTone } from './recommendation-format.ts';
import { badgeTones } from './tones.ts';

/** A badge whose words carry the meaning; the colour only reinforces them. */
export function ToneBadge({ tone, children }: { tone: BadgeTone; children: React.ReactNode }) {
  const t = badgeTones[tone];
  return (
    <Badge
      variant="filled"
      radius="sm"
      style={{ backgroundColor: t.bg, color: t.fg, border: `1px solid ${t.edge}`, overflow: 'visible' }}
    >
      {children}
    </Badge>
  );
}
