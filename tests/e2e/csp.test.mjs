// Under `Content-Security-Policy: default-src 'self'; script-src 'self'
// 'wasm-unsafe-eval'; style-src 'self'` (sent by scripts/serve.mjs for /csp/
// and /test/csp/) the widget works to the results with no violation: no
// inline script or style, no eval, no request to another origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, firstDifference, harness, loadVector, recordEvents, waitForView } from './helpers.mjs';

const h = harness();
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Collects securitypolicyviolation events from the very start of the page. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
}

test('the CSP demo page (/csp/) works to the results with no violation', async () => {
  const vector = await loadVector('builtin-mixed-id');
  let events;
  const page = await h.openPage('/csp/', {
    beforeGoto: async (p) => {
      await recordViolations(p);
      events = await recordEvents(p, ['readiness-complete']);
    },
  });
  assert.equal(page.response.headers()['content-security-policy'], POLICY, 'the policy was sent');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, vector.answers);
  // The interactive parts too: share (copy fails without permission: fine), details, print.
  await widget.locator('details summary').click();
  await widget.locator('button[data-action=share]').click();
  await widget.locator('.rc-share input').waitFor();
  await page.evaluate(() => (window.print = () => {}));
  await widget.locator('button[data-action=print]').click();
  // The widget's styles really applied (a constructed sheet, not inline).
  assert.equal(await widget.locator('.rc').evaluate((el) => getComputedStyle(el).fontSize), '16px');
  const complete = await events();
  assert.equal(complete.length, 1);
  assert.equal(firstDifference(complete[0].detail, vector.expect.report), null);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
  assert.deepEqual(page.consoleErrors, [], 'no console errors (CSP reports land there too)');
});

test('a custom src questionnaire under the CSP (/test/csp/) works too', async () => {
  const page = await h.openPage('/test/csp/custom.html', { beforeGoto: recordViolations });
  assert.equal(page.response.headers()['content-security-policy'], POLICY, 'the policy applies under /test/csp/');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  const vector = await loadVector('tiny-sponsor-cap');
  await finish(widget, vector.answers);
  assert.equal(await widget.locator('.rc-score-number').textContent(), '75.0');
  assert.equal(await widget.locator('.rc-caps li').count(), 1, 'the sponsor cap is explained');
  assert.match(await widget.locator('.rc-caps li').textContent(), /No sponsor/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.consoleErrors, []);
});

test('the CSP test means something: an inline style on the CSP page is reported', async () => {
  const page = await h.openPage('/test/csp/custom.html', { beforeGoto: recordViolations });
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /^style-src/);
  page.consoleErrors.length = 0;
});
