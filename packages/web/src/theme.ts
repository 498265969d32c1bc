import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Mantine's default filled blue (shade 6) fails WCAG AA with white text; shade 9
// gives 6:1 and its hover shade 8 still clears 4.5:1. The same shade applies to
// every filled colour, which keeps red warning buttons readable too.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '700' },
});

// Secondary text (gray 6) and error text (red 6) are below 4.5:1 on white in
// Mantine's defaults; darker shades keep hints and field errors legible.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
