// The widget's DOM events, as analytics on the host page see them: caught
// by a listener on `document` (they bubble and cross the shadow boundary),
// `readiness-progress` counts answered questions, `readiness-complete`
// fires once per finish with the report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerStep,
  builtinQuestionnaire,
  finish,
  harness,
  ROOT,
  loadVector,
  questionIds,
  questionsOnStep,
  recordEvents,
  start,
  submitStep,
  waitForStep,
  waitForView,
} from './helpers.mjs';
import path from 'node:path';

const h = harness();
// Every question of the built-in questionnaire: the `total` of each progress event.
const TOTAL = questionIds(await builtinQuestionnaire('en')).length;

test('readiness-progress counts answers; readiness-complete fires once; both reach document', async () => {
  const { answers, expect } = await loadVector('builtin-all-top');
  let events;
  const page = await h.openPage('/test/widget.html?lang=en&storage=none', {
    beforeGoto: async (p) => (events = await recordEvents(p)),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  const ready = (await events()).filter((e) => e.type === 'readiness-ready');
  assert.equal(ready.length, 1, 'readiness-ready once');
  assert.deepEqual([ready[0].bubbles, ready[0].composed, ready[0].target], [true, true, 'w1']);

  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  const ids = await questionsOnStep(widget);
  await answerStep(widget, { [ids[0]]: 2 });
  await answerStep(widget, { [ids[0]]: 3 }); // a changed answer is not a new one
  await answerStep(widget, { [ids[1]]: 'dont-know' }); // don't know is an answer
  let progress = (await events()).filter((e) => e.type === 'readiness-progress');
  assert.deepEqual(
    progress.map((e) => e.detail),
    [
      { answered: 1, total: TOTAL },
      { answered: 1, total: TOTAL },
      { answered: 2, total: TOTAL },
    ],
  );
  assert.ok(progress.every((e) => e.bubbles && e.composed && e.target === 'w1'), 'bubbling, composed, from the element');

  // Back and next send no progress and no completion.
  await answerStep(widget, answers);
  await submitStep(widget);
  await waitForStep(widget, 2);
  await widget.locator('button[data-action=back]').click();
  await waitForStep(widget, 1);
  await submitStep(widget);
  await waitForStep(widget, 2);
  await finish(widget, answers);
  const all = await events();
  progress = all.filter((e) => e.type === 'readiness-progress');
  // The first two questions changed (3 -> 4, don't know -> 4): same count;
  // then one more per new answer, up to every question.
  assert.deepEqual(
    progress.slice(3).map((e) => e.detail.answered),
    [2, 2, ...Array.from({ length: TOTAL - 2 }, (_, i) => i + 3)],
  );
  assert.ok(progress.every((e) => e.detail.total === TOTAL));
  const complete = all.filter((e) => e.type === 'readiness-complete');
  assert.equal(complete.length, 1, 'readiness-complete once');
  assert.deepEqual(complete[0].detail, expect.report);
  assert.deepEqual([complete[0].bubbles, complete[0].composed, complete[0].target], [true, true, 'w1']);

  // Things done on the results do not complete again.
  if (await widget.locator('details summary').count()) await widget.locator('details summary').click();
  await widget.locator('button[data-action=share]').click();
  await widget.locator('.rc-share input').waitFor();
  await widget.evaluate((element) => element.setAttribute('lang', 'id'));
  await widget.locator('.rc[lang=id]').waitFor({ state: 'attached' });
  await page.waitForTimeout(200);
  assert.equal((await events()).filter((e) => e.type === 'readiness-complete').length, 1, 'still once');

  // Starting again and finishing again is a second completion.
  await widget.locator('button[data-action=restart]').click();
  await waitForView(widget, 'intro');
  await finish(widget, answers);
  assert.equal((await events()).filter((e) => e.type === 'readiness-complete').length, 2, 'a second finish, a second event');
});

test('progress after resuming counts the saved answers too', async () => {
  const { answers } = await loadVector('builtin-mixed-en');
  let events;
  const page = await h.openPage('/test/widget.html?lang=en', { beforeGoto: async (p) => (events = await recordEvents(p)) });
  const widget = page.locator('readiness-check');
  await start(widget);
  await answerStep(widget, answers);
  const saved = (await questionsOnStep(widget)).length;
  await page.reload();
  await waitForView(widget, 'intro');
  await widget.locator('button[data-action=resume]').click();
  await waitForStep(widget, 2);
  const [first] = await questionsOnStep(widget);
  await answerStep(widget, { [first]: answers[first] });
  const progress = (await events()).filter((e) => e.type === 'readiness-progress');
  assert.deepEqual(progress.at(-1).detail, { answered: saved + 1, total: TOTAL });
});

test('a listener on window and one on the element get the same events', async () => {
  const page = await h.openPage('/test/widget.html?lang=en&storage=none');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await page.evaluate(() => {
    window.__seen = { window: 0, element: 0 };
    window.addEventListener('readiness-progress', () => window.__seen.window++);
    document.querySelector('readiness-check').addEventListener('readiness-progress', () => window.__seen.element++);
  });
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  const ids = await questionsOnStep(widget);
  await answerStep(widget, Object.fromEntries(ids.map((id) => [id, 1])));
  assert.deepEqual(await page.evaluate(() => window.__seen), { window: ids.length, element: ids.length });
});

test("the benchmark's timing marks: __widgetReady, then __firstRender once a radio exists", async () => {
  const page = await h.openPage('/', {
    beforeGoto: (page) => page.addInitScript({ path: path.join(ROOT, 'scripts/first-render.js') }),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await page.waitForFunction(() => window.__widgetReady !== undefined);
  assert.equal(await page.evaluate(() => window.__firstRender), undefined, 'no radio on the intro');
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  await page.waitForFunction(() => window.__firstRender !== undefined);
  const marks = await page.evaluate(() => ({ ready: window.__widgetReady, first: window.__firstRender, now: performance.now() }));
  assert.ok(marks.ready > 0 && marks.ready < marks.first && marks.first <= marks.now, JSON.stringify(marks));
});
