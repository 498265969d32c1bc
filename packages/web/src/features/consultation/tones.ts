import type { BadgeTone } from './recommendation-format.ts';

// Explicit colours, each at least 4.5:1 (Mantine's filled orange and green fall short with white);
// checked in the tests.
export const badgeTones: Record<BadgeTone, { bg: string; fg: string; edge: string }> = {
  danger: { bg: '#c92a2a', fg: '#ffffff', edge: '#c92a2a' },
  warning: { bg: '#ffd8a8', fg: '#212529', edge: '#d9480f' },
  info: { bg: '#e7f5ff', fg: '#1864ab', edge: '#1864ab' },
  neutral: { bg: '#f1f3f5', fg: '#212529', edge: '#868e96' },
  good: { bg: '#e6fcf5', fg: '#087f5b', edge: '#087f5b' },
};
