// Pointer runs on a phone-sized viewport (360×740): with the mouse on the
// Indonesian demo page, and by touch (taps) in English. Every view must fit
// the width (no horizontal scrolling) and every tap must land.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkedOnStep,
  finish,
  harness,
  loadVector,
  questionsOnStep,
  stepOf,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();
const WIDTH = 360;

/** Fails if the page scrolls sideways at this moment. */
async function assertNoSideScroll(page, where, width = WIDTH) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= width, `${where}: document scrollWidth ${scrollWidth} > ${width} (client ${clientWidth})`);
  // Nothing inside the widget sticks out of it either (clipped overflow
  // would not show in the document's scrollWidth).
  const outside = await page.locator('readiness-check').evaluate((element, width) => {
    const wide = [];
    for (const node of element.shadowRoot.querySelectorAll('*')) {
      const box = node.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
        wide.push(`${node.tagName.toLowerCase()}.${node.className?.baseVal ?? node.className} ${box.left}..${box.right}`);
      }
    }
    return wide;
  }, width);
  assert.deepEqual(outside, [], `${where}: elements beyond the viewport`);
}

for (const [mode, lang, urlPath, vectorName] of [
  ['mouse', 'id', '/', 'builtin-mixed-id'],
  ['touch', 'en', '/test/widget.html?lang=en', 'builtin-mixed-en'],
]) {
  test(`${mode} on a 360×740 viewport (${lang}): to results with no horizontal scrolling`, async () => {
    const touch = mode === 'touch';
    const vector = await loadVector(vectorName);
    const page = await h.openPage(urlPath, {
      width: WIDTH,
      height: 740,
      ...(touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    });
    const widget = page.locator('readiness-check');
    const press = (locator) => (touch ? locator.tap() : locator.click());
    await waitForView(widget, 'intro');
    await assertNoSideScroll(page, 'intro');

    await press(widget.locator('button[data-action=start]'));
    await waitForStep(widget, 1);
    // Submitting an empty step shows the error summary: it must fit too.
    await press(widget.locator('form.rc-step button[type=submit]'));
    await widget.locator('.rc-error[role=alert]').waitFor({ state: 'attached' });
    await assertNoSideScroll(page, 'step 1 with the error summary');

    for (let step = 1; step <= 4; step++) {
      await waitForStep(widget, step);
      await assertNoSideScroll(page, `step ${step}`);
      const ids = await questionsOnStep(widget);
      for (const id of ids) {
        // Press the option's text, the way a visitor does.
        const option = widget.locator(`fieldset[data-question="${id}"] label.rc-option`, {
          has: page.locator(`input[value="${vector.answers[id]}"]`),
        });
        await press(option.locator('span'));
      }
      assert.deepEqual(
        await checkedOnStep(widget),
        Object.fromEntries(ids.map((id) => [id, String(vector.answers[id])])),
        `every ${mode === 'touch' ? 'tap' : 'click'} on step ${step} checked its option`,
      );
      if (step === 3) {
        // Back and forward again by pointer keeps the answers.
        await press(widget.locator('button[data-action=back]'));
        await waitForStep(widget, 2);
        assert.equal(Object.values(await checkedOnStep(widget)).includes(null), false, 'step 2 kept its answers');
        await press(widget.locator('form.rc-step button[type=submit]'));
        await waitForStep(widget, 3);
        assert.equal(Object.values(await checkedOnStep(widget)).includes(null), false, 'step 3 kept its answers');
      }
      await press(widget.locator('form.rc-step button[type=submit]'));
    }

    await waitForView(widget, 'results');
    assert.equal(await stepOf(widget), null);
    const number = await widget.locator('.rc-score-number').textContent();
    assert.equal(Number(number.replace(',', '.')), vector.expect.report.overall.score);
    await assertNoSideScroll(page, 'results');
    // Open everything that can widen the results: the disclosure and the share link.
    await press(widget.locator('details summary'));
    assert.equal(await widget.locator('details').evaluate((d) => d.open), true);
    await press(widget.locator('button[data-action=share]'));
    await widget.locator('.rc-share input').waitFor({ state: 'visible' });
    await assertNoSideScroll(page, 'results with the disclosure open and the share link shown');
  });
}

// Regression test for a widget bug this suite found (fixed): at 320 px (WCAG 1.4.10 reflow) the
// results table of the Indonesian demo page is wider than the widget: its
// three columns (factor name, bar + score, level such as "Berkembang")
// cannot shrink below ~300 px (.rc-table, .rc-score-cell span nowrap,
// .rc-bar min-width in www/readiness-check.css), so the page scrolls sideways.
test(
  'at 320 px (the WCAG reflow width) nothing scrolls sideways on the demo page',
  async () => {
    const { answers } = await loadVector('builtin-mixed-id');
    const page = await h.openPage('/', { width: 320, height: 740 });
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    await assertNoSideScroll(page, 'intro', 320);
    await widget.locator('button[data-action=start]').click();
    await waitForStep(widget, 1);
    await assertNoSideScroll(page, 'step 1', 320);
    await finish(widget, answers);
    await assertNoSideScroll(page, 'results', 320);
  },
);
