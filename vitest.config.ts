import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: every database, HTTP and CLI test runs once per database;
// unit tests beside the code and tests that touch no database (test/no-db)
// run once. `test/run-all.ts` (npm test) provides the PostgreSQL, and runs the
// browser tests (e2e: a real server and Debian's Chromium) once, afterwards.
const databaseTests = ['test/db/**/*.test.ts', 'test/http/**/*.test.ts', 'test/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database, HTTP and CLI tests spend much of their time waiting on PostgreSQL
    // and on the processes they start, so two files at a time keep a 2-core
    // machine busy where Vitest's default (cores - 1) would run one.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A test file's worker keeps the modules earlier files loaded (the app, its
    // drivers, exceljs…) instead of importing them all again: that import was
    // half of each database test file's time. Files still share nothing else —
    // each builds its own app on its own database — and a project's workers
    // never run another project's files, so each keeps its KEXIE_TEST_DB.
    isolate: false,
    projects: [
      {
        // extends: the projects inherit the timeouts above.
        extends: true,
        test: {
          name: 'sqlite',
          include: [...databaseTests, 'src/**/*.test.ts', 'admin/src/**/*.test.ts', 'test/no-db/**/*.test.ts'],
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
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the console once and checks Chromium and CJK fonts are there.
          globalSetup: ['test/e2e/support/global-setup.ts'],
          // A test clicks through several pages; each file starts a server and a browser.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One file at a time. Two at once took a quarter off the tier's time, but
          // on two cores a burst in one file (a console rebuild, an import, a
          // Word paste) delayed the other's responses past their 15 s waits.
          fileParallelism: false,
        },
      },
    ],
  },
});
