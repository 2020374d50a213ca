// Only looks: the run's shared server.
import { expect, readOnlyTest as test } from './support/fixtures.ts';
import { kb, loginJsBudgetBytes, measureLoginPageJs, measureWholeConsoleJs } from './support/login-bundle.ts';

test('the login page loads under 300 KB of JavaScript (gzip) and not the rest of the console', async ({ page }) => {
  const login = await measureLoginPageJs(page);
  const console = measureWholeConsoleJs();
  const listing = login.scripts.map((s) => `${s.name} ${kb(s.gzipBytes)} KB`).join(', ');
  expect(login.gzipBytes, `login page JS: ${kb(login.gzipBytes)} KB gzip (${listing})`).toBeLessThan(loginJsBudgetBytes);
  // Code-split: the pages behind the login are not fetched before anyone signs in.
  expect(login.scripts.length).toBeGreaterThan(0);
  expect(login.gzipBytes).toBeLessThan(console.gzipBytes);
  for (const page of ['AppLayout', 'OrgTreePage', 'UserListPage', 'AuditLogPage']) {
    expect(login.scripts.map((s) => s.name).filter((name) => name.startsWith(`${page}-`))).toEqual([]);
  }
});
