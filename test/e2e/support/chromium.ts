import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../helpers/requirements.ts';

/**
 * Debian's Chromium, never a downloaded one (`npx playwright install` is not
 * used): quiet, headless, and making no calls home that could slow or fail a run.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
