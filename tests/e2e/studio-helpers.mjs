// What several browser tests (the studio's, compare.test.mjs)
// share: accessibility and layout checks, screenshots, a keyboard walk.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, describeViolations, runAxe } from './helpers.mjs';

/** axe-core (WCAG 2.2 AA and target-size) finds nothing. */
export async function assertAxeClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

/** No page wider than its viewport (what is inside an SVG is its own). */
export async function assertNoOverflow(page, where) {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length && element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((element) => !element.closest('svg'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`),
  }));
  assert.ok(scroll <= width, `${where}: the page is ${scroll}px wide in a ${width}px viewport (${wide.join(', ')})`);
}

/** tests/e2e/artifacts/studio-NAME.png, to look at. */
export async function shot(page, name, { fullPage = false } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `studio-${name}.png`), fullPage });
}

/** Presses `key` until focus matches `selector`, checking that focus is
 * visible at every stop (an outline of 2 px or more; inside the preview
 * widget, its own styles). */
export async function tabTo(page, selector, { key = 'Tab', max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate((selector) => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return {
        matches: element.matches(selector),
        visible:
          element.tagName === 'READINESS-CHECK' ||
          element === document.body ||
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
        what: `${element.tagName.toLowerCase()}#${element.id}[${element.dataset.path ?? element.dataset.op ?? ''}]`,
      };
    }, selector);
    assert.ok(stop.visible, `focus is visible on ${stop.what}`);
    if (stop.matches) return;
  }
  throw new Error(`no focus on ${selector} after ${max} × ${key}`);
}
