// Smoke test: the demo blog page loads and the widget comes alive in it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeViolations, harness, runAxe, screenshot, WCAG22_AA } from './helpers.mjs';

const h = harness();

/** Waits for the widget's first question, past the intro if there is one. */
async function firstRadio(page) {
  const widget = page.locator('readiness-check');
  const radio = widget.locator('input[type=radio]').first();
  const start = widget.locator('button[data-action=start]');
  // 'attached': a styled radio may be visually hidden behind its label.
  await radio.or(start).first().waitFor({ state: 'attached', timeout: 5000 });
  if ((await radio.count()) === 0) await start.click();
  await radio.waitFor({ state: 'attached', timeout: 5000 });
  return radio;
}

for (const [name, urlPath] of [
  ['demo page', '/'],
  ['demo page under a strict CSP', '/csp/'],
]) {
  test(`${name}: loads the widget with no errors`, async () => {
    const page = await h.openPage(urlPath);
    if (urlPath.startsWith('/csp/')) {
      // The test means something only if the policy was really sent.
      assert.match(page.response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll('readiness-check').length), 1);
    assert.ok(
      await page.evaluate(() => document.querySelector('readiness-check').shadowRoot !== null),
      'the widget has an open shadow root',
    );
    await firstRadio(page);
    const radios = await page.evaluate(
      () => document.querySelector('readiness-check').shadowRoot.querySelectorAll('input[type=radio]').length,
    );
    assert.ok(radios > 0, 'the shadow root holds radio inputs');
    assert.deepEqual(page.consoleErrors, [], 'no console errors');
  });
}

test('demo page: no WCAG 2.2 AA or best-practice violations (axe, widget included)', async () => {
  const page = await h.openPage('/');
  await page.locator('readiness-check button, readiness-check input').first().waitFor({ timeout: 5000 });
  // Best practice too (landmarks, one h1, heading order): the demo page
  // is what marketers copy.
  const tags = [...WCAG22_AA, 'best-practice'];
  const intro = await runAxe(page, { tags });
  assert.equal(intro.length, 0, describeViolations(intro));
  await firstRadio(page);
  const step = await runAxe(page, { tags });
  assert.equal(step.length, 0, describeViolations(step));
});

for (const width of [360, 1280]) {
  test(`demo page at ${width} px: screenshot`, async () => {
    const page = await h.openPage('/', { width, height: 800 });
    await firstRadio(page);
    await screenshot(page, `smoke-${width}`);
  });
}
