import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

interface TableScrollProps {
  /** Names the region for screen readers, e.g. "Patients". */
  label: string;
  children: ReactNode;
}

// Wide tables scroll sideways on phones. The scroller is focusable so people
// using a keyboard can scroll it too (axe: scrollable-region-focusable).
export function TableScroll({ label, children }: TableScrollProps) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
    >
      {children}
    </Box>
  );
}
