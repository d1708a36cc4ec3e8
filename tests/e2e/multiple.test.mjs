// Two widgets on one page (lang="id" and lang="en"): each has its own
// state, texts, radio groups and events; answering one leaves the other
// alone, and both complete independently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerStep,
  checkedOnStep,
  finish,
  firstDifference,
  harness,
  loadVector,
  recordEvents,
  stepOf,
  submitStep,
  viewOf,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

/** Everything visible about a widget's state, to see that it did not change. */
function snapshot(widget) {
  return widget.evaluate((element) => {
    const root = element.shadowRoot;
    return {
      html: root.querySelector('.rc').outerHTML,
      checked: [...root.querySelectorAll('input:checked')].map((input) => `${input.name}=${input.value}`),
    };
  });
}

test('two widgets (id and en) on one page work independently', async () => {
  const [vid, ven] = [await loadVector('builtin-mixed-id'), await loadVector('builtin-mixed-en')];
  let events;
  const page = await h.openPage('/test/two.html', { beforeGoto: async (p) => (events = await recordEvents(p)) });
  const wid = page.locator('#w-id');
  const wen = page.locator('#w-en');
  await waitForView(wid, 'intro');
  await waitForView(wen, 'intro');
  assert.equal(await wid.locator('.rc').getAttribute('lang'), 'id');
  assert.equal(await wen.locator('.rc').getAttribute('lang'), 'en');
  assert.equal(await wid.locator('button[data-action=start]').textContent(), 'Mulai penilaian');
  assert.equal(await wen.locator('button[data-action=start]').textContent(), 'Start the assessment');

  // Start the English one; the Indonesian one stays on its intro.
  const before = await snapshot(wid);
  await wen.locator('button[data-action=start]').click();
  await waitForStep(wen, 1);
  await answerStep(wen, ven.answers);
  assert.deepEqual(await snapshot(wid), before, 'answering the English widget leaves the Indonesian one as it was');

  // Same question ids in both: radio groups must not be shared across widgets.
  await wid.locator('button[data-action=start]').click();
  await waitForStep(wid, 1);
  const enChecked = await checkedOnStep(wen);
  await answerStep(wid, vid.answers);
  assert.deepEqual(await checkedOnStep(wen), enChecked, 'the English answers are still checked');
  const idChecked = await checkedOnStep(wid);
  assert.ok(Object.values(idChecked).every((v) => v !== null));

  // Progress events name their own widget.
  const progress = (await events()).filter((e) => e.type === 'readiness-progress');
  assert.ok(progress.some((e) => e.target === 'w-id') && progress.some((e) => e.target === 'w-en'));

  // Finish the Indonesian one first, then the English one.
  await finish(wid, vid.answers);
  assert.equal(await stepOf(wen), 1, 'the English widget is still on step 1');
  assert.deepEqual(await checkedOnStep(wen), enChecked);
  await submitStep(wen);
  await finish(wen, ven.answers);
  assert.equal(await viewOf(wid), 'results');
  assert.equal(await viewOf(wen), 'results');

  const complete = (await events()).filter((e) => e.type === 'readiness-complete');
  assert.deepEqual(
    complete.map((e) => e.target),
    ['w-id', 'w-en'],
    'one readiness-complete per widget, each from its own element',
  );
  assert.equal(firstDifference(complete[0].detail, vid.expect.report), null, 'the Indonesian report');
  assert.equal(firstDifference(complete[1].detail, ven.expect.report), null, 'the English report');
  assert.equal(await wid.locator('.rc-score-number').textContent(), String(vid.expect.report.overall.score).replace('.', ','));
  assert.equal(await wen.locator('.rc-score-number').textContent(), String(ven.expect.report.overall.score));

  // Starting one again leaves the other's results.
  await wen.locator('button[data-action=restart]').click();
  await waitForView(wen, 'intro');
  assert.equal(await viewOf(wid), 'results');
});

test('a page of three widgets: each widget on its own step', async () => {
  const { answers } = await loadVector('builtin-all-top');
  const page = await h.openPage('/test/widget.html?lang=en&count=3&storage=none');
  const widgets = [1, 2, 3].map((n) => page.locator(`#w${n}`));
  for (const widget of widgets) await waitForView(widget, 'intro');
  for (const [i, widget] of widgets.entries()) {
    await widget.locator('button[data-action=start]').click();
    for (let step = 1; step <= i; step++) {
      await waitForStep(widget, step);
      await answerStep(widget, answers);
      await submitStep(widget);
    }
  }
  assert.deepEqual(await Promise.all(widgets.map(stepOf)), [1, 2, 3]);
});

// Regression test for a widget bug this suite found (fixed): both elements save under the
// same key (then readiness-check:v2:<id>@<version>, wasm/src/storage.rs `key`;
// now readiness-check:v3:<id>#<element id>, scoped by the element's id),
// each writing its whole answer set (widget.rs `save`), so the last widget
// answered overwrites the other's progress, and after a reload both resume
// with the same answers.
test(
  'two widgets of the same questionnaire keep their own saved progress across a reload',
  async () => {
    const top = (await loadVector('builtin-all-top')).answers;
    const bottom = (await loadVector('builtin-all-bottom')).answers;
    const page = await h.openPage('/test/two.html');
    const wid = page.locator('#w-id');
    const wen = page.locator('#w-en');
    await waitForView(wid, 'intro');
    await waitForView(wen, 'intro');
    await wid.locator('button[data-action=start]').click();
    await waitForStep(wid, 1);
    await answerStep(wid, top);
    const idAnswers = await checkedOnStep(wid);
    await wen.locator('button[data-action=start]').click();
    await waitForStep(wen, 1);
    await answerStep(wen, bottom);
    const enAnswers = await checkedOnStep(wen);
    await page.reload();
    for (const [widget, expected] of [
      [wid, idAnswers],
      [wen, enAnswers],
    ]) {
      await waitForView(widget, 'intro');
      await widget.locator('button[data-action=resume]').click();
      await waitForStep(widget, 2);
      await widget.locator('button[data-action=back]').click();
      await waitForStep(widget, 1);
      assert.deepEqual(await checkedOnStep(widget), expected, `${await widget.getAttribute('id')} resumes with its own answers`);
    }
  },
);
