/**
 * The browser tests' `test`: each file gets its own kexie server (its own
 * copy of the demo data loaded once per run), and the worker's Chromium; each test gets a fresh
 * browser context (no cookies, Chinese locale, Beijing time) and a page
 * watched for console errors, uncaught exceptions and failed requests.
 *
 * A file that only reads — it signs in and looks, but saves, imports or
 * deletes nothing — uses `readOnlyTest` instead of `test`, the same in every
 * other way: its tests run against the one server the run starts in
 * global-setup.ts, saving the seconds a server of its own takes to start.
 * Sign-ins are fine (sessions and the audit log's sign-in entries are all they
 * add). A file that writes keeps `test`, so that no file sees another's changes.
 */
import fs from 'node:fs';
import { inject, test as base } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { saveScreenshot } from './artifacts.ts';
import { launchChromium } from './chromium.ts';
import { BackgroundPriority, canRaisePriority, startKexieServer, type KexieServer } from './kexie-server.ts';
import { watchPage } from './page-problems.ts';

export { expect } from 'vitest';
export { expectFailure } from './page-problems.ts';

/** The laptop most staff use, and the phone the console must not break on. */
export const viewports = {
  desktop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
} as const;

const slug = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Where a file's tests find kexie; `onCleanup` stops what the file started. */
type ServerForFile = (onCleanup: (cleanup: () => Promise<void>) => void) => Promise<KexieServer>;

/**
 * The next file's server, started in the background once a file has taken
 * its own: it starts at the lowest CPU priority while that file's tests run,
 * so the next file that writes finds it listening instead of waiting seconds
 * for a start, and the running tests lose no CPU to it. Where priorities
 * cannot be raised again (not root), every file starts its server itself.
 */
let spareServer: { server: Promise<KexieServer>; priority: BackgroundPriority } | undefined;

function startSpareServer(): void {
  const priority = new BackgroundPriority();
  const server = startKexieServer({ demoDataDir: inject('demoDataDir'), background: priority });
  // One that fails to start is replaced by a server started in the foreground.
  server.catch(() => undefined);
  spareServer = { server, priority };
}

const ownServer: ServerForFile = async (onCleanup) => {
  const spare = spareServer;
  spareServer = undefined;
  // Needed now: full priority, even if it is still starting.
  spare?.priority.raise();
  const server = (await spare?.server.catch(() => undefined)) ?? (await startKexieServer({ demoDataDir: inject('demoDataDir') }));
  onCleanup(() => server.stop());
  if (canRaisePriority) startSpareServer();
  return server;
};

/** The run's shared server: global setup stops it; its output is read from the file it goes to. */
const sharedServer: ServerForFile = async () => {
  const { baseUrl, logFile } = inject('sharedKexie');
  return { baseUrl, output: () => fs.readFileSync(logFile, 'utf8'), stop: async () => {} };
};

/**
 * One Chromium for every file this worker runs (files run one after another
 * and keep their modules): a test's own browser context is what keeps it apart
 * from the others. A browser that has gone away is launched again; the worker's
 * exit closes the last one.
 */
let workerBrowser: Promise<Browser> | undefined;
async function chromiumForWorker(): Promise<Browser> {
  const launched = await workerBrowser?.catch(() => undefined);
  if (launched?.isConnected()) return launched;
  workerBrowser = launchChromium();
  return workerBrowser;
}

const browserTest = (serverForFile: ServerForFile) =>
  base
    .extend('kexie', { scope: 'file' }, ({}, { onCleanup }): Promise<KexieServer> => serverForFile(onCleanup))
    .extend('browser', { scope: 'file' }, (): Promise<Browser> => chromiumForWorker())
    .extend('page', async ({ kexie, browser, task }, { onCleanup }): Promise<Page> => {
      const context = await browser.newContext({ baseURL: kexie.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: viewports.desktop });
      // Well below the test's own timeout, so a missing button fails with its name rather than a bare timeout.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const problems = watchPage(page);
      onCleanup(async () => {
        // Cleanup runs once the test's result is known, while the page is still open.
        if (task.result?.state === 'fail') {
          const file = await saveScreenshot(page, `failed-${slug(task.name)}`).catch(() => undefined);
          if (file) console.error(`screenshot of the failing page: ${file}`);
        }
        const unexpected = problems.unexpected();
        await context.close();
        if (unexpected.length > 0) {
          throw new Error(`the page reported ${unexpected.length} problem(s) the test did not expect:\n  ${unexpected.join('\n  ')}\n--- server output ---\n${kexie.output()}`);
        }
      });
      return page;
    });

/** For a file that changes data: a server of its own. */
export const test = browserTest(ownServer);

/** For a file that only reads: the run's shared server (see above). */
export const readOnlyTest = browserTest(sharedServer);
