// The iframe embed: a host page with
// `<iframe data-readiness-check src="/embed/embed.html?lang=en">` and
// readiness-frame.js. The frame reports its height (the host sizes the
// iframe to it) and its events are re-dispatched on the iframe element.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerStepWithMouse,
  builtinQuestionnaire,
  finish,
  firstDifference,
  harness,
  loadVector,
  questionIds,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

/** The iframe's height as the host page laid it out, and the frame's own content height. */
function heights(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe[data-readiness-check]');
    return {
      style: frame.style.height,
      box: frame.getBoundingClientRect().height,
      content: frame.contentDocument.documentElement.scrollHeight,
    };
  });
}

test('iframe embed: resized to its content, events re-dispatched on the iframe', async () => {
  const vector = await loadVector('builtin-mixed-en');
  const page = await h.openPage('/test/iframe.html');
  await page.evaluate(() => {
    window.__frameEvents = [];
    const frame = document.querySelector('iframe[data-readiness-check]');
    for (const type of ['readiness-progress', 'readiness-complete']) {
      frame.addEventListener(type, (event) =>
        window.__frameEvents.push({ type, detail: event.detail, target: event.target.tagName, bubbles: event.bubbles }),
      );
    }
    // The host's analytics might listen on document: the event bubbles there.
    window.__documentCompletes = 0;
    document.addEventListener('readiness-complete', () => window.__documentCompletes++);
  });
  const widget = page.frameLocator('iframe[data-readiness-check]').locator('readiness-check');
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('.rc').getAttribute('lang'), 'en', 'lang from the query');

  // The intro is taller than the 150px the host gave the frame: it grows.
  await page.waitForFunction(() => document.querySelector('iframe[data-readiness-check]').getBoundingClientRect().height > 300);
  let size = await heights(page);
  assert.ok(size.box > 300, `resized (${size.box}px)`);
  assert.ok(Math.abs(size.box - size.content) <= 2, `to its content (${size.box} vs ${size.content})`);

  // A step is taller than the intro: the frame follows.
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  await page.waitForFunction(
    () => {
      const frame = document.querySelector('iframe[data-readiness-check]');
      return Math.abs(frame.getBoundingClientRect().height - frame.contentDocument.documentElement.scrollHeight) <= 2;
    },
    null,
    { timeout: 5000 },
  );
  const stepSize = await heights(page);
  assert.ok(stepSize.box > size.box, `taller on a step (${stepSize.box} > ${size.box})`);

  // One real click inside the frame, then the rest quickly.
  await answerStepWithMouse(widget, { 'audience-online-habits': vector.answers['audience-online-habits'] });
  await finish(widget, vector.answers);
  await page.waitForFunction(() => window.__frameEvents.some((e) => e.type === 'readiness-complete'));
  const events = await page.evaluate(() => window.__frameEvents);
  const complete = events.filter((e) => e.type === 'readiness-complete');
  assert.equal(complete.length, 1, 'readiness-complete once, on the iframe');
  assert.equal(complete[0].target, 'IFRAME');
  assert.equal(firstDifference(complete[0].detail, vector.expect.report), null, 'with the report');
  assert.equal(await page.evaluate(() => window.__documentCompletes), 1, 'and it bubbles to document');
  const progress = events.filter((e) => e.type === 'readiness-progress');
  const total = questionIds(await builtinQuestionnaire('en')).length;
  assert.deepEqual(progress.at(-1).detail, { answered: total, total }, 'every question answered');

  // Results are taller still; the host's content after the frame is not covered.
  await page.waitForFunction(() => {
    const frame = document.querySelector('iframe[data-readiness-check]');
    return Math.abs(frame.getBoundingClientRect().height - frame.contentDocument.documentElement.scrollHeight) <= 2;
  });
  size = await heights(page);
  const after = await page.evaluate(() => document.querySelector('p.after').getBoundingClientRect().top);
  const frameBottom = await page.evaluate(() => document.querySelector('iframe[data-readiness-check]').getBoundingClientRect().bottom);
  assert.ok(Math.abs(size.box - size.content) <= 2, `results fit the frame (${size.box} vs ${size.content})`);
  assert.ok(after >= frameBottom, 'the host content follows the frame');
});

test('readiness-frame.js ignores messages from other windows and foreign messages', async () => {
  const page = await h.openPage('/test/iframe.html');
  const widget = page.frameLocator('iframe[data-readiness-check]').locator('readiness-check');
  await waitForView(widget, 'intro');
  await page.waitForFunction(() => document.querySelector('iframe[data-readiness-check]').style.height !== '');
  const before = await page.evaluate(() => document.querySelector('iframe[data-readiness-check]').style.height);
  // The page itself (not the frame) posts a height: not applied.
  await page.evaluate(() => window.postMessage({ type: 'readiness-height', height: 5 }, '*'));
  await page.evaluate(() => window.postMessage('not an object', '*'));
  await page.evaluate(() => window.postMessage(null, '*'));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.querySelector('iframe[data-readiness-check]').style.height), before);
});
