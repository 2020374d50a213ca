/**
 * Issue 3, "Must show" 3 and 4: the organisation tree and the audit log at a
 * laptop's and a phone's size — screenshots kept under artifacts/e2e/, no
 * sideways scrolling — and axe-core on them. (The login page's axe check is in
 * login.test.ts; the console-error guard applies to every test.)
 */
import type { Page } from 'playwright-core';
import { saveScreenshot } from './support/artifacts.ts';
import { assertNoSeriousAxeViolations } from './support/axe.ts';
import { demoAdmin, signIn } from './support/console-steps.ts';
// Only signs in and looks: the run's shared server.
import { expect, readOnlyTest as test, viewports } from './support/fixtures.ts';
import { horizontalOverflow, iconsReadInControlNames } from './support/layout.ts';

interface ConsolePage {
  file: string;
  title: string;
  path: string;
  /** Waits until the page shows its content (not a spinner). */
  ready(page: Page): Promise<void>;
}

const pages: ConsolePage[] = [
  {
    file: 'org-tree',
    title: '组织机构',
    path: '/admin/orgs',
    ready: async (page) => {
      await page.getByRole('tree').getByRole('treeitem').first().waitFor();
      await page.getByRole('cell', { name: '南阳市科协', exact: true }).waitFor();
    },
  },
  {
    file: 'audit-log',
    title: '审计日志',
    path: '/admin/audit',
    // The admin's own sign-in is always there.
    ready: (page) => page.getByRole('table', { name: '审计日志列表' }).locator('tbody').getByRole('row').first().waitFor(),
  },
];

async function open(page: Page, consolePage: ConsolePage) {
  await page.goto(consolePage.path);
  await consolePage.ready(page);
  await page.waitForLoadState('networkidle');
}

for (const consolePage of pages) {
  test(`${consolePage.title}: screenshots at 1280×720 and 390×844, and no sideways scrolling at either size`, async ({ page }) => {
    await signIn(page, demoAdmin.username, demoAdmin.password);
    for (const [device, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      await open(page, consolePage);
      await saveScreenshot(page, `${consolePage.file}-${size.width}x${size.height}`);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `${consolePage.title} on the ${device} (${size.width} px) scrolls sideways`).toBeLessThanOrEqual(innerWidth);
    }
  });

  test(`axe-core finds no serious or critical violation on ${consolePage.title}, on a laptop and on a phone`, async ({ page }) => {
    await signIn(page, demoAdmin.username, demoAdmin.password);
    for (const [device, size] of Object.entries(viewports)) {
      await page.setViewportSize(size);
      await open(page, consolePage);
      await assertNoSeriousAxeViolations(page, `${consolePage.title} (${device}, ${size.width}×${size.height})`);
    }
  });
}

test('icons do not add English words to the names screen readers read for buttons, menu and tree entries', async ({ page }) => {
  await signIn(page, demoAdmin.username, demoAdmin.password);
  const usersPage = { file: 'users', title: '用户管理', path: '/admin/users', ready: (p: Page) => p.getByRole('table', { name: '用户列表' }).waitFor() };
  const pagesByReading = new Map<string, string[]>();
  for (const consolePage of [...pages, usersPage]) {
    await open(page, consolePage);
    for (const { control, icon } of await iconsReadInControlNames(page)) {
      const reading = `“${control}” is read as “${icon} ${control}”`;
      pagesByReading.set(reading, [...new Set([...(pagesByReading.get(reading) ?? []), consolePage.title])]);
    }
  }
  const found = [...pagesByReading].map(([reading, titles]) => `${reading} (on ${titles.join(', ')})`);
  expect(found, 'icons inside named controls need aria-hidden').toEqual([]);
});
