import { Alert, type AlertProps } from '@mantine/core';

type Tone = 'success' | 'warning';

const colors: Record<Tone, string> = { success: 'green', warning: 'yellow' };

/**
 * A green or yellow Alert whose title stays readable: Mantine's light green and yellow titles fall
 * below 4.5:1 on their tinted backgrounds, so the title uses the body text colour; the tint and
 * the icon-free border still carry the tone, and the words carry the meaning.
 */
export function Notice({ tone, styles, ...props }: Omit<AlertProps, 'color'> & { tone: Tone }) {
  return (
    <Alert
      color={colors[tone]}
      styles={{
        title: { color: 'var(--mantine-color-text)' },
        ...(typeof styles === 'object' ? styles : {}),
      }}
      {...props}
    />
  );
}
