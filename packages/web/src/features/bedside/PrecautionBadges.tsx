import { Badge, Group, Text } from '@mantine/core';

interface PrecautionBadgesProps {
  precautions: readonly { code: string; label: string }[];
  /** Names the list for screen readers, e.g. "Precautions". */
  label?: string;
}

// High-contrast badges (dark text on a pale orange with a strong edge): a chest drain or an
// IV line has to be seen before the therapist touches the patient.
const badgeStyle = {
  backgroundColor: '#fff4e6',
  color: '#212529',
  border: '2px solid #d9480f',
} as const;

/** An order's precautions as a labelled list of badges. */
export function PrecautionBadges({ precautions, label = 'Precautions' }: PrecautionBadgesProps) {
  if (precautions.length === 0) return <Text size="sm">No precautions marked.</Text>;
  return (
    <Group component="ul" aria-label={label} gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {precautions.map((p) => (
        <li key={p.code}>
          <Badge size="lg" radius="sm" tt="none" fw={700} style={badgeStyle}>
            {p.label}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
