import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { settled } from './settled.ts';

type Violation = axe.Result;

/** A rule broken on every row of a table would otherwise bury the other rules. */
const maxNodesShown = 4;

/** What a reader of a failing test needs: the rule, how bad, what to fix, and where. */
function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const shown = v.nodes.slice(0, maxNodesShown);
      const nodes = shown.map((node) => `    at ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      const more = v.nodes.length > shown.length ? `\n    … and ${v.nodes.length - shown.length} more elements` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe-core inside the page as it is now (the source injected through
 * the DevTools protocol, so the page's content security policy does not
 * apply) and returns the violations that would stop or seriously hinder a
 * person using a screen reader or a keyboard.
 */
export async function seriousAxeViolations(page: Page): Promise<Violation[]> {
  // Evaluated as a script, so it defines window.axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Fails with a readable list when axe-core finds a serious or critical
 * violation on the page. Axe judges colours as they are at that instant, so it
 * waits for animations to finish first: a toast half faded in is not a
 * contrast failure.
 */
export async function assertNoSeriousAxeViolations(page: Page, pageName: string): Promise<void> {
  await settled(page);
  const violations = await seriousAxeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe-core: ${violations.length} serious or critical accessibility violation(s) on ${pageName}:\n${describeViolations(violations)}`);
  }
}
