// The element's life in a host page: added late, moved, removed and added
// back; its language from the page or the browser; and an internal failure,
// which must show an error state and leave the page working.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerStepWithMouse,
  checkedOnStep,
  describeViolations,
  harness,
  loadVector,
  questionsOnStep,
  runAxe,
  start,
  stepOf,
  submitStep,
  viewOf,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

test('a widget added after the page loaded works', async () => {
  const page = await h.openPage('/test/widget.html?count=0');
  await page.waitForFunction(() => customElements.get('readiness-check'));
  await page.evaluate(() => {
    const widget = document.createElement('readiness-check');
    widget.setAttribute('lang', 'id');
    document.body.append(widget);
  });
  const widget = page.locator('readiness-check');
  await start(widget);
  assert.equal(await widget.locator('.rc-kicker').textContent(), 'Langkah 1 dari 4');
});

for (const [what, query, options, expected] of [
  ['the page lang', 'pagelang=id', {}, 'id'],
  ["the page lang, before the browser's", 'pagelang=en', { locale: 'id-ID' }, 'en'],
  ["the browser's languages (no lang in the page)", 'pagelang=', { locale: 'id-ID' }, 'id'],
  ['English when nothing else fits', 'pagelang=fr', { locale: 'de-DE' }, 'en'],
]) {
  test(`with no lang attribute, the language comes from ${what}`, async () => {
    const page = await h.openPage(`/test/widget.html?${query}`, options);
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    assert.equal(await widget.locator('.rc').getAttribute('lang'), expected);
    assert.equal(
      await widget.locator('button[data-action=start]').textContent(),
      expected === 'id' ? 'Mulai penilaian' : 'Start the assessment',
    );
  });
}

test('moving the element in the page keeps its state', async () => {
  const { answers } = await loadVector('builtin-mixed-en');
  const page = await h.openPage('/test/widget.html?lang=en&storage=none');
  const widget = page.locator('readiness-check');
  await start(widget);
  await answerStepWithMouse(widget, answers);
  const checked = await checkedOnStep(widget);
  await page.evaluate(() => document.querySelector('main').prepend(document.querySelector('readiness-check')));
  await page.waitForTimeout(50);
  assert.equal(await stepOf(widget), 1);
  assert.deepEqual(await checkedOnStep(widget), checked);
  await submitStep(widget);
  await waitForStep(widget, 2);
});

// Regression test for a widget bug this suite found (fixed): connectedCallback in
// www/readiness-check.js adds the shadow root's click/change/submit
// listeners on every connection, but the shadow root (and, after the
// widget was freed, a new Widget) is reused: after removing the element
// and adding it back, every event is handled twice.
test(
  'a widget removed and added back later handles each event once',
  async () => {
    const { answers } = await loadVector('builtin-all-top');
    const page = await h.openPage('/test/widget.html?lang=en&storage=none');
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    await page.evaluate(async () => {
      const element = document.querySelector('readiness-check');
      const parent = element.parentNode;
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      parent.append(element);
      window.__progress = 0;
      document.addEventListener('readiness-progress', () => window.__progress++);
    });
    await start(widget);
    const ids = await questionsOnStep(widget);
    await answerStepWithMouse(widget, answers);
    assert.equal(await page.evaluate(() => window.__progress), ids.length, 'one readiness-progress per answer');
    await submitStep(widget);
    await waitForStep(widget, 2);
    assert.equal(await widget.locator('.rc-error').count(), 0, 'no error summary on a step just opened');
    await answerStepWithMouse(widget, answers);
    await submitStep(widget);
    await waitForStep(widget, 3);
    await widget.locator('button[data-action=back]').click();
    await page.waitForTimeout(100);
    assert.equal(await stepOf(widget), 2, 'Back goes back one step');
  },
);

test('an internal failure shows an error state in the widget; the page keeps working', async () => {
  const page = await h.openPage('/test/widget.html?lang=en&src=missing.json');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'error');
  // A click that names an action the widget has no data for (no
  // questionnaire loaded): the Rust side throws, the loader must contain it.
  await page.evaluate(() => {
    const rogue = document.createElement('button');
    rogue.dataset.action = 'share';
    document.querySelector('readiness-check').shadowRoot.querySelector('.rc').append(rogue);
    rogue.click();
  });
  const crashed = widget.locator('p.rc-crashed[role=alert]');
  await crashed.waitFor({ state: 'attached' });
  assert.equal(await crashed.textContent(), 'Something went wrong inside the assessment. Reload the page to try again.');
  assert.ok(page.consoleErrors.some((line) => line.includes('<readiness-check> stopped')), 'logged for the developer');
  assert.deepEqual(page.pageErrors, [], 'nothing thrown into the page');
  // The host page goes on: its scripts run, its DOM responds.
  assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), 'Widget fixture');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { id: 'later', textContent: 'still here' })));
  assert.equal(await page.locator('#later').textContent(), 'still here');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  assert.equal(await viewOf(widget), null, 'the widget shows only the message');
});
