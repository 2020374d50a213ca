import type { Locator } from 'playwright-core';

export function hasFocus(element: Locator): Promise<boolean> {
  return element.evaluate((el) => el === document.activeElement);
}

/** Whether a keyboard user can see where the focus is on this element: an outline or a box-shadow ring. */
export async function focusRing(element: Locator): Promise<{ visible: boolean; outline: string; boxShadow: string }> {
  const style = await element.evaluate((el) => {
    const computed = getComputedStyle(el);
    return { outlineStyle: computed.outlineStyle, outlineWidth: computed.outlineWidth, boxShadow: computed.boxShadow };
  });
  const outlineVisible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return { visible: outlineVisible || style.boxShadow !== 'none', outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow };
}
