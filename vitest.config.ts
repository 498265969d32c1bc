import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// Integration tests (*.int.test.ts) run on PGlite, and also on a real PostgreSQL server when
// MERIDIAN_TEST_DATABASE_URL is set. Browser tests have their own config (tests/e2e).
process.env.MERIDIAN_TEST_RUN_ID ??= randomBytes(4).toString('hex');
const onServer = Boolean(process.env.MERIDIAN_TEST_DATABASE_URL);
const integration = (kind: 'pglite' | 'postgres') => ({
  test: {
    name: `int-${kind}`,
    include: ['packages/*/src/**/*.int.test.ts'],
    // Files named pglite-*.int.test.ts are about the embedded database itself.
    exclude: kind === 'postgres' ? ['**/pglite-*.int.test.ts', '**/node_modules/**'] : ['**/node_modules/**'],
    env: { MERIDIAN_TEST_DB: kind },
    globalSetup: ['packages/testing/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      integration('pglite'),
      ...(onServer ? [integration('postgres')] : []),
    ],
  },
});
