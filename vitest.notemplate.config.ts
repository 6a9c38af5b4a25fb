import { defineConfig } from 'vitest/config';

// Three tiers (see docs/testing.md): pure unit tests of the packages, integration tests through
// the HTTP API on a fresh database per file (PGlite by default, PostgreSQL when
// JIESU_TEST_DATABASE_URL is set), and browser journeys (added with the console).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'console',
          include: ['apps/console/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
