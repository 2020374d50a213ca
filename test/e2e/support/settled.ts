import type { Page } from 'playwright-core';

/**
 * Waits until what moves on the page has stopped: a dialog zooming open (a
 * click on it meanwhile can miss), a hover colour or a toast fading in or
 * out. Endless animations (a spinner, a caret) never finish and are left out.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
}
