import type { Page } from 'playwright-core';

/** How far the page scrolls sideways beyond the window (0 when it fits), as on a phone a thumb would find. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; overflow: number }> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  return { scrollWidth, innerWidth, overflow: Math.max(0, scrollWidth - innerWidth) };
}

/**
 * Icons that a screen reader reads out as part of a button's, link's, menu
 * entry's or tree entry's name: Ant Design icons carry an English aria-label
 * ("plus", "apartment") unless marked aria-hidden, so a Chinese user hears
 * "plus 新建用户". Controls named by their own aria-label are not affected.
 */
export async function iconsReadInControlNames(page: Page): Promise<{ control: string; icon: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="img"][aria-label]')]
      .filter((icon) => !icon.closest('[aria-hidden="true"]'))
      .map((icon) => ({ icon, control: icon.closest('button, a, [role="button"], [role="menuitem"], [role="treeitem"], [role="tab"], [role="link"]') }))
      .filter(({ control }) => control && !control.hasAttribute('aria-label') && !control.hasAttribute('aria-labelledby') && (control.textContent ?? '').trim() !== '')
      .map(({ icon, control }) => ({ control: (control!.textContent ?? '').trim(), icon: icon.getAttribute('aria-label') ?? '' })),
  );
}
