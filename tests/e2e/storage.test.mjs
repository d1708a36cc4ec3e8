// Saved progress: answers survive a reload (localStorage, keyed by the
// questionnaire id, `readiness-check:v3:<id>#<element id>`; the value is the
// answers' share code, which names the questionnaire's version) and the
// intro offers to resume or start over; storage="none" saves nothing;
// corrupt or foreign saved data is ignored with a notice, another edition's
// with the "earlier edition" notice (also when found under the old `v2` key,
// which the loader hands over once), and none of it breaks the widget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinQuestionnaire,
  labels,
  escapeRegExp,
  questionIds,
  shareChecksum,
  SHARE_LETTER,
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
const BUILTIN = await builtinQuestionnaire('en');
// The fixture's widget has id="w1", which scopes its saved progress. The
// key has no version: the value (a share code) says which edition it is.
const KEY = `readiness-check:v3:${BUILTIN.id}#w1`;
const WORDS = await labels('en');
const IGNORED = WORDS.storage_ignored;
const EARLIER_EDITION = WORDS.storage_other_version;
// The edition before this one, whose progress the loader saved under a `v2`
// key with the version in it (1.0.0, 23 questions: docs/questionnaire-changelog.md).
const OLD_VERSION = '1.0.0';
const OLD_QUESTIONS = 23;
/** A genuine share code of the earlier edition (right checksum): 3 to every question. */
const oldEditionCode = () => {
  const payload = `${BUILTIN.id}@${OLD_VERSION}:${'3'.repeat(OLD_QUESTIONS)}`;
  return `${payload}-${shareChecksum(payload)}`;
};

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

// The built-in questionnaire's question ids, in the order asked: the order
// of a share code's letters.
const QUESTION_IDS = questionIds(BUILTIN);

/** The share code core/src/share.rs writes for `answers`, read back letter by letter. */
function savedAnswers(code) {
  const match = new RegExp(`^${escapeRegExp(`${BUILTIN.id}@${BUILTIN.version}`)}:([0-4dn_]+)-[0-9a-z]{4}$`).exec(code ?? '');
  assert.ok(match, `a share code for this edition: ${code}`);
  assert.equal(match[1].length, QUESTION_IDS.length, 'a letter per question');
  const answers = {};
  for (const [i, letter] of [...match[1]].entries()) {
    if (letter === '_') continue;
    const answer = Object.entries(SHARE_LETTER).find(([, l]) => l === letter)?.[0] ?? Number(letter);
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
  assert.deepEqual(await readinessKeys(page), [KEY], 'under that key only');

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
  ['a truncated code', `${BUILTIN.id}@${BUILTIN.version}:0123`],
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

test("another edition's saved answers are not applied: dropped once, with the earlier-edition notice", async () => {
  assert.notEqual(BUILTIN.version, OLD_VERSION, 'the built-in questionnaire is a later edition');
  const { answers } = await loadVector('builtin-mixed-en');
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, oldEditionCode()]);
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), EARLIER_EDITION);
  assert.equal(await widget.locator('.rc-notice[role=status] p').count(), 1, 'the notice is a status message');
  assert.equal(await widget.locator('button[data-action=resume]').count(), 0, 'nothing to resume');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1, 'a plain start');
  assert.equal(await saved(page), null, 'the other edition’s answers are removed');
  // Not applied: the visitor starts with nothing checked.
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  assert.ok(Object.values(await checkedOnStep(widget)).every((value) => value === null), 'nothing checked');
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), '', 'told once');
  // Answers given now are saved for this edition, under the same key.
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  await answerStep(widget, answers);
  const [first] = await questionsOnStep(widget);
  assert.equal(savedAnswers(await saved(page))[first], answers[first]);
});

test('progress saved under the old v2 key (id@version) is handed over once: the earlier-edition notice, then removed', async () => {
  assert.notEqual(BUILTIN.version, OLD_VERSION, 'the built-in questionnaire is a later edition');
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  // What the widget saved for the element id="w1" before the key lost its version.
  const oldKey = `readiness-check:v2:${BUILTIN.id}@${OLD_VERSION}#w1`;
  // Not this element's: another element id, no element id, another questionnaire.
  const others = {
    [`readiness-check:v2:${BUILTIN.id}@${OLD_VERSION}#w2`]: oldEditionCode(),
    [`readiness-check:v2:${BUILTIN.id}@${OLD_VERSION}`]: oldEditionCode(),
    'readiness-check:v2:other-check@1.0.0#w1': 'other-check@1.0.0:4-abcd',
  };
  await page.evaluate((entries) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, Object.entries({ [oldKey]: oldEditionCode(), ...others }));
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), EARLIER_EDITION, 'the visitor is told their answers were for an earlier edition');
  assert.equal(await widget.locator('.rc-notice[role=status] p').count(), 1, 'the notice is a status message');
  assert.equal(await widget.locator('button[data-action=resume]').count(), 0, 'nothing to resume: not applied');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), oldKey), null, 'the v2 key is removed');
  assert.equal(await saved(page), null, 'and nothing is saved under the v3 key for it');
  for (const [key, value] of Object.entries(others)) {
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), value, `${key} is left as it was`);
  }
  // Handed over once: a reload says nothing more.
  await page.reload();
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), '', 'told once');
  assert.equal(await widget.locator('button[data-action=start]').count(), 1);
  assert.deepEqual((await readinessKeys(page)).sort(), Object.keys(others).sort(), 'only the other elements’ keys remain');
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
