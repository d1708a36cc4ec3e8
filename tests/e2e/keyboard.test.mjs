// Keyboard only, from the intro to the results, in each language: Tab,
// Shift+Tab, Space, the arrow keys and Enter; not one click. Focus must
// land on each new step's heading, an incomplete step must name the open
// questions and move focus to the first, Back must keep answers, and the
// results must be reachable and usable from the keyboard.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkedOnStep,
  firstDifference,
  focused,
  harness,
  loadVector,
  pressUntil,
  questionsOnStep,
  recordEvents,
  stepOf,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

const WORDS = {
  id: {
    step: (n) => `Langkah ${n} dari 4`,
    next: 'Lanjut',
    last: 'Lihat hasil saya',
    results: 'Kesiapan Anda',
    start: 'Mulai penilaian',
    number: /^\d+,\d$/,
  },
  en: {
    step: (n) => `Step ${n} of 4`,
    next: 'Next',
    last: 'See my results',
    results: 'Your readiness',
    start: 'Start the assessment',
    number: /^\d+\.\d$/,
  },
};

/** The radio values of one question, in tab/arrow order. */
function radioValues(widget, id) {
  return widget.evaluate(
    (element, id) => [...element.shadowRoot.querySelectorAll(`input[type=radio][name="${id}"]`)].map((input) => input.value),
    id,
  );
}

/**
 * Focus is on the first radio of question `id` (nothing checked yet):
 * selects `value` with Space and the arrow keys only.
 */
async function chooseWithKeys(page, widget, id, value) {
  const values = await radioValues(widget, id);
  const target = values.indexOf(String(value));
  assert.ok(target >= 0, `${id} offers ${value}`);
  // Space checks the focused (first) radio; arrows move and check.
  await page.keyboard.press('Space');
  if (target > 0 && target < values.length - 1) {
    // One too far, then back: both arrow directions in use.
    for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
  } else if (target > 0) {
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
  }
  const now = await focused(page);
  assert.equal(now.name, id, `focus stays in the group ${id}`);
  assert.equal(now.value, String(value), `${id}: the focused radio is ${value}`);
  assert.equal(now.checked, true, `${id}: ${value} is checked`);
}

/** Whether the element focused in the widget draws a focus ring (an outline of 2px or more). */
function visibleFocus(widget) {
  return widget.evaluate((element) => {
    const focus = element.shadowRoot.activeElement;
    const style = focus && getComputedStyle(focus);
    return Boolean(style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && focus.matches(':focus-visible'));
  });
}

/** Asserts the widget's focus is on the heading of step `n`, and the progress says so. */
async function assertOnStep(page, widget, n, words) {
  await waitForStep(widget, n);
  const info = await focused(page);
  assert.equal(info.inWidget, true, `focus is in the widget on step ${n}`);
  assert.equal(info.tag, 'h2', `focus is on step ${n}'s heading`);
  assert.ok(info.text.startsWith(words.step(n)), `the heading starts with "${words.step(n)}": ${info.text}`);
  const progress = await widget.evaluate((element) => {
    const root = element.shadowRoot;
    const bar = root.querySelector('progress');
    return {
      kicker: root.querySelector('h2 .rc-kicker').textContent,
      value: bar.value,
      max: bar.max,
      label: bar.getAttribute('aria-label'),
    };
  });
  assert.deepEqual(progress, { kicker: words.step(n), value: n, max: 4, label: words.step(n) });
}

/** Tabs forward to the step's submit button, checking its label. */
async function tabToSubmit(page, words, last) {
  const info = await pressUntil(page, 'Tab', (f) => f.inWidget && f.type === 'submit', { max: 12 });
  assert.equal(info.text, last ? words.last : words.next);
}

for (const [lang, urlPath, vectorName] of [
  ['id', '/', 'builtin-mixed-id'],
  ['en', '/test/widget.html?lang=en', 'builtin-mixed-en'],
]) {
  test(`keyboard only (${lang}): intro to results with Tab, Shift+Tab, Space, arrows and Enter`, async () => {
    const words = WORDS[lang];
    const vector = await loadVector(vectorName);
    let events;
    const page = await h.openPage(urlPath, { beforeGoto: async (p) => (events = await recordEvents(p)) });
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');

    // From the top of the page to the widget's Start button.
    const start = await pressUntil(page, 'Tab', (f) => f.inWidget && f.action === 'start');
    assert.equal(start.text, words.start);
    assert.ok(await visibleFocus(widget), 'the focused Start button shows a focus ring');
    await page.keyboard.press('Enter');
    await assertOnStep(page, widget, 1, words);

    // Step 1: answer the first question, then Enter on its radio (implicit
    // submission): the error names the open questions, focus goes to the
    // first open question's first radio.
    const first = await questionsOnStep(widget);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).name, first[0], 'Tab from the heading enters the first question');
    assert.ok(await visibleFocus(widget), 'the focused radio shows a focus ring');
    await chooseWithKeys(page, widget, first[0], vector.answers[first[0]]);
    await page.keyboard.press('Enter');
    const alert = widget.locator('.rc-error[role=alert]');
    await alert.waitFor({ state: 'attached', timeout: 5000 });
    assert.equal(await stepOf(widget), 1, 'an incomplete step does not go on');
    const listed = await alert.locator('li').count();
    assert.equal(listed, first.length - 1, 'the error lists every open question');
    const afterError = await focused(page);
    assert.equal(afterError.name, first[1], 'focus moved to the first open question');
    assert.equal(afterError.value, '0', "focus is on that question's first radio");

    // Answer the rest of step 1 from there.
    await chooseWithKeys(page, widget, first[1], vector.answers[first[1]]);
    for (const id of first.slice(2)) {
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, id, `Tab moves to the next question (${id})`);
      await chooseWithKeys(page, widget, id, vector.answers[id]);
    }
    // Tab to the submit button; Shift+Tab goes back to Back; Tab again.
    await tabToSubmit(page, words, false);
    const back = await pressUntil(page, 'Shift+Tab', (f) => f.inWidget, { max: 1 });
    assert.equal(back.action, 'back', 'Shift+Tab from Next lands on Back');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    for (let step = 2; step <= 4; step++) {
      await assertOnStep(page, widget, step, words);
      const ids = await questionsOnStep(widget);
      for (const id of ids) {
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).name, id, `Tab moves to question ${id}`);
        await chooseWithKeys(page, widget, id, vector.answers[id]);
      }
      if (step === 2) {
        // Back with the keyboard keeps the answers of both steps.
        await pressUntil(page, 'Tab', (f) => f.inWidget && f.action === 'back', { max: 3 });
        await page.keyboard.press('Enter');
        await assertOnStep(page, widget, 1, words);
        const kept = await checkedOnStep(widget);
        assert.deepEqual(kept, Object.fromEntries(first.map((id) => [id, String(vector.answers[id])])));
        await tabToSubmit(page, words, false);
        await page.keyboard.press('Enter');
        await assertOnStep(page, widget, 2, words);
        assert.deepEqual(
          await checkedOnStep(widget),
          Object.fromEntries(ids.map((id) => [id, String(vector.answers[id])])),
          'step 2 answers kept after going back and forth',
        );
      }
      await tabToSubmit(page, words, step === 4);
      await page.keyboard.press('Enter');
    }

    // Results: focus on their heading, numbers in the language's format.
    await waitForView(widget, 'results');
    const heading = await focused(page);
    assert.equal(heading.tag, 'h2');
    assert.ok(heading.text.startsWith(words.results), `focus on the results heading: ${heading.text}`);
    const overall = await widget.evaluate((element) => {
      const root = element.shadowRoot;
      return {
        number: root.querySelector('.rc-score-number').textContent,
        level: root.querySelector('.rc-overall').dataset.level,
        rows: root.querySelectorAll('table.rc-table tbody tr').length,
        lang: root.querySelector('.rc').lang,
      };
    });
    const report = vector.expect.report;
    assert.equal(overall.lang, lang);
    assert.match(overall.number, words.number);
    assert.equal(Number(overall.number.replace(',', '.')), report.overall.score);
    assert.equal(overall.level, report.overall.level.id);
    assert.equal(overall.rows, 4);
    const complete = (await events()).filter((e) => e.type === 'readiness-complete');
    assert.equal(complete.length, 1, 'one readiness-complete');
    const diff = firstDifference(complete[0].detail, report);
    assert.equal(diff, null, `the report equals the vector's: ${diff}`);

    // The results work from the keyboard: open the disclosure, start again.
    await pressUntil(page, 'Tab', (f) => f.inWidget && f.tag === 'summary', { max: 30 });
    await page.keyboard.press('Enter');
    assert.equal(await widget.locator('details').evaluate((d) => d.open), true, 'Enter opens the disclosure');
    await pressUntil(page, 'Tab', (f) => f.inWidget && f.action === 'restart', { max: 10 });
    await page.keyboard.press('Enter');
    await waitForView(widget, 'intro');
    const intro = await focused(page);
    assert.equal(intro.tag, 'h2', 'focus on the intro heading after starting again');
  });
}
