import { defineConfig } from 'vitest/config';

// Browser tests: a real Meridian server (started by its CLI on a fresh data directory) and the
// system Chromium driven by playwright-core. Run with `npm run test:e2e`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
