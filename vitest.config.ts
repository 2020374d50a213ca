import { defineConfig } from 'vitest/config';

// Two projects: every database and HTTP test runs once per database; unit
// tests beside the code run once. `test/run-all.ts` (npm test) provides the PostgreSQL.
const databaseTests = ['test/db/**/*.test.ts', 'test/http/**/*.test.ts', 'test/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'sqlite',
          include: [...databaseTests, 'src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          env: { KEXIE_TEST_DB: 'sqlite' },
        },
      },
      {
        test: {
          name: 'postgres',
          include: databaseTests,
          env: { KEXIE_TEST_DB: 'postgres' },
          globalSetup: ['test/helpers/postgres-template.ts'],
        },
      },
    ],
  },
});
