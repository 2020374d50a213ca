import { defineConfig } from 'vitest/config';

// Two projects: every database, HTTP and CLI test runs once per database;
// unit tests beside the code and tests that touch no database (test/no-db)
// run once. `test/run-all.ts` (npm test) provides the PostgreSQL.
const databaseTests = ['test/db/**/*.test.ts', 'test/http/**/*.test.ts', 'test/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // extends: the projects inherit the timeouts above.
        extends: true,
        test: {
          name: 'sqlite',
          include: [...databaseTests, 'src/**/*.test.ts', 'test/no-db/**/*.test.ts'],
          env: { KEXIE_TEST_DB: 'sqlite' },
        },
      },
      {
        extends: true,
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
