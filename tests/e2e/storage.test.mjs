// Saved progress: answers survive a reload (localStorage, keyed by the
// questionnaire id and version, the answers saved as their share code) and
// the intro offers to resume or start over; storage="none" saves nothing; corrupt, stale or foreign saved data
// is ignored with a notice and never breaks the widget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinQuestionnaire,
  questionIds,
  answerStep,
  checkedOnStep,
  finish,
  recordEvents,
  harness,
  loadVector,
  noticeText,
  questionsOnStep,
  submitStep,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();
// The fixture's widget has id="w1", which scopes its saved progress.
const KEY = 'readiness-check:v2:social-media-strategy@1.0.0#w1';
const IGNORED = 'Saved answers could not be read and were ignored.';

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

// The built-in questionnaire's question ids, in the order asked: the order
// of a share code's letters.
const QUESTION_IDS = questionIds(await builtinQuestionnaire('en'));
const LETTER = { 'dont-know': 'd', 'not-applicable': 'n' };

/** The share code core/src/share.rs writes for `answers`, read back letter by letter. */
function savedAnswers(code) {
  const match = /^social-media-strategy@1\.0\.0:([0-4dn_]+)-[0-9a-z]{4}$/.exec(code ?? '');
  assert.ok(match, `a share code for this edition: ${code}`);
  assert.equal(match[1].length, QUESTION_IDS.length, 'a letter per question');
  const answers = {};
  for (const [i, letter] of [...match[1]].entries()) {
    if (letter === '_') continue;
    const answer = Object.entries(LETTER).find(([, l]) => l === letter)?.[0] ?? Number(letter);
    answers[QUESTION_IDS[i]] = answer;
  }
  return answers;
}
const readinessKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('readiness-check')));

/** Answers all of step 1 and the first `n` questions of step 2; returns what was answered. */
async function answerSomething(widget, answers, n = 3) {
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  const step1 = await questionsOnStep(widget);
  await answerStep(widget, answers);
  await submitStep(widget);
  await waitForStep(widget, 2);
  const step2 = (await questionsOnStep(widget)).slice(0, n);
  await answerStep(widget, Object.fromEntries(step2.map((id) => [id, answers[id]])));
  return { step1, step2, given: Object.fromEntries([...step1, ...step2].map((id) => [id, answers[id]])) };
}

test('reload restores: resume goes to the first open step with the answers checked', async () => {
  const { answers } = await loadVector('builtin-mixed-en');
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  const { step1, step2, given } = await answerSomething(widget, answers);
  assert.deepEqual(savedAnswers(await saved(page)), given, `saved under ${KEY}`);

  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('button[data-action=start]').count(), 0, 'no plain start when answers are saved');
  assert.equal(await widget.locator('button[data-action=start-over]').count(), 1);
  const resume = widget.locator('button[data-action=resume]');
  assert.equal(await resume.textContent(), 'Continue where you left off');
  await resume.click();
  await waitForStep(widget, 2);
  const checked = await checkedOnStep(widget);
  for (const id of Object.keys(checked)) {
    assert.equal(checked[id], step2.includes(id) ? String(answers[id]) : null, `${id} after resuming`);
  }
  await widget.locator('button[data-action=back]').click();
  await waitForStep(widget, 1);
  assert.deepEqual(await checkedOnStep(widget), Object.fromEntries(step1.map((id) => [id, String(answers[id])])));
});

test('reload restores: "start over" forgets the saved answers', async () => {
  const { answers } = await loadVector('builtin-mixed-id');
  const page = await h.openPage('/test/widget.html?lang=id');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await answerSomething(widget, answers, 1);
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('button[data-action=start-over]').textContent(), 'Mulai dari awal');
  await widget.locator('button[data-action=start-over]').click();
  await waitForStep(widget, 1);
  assert.ok(Object.values(await checkedOnStep(widget)).every((value) => value === null), 'nothing checked');
  assert.equal(await saved(page), null, 'the saved answers are gone');
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1, 'a plain start after starting over');
});

test('storage="none" saves nothing, and switching storage off forgets what was saved', async () => {
  const { answers } = await loadVector('builtin-mixed-en');
  const page = await h.openPage('/test/widget.html?lang=en&storage=none');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await answerSomething(widget, answers);
  assert.deepEqual(await readinessKeys(page), [], 'nothing in localStorage');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'nothing in sessionStorage');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no cookies');
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('button[data-action=resume]').count(), 0, 'nothing to resume');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1);

  // A widget that saved, then gets storage="none": the saved answers go.
  const other = await h.openPage('/test/widget.html?lang=en');
  const second = other.locator('readiness-check');
  await waitForView(second, 'intro');
  await answerSomething(second, answers, 1);
  assert.notEqual(await saved(other), null);
  await second.evaluate((element) => element.setAttribute('storage', 'none'));
  assert.equal(await saved(other), null, 'switching storage off clears the saved answers');
  await answerStep(second, answers);
  assert.equal(await saved(other), null, 'and answers after that are not saved');
});

for (const [what, value] of [
  ['a truncated code', 'social-media-strategy@1.0.0:0123'],
  ['the older JSON format', '{"answers":{"audience-online-habits":2}}'],
  ['an altered answer', 'altered'],
  ['a letter too few', 'short'],
  ['a foreign questionnaire', 'other-check@1.0.0:2-abcd'],
]) {
  test(`saved data with ${what} is ignored with a notice, and the widget works on`, async () => {
    const { answers } = await loadVector('builtin-mixed-en');
    const page = await h.openPage('/test/widget.html?lang=en');
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    let bad = value;
    if (value === 'altered' || value === 'short') {
      // Made from a real saved code, so only the alteration is wrong.
      await widget.locator('button[data-action=start]').click();
      await answerStep(widget, answers);
      const good = await saved(page);
      savedAnswers(good);
      bad = value === 'altered' ? good.replace(/:(.)/, (_, c) => `:${c === '4' ? '3' : '4'}`) : good.replace(/:./, ':');
    }
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, bad]);
    await page.reload();
    await waitForView(widget, 'intro');
    assert.equal(await noticeText(widget), IGNORED);
    assert.equal(await widget.locator('.rc-notice[role=status] p').count(), 1, 'the notice is a status message');
    assert.equal(await widget.locator('button[data-action=resume]').count(), 0, 'nothing to resume');
    assert.equal(await saved(page), null, 'the unusable data is removed');
    // It goes on working: start, answer, the answers are saved afresh.
    await widget.locator('button[data-action=start]').click();
    await waitForStep(widget, 1);
    assert.equal(await noticeText(widget), '', 'the notice goes once the visitor starts');
    await answerStep(widget, answers);
    const [first] = await questionsOnStep(widget);
    assert.equal(savedAnswers(await saved(page))[first], answers[first]);
    await page.reload();
    await waitForView(widget, 'intro');
    assert.equal(await noticeText(widget), '', 'no notice once the data is good again');
    assert.equal(await widget.locator('button[data-action=resume]').count(), 1);
  });
}

test("another edition's saved answers are left alone and not applied", async () => {
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  const otherKey = 'readiness-check:v2:social-media-strategy@0.9.0#w1';
  const otherValue = 'social-media-strategy@0.9.0:4-abcd';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [otherKey, otherValue]);
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), '');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1, 'nothing to resume');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), otherKey), otherValue, 'left as it was');
});

test('finished answers resume straight to the results (and that is a completion)', async () => {
  const vector = await loadVector('builtin-mixed-en');
  let events;
  const page = await h.openPage('/test/widget.html?lang=en', { beforeGoto: async (p) => (events = await recordEvents(p)) });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, vector.answers);
  assert.deepEqual(savedAnswers(await saved(page)), vector.answers, 'every answer saved');
  await page.reload();
  await waitForView(widget, 'intro');
  await widget.locator('button[data-action=resume]').click();
  await waitForView(widget, 'results');
  const complete = (await events()).filter((e) => e.type === 'readiness-complete');
  assert.equal(complete.length, 1, 'the reloaded page completes once');
  assert.deepEqual(complete[0].detail, vector.expect.report);
});
