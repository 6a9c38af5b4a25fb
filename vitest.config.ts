import { defineConfig } from 'vitest/config';

// Three tiers (see docs/testing.md): pure unit tests of the packages, integration tests through
// the HTTP API on a fresh database per file (PGlite by default, PostgreSQL when
// JIESU_TEST_DATABASE_URL is set), and browser journeys (added with the console).
export default defineConfig({
  test: {
    // Two files at a time on CI's two cores (vitest's default leaves one core to its own, mostly
    // idle, main process): measured 1.6× on four integration files (docs/testing.md).
    maxWorkers: 2,
    minWorkers: 1,
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
          // migrates and seeds the template database every file copies (harness.ts); builds the
          // web apps the browser journeys serve if they are missing (web-apps.ts)
          globalSetup: ['apps/server/test/template-database.ts', 'apps/server/test/web-apps.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
