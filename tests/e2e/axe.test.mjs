// axe-core (WCAG 2.2 A and AA, plus target-size) finds nothing on any view
// of the widget: the intro, each step (also with the error summary shown),
// the results (disclosure open, share link shown), the invalid-questionnaire
// panel and the network-failure panel; in the light, dark and auto themes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeViolations,
  harness,
  loadVector,
  questionsOnStep,
  runAxe,
  waitForStep,
  waitForView,
  answerStep,
  submitStep,
} from './helpers.mjs';

const h = harness();

async function assertClean(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

/** The rendered background of the widget, to be sure the theme applied. */
function background(widget) {
  return widget.locator('.rc').evaluate((element) => getComputedStyle(element).backgroundColor);
}

const THEMES = [
  // theme, language, context options, every view (auto on a dark system
  // draws the dark theme's colours: a sample of views is enough)
  ['light', 'id', {}, true],
  ['dark', 'en', {}, true],
  ['auto', 'en', { colorScheme: 'dark' }, false],
];

for (const [theme, lang, options, every] of THEMES) {
  const label = theme === 'auto' ? 'auto (system dark)' : theme;
  const views = every ? 'intro, every step with and without the error summary, results' : 'intro, step 1, results';

  test(`axe, ${label} theme (${lang}): ${views}`, async () => {
    const vector = await loadVector(lang === 'id' ? 'builtin-mixed-id' : 'builtin-mixed-en');
    const page = await h.openPage(`/test/widget.html?lang=${lang}&theme=${theme}`, options);
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    const bg = await background(widget);
    assert.equal(bg, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(21, 24, 29)', `the ${label} theme is in effect`);
    await assertClean(page, 'intro');

    await widget.locator('button[data-action=start]').click();
    for (let step = 1; step <= 4; step++) {
      await waitForStep(widget, step);
      if (!every && step > 1) {
        await answerStep(widget, vector.answers);
        await submitStep(widget);
        continue;
      }
      await assertClean(page, `step ${step}`);
      // The error summary, with one question answered and the rest open.
      const [first] = await questionsOnStep(widget);
      await answerStep(widget, { [first]: vector.answers[first] });
      await submitStep(widget);
      await widget.locator('.rc-error[role=alert]').waitFor({ state: 'attached' });
      await assertClean(page, `step ${step} with the error summary`);
      await answerStep(widget, vector.answers);
      await submitStep(widget);
    }
    await waitForView(widget, 'results');
    await widget.locator('details summary').click();
    await widget.locator('button[data-action=share]').click();
    await widget.locator('.rc-share input').waitFor();
    assert.equal(await widget.locator('details').evaluate((d) => d.open), true);
    await assertClean(page, 'results (disclosure open, share link shown)');
  });

  if (!every) continue;

  test(`axe, ${label} theme (${lang}): the invalid-questionnaire panel`, async () => {
    const page = await h.openPage(`/test/widget.html?lang=${lang}&theme=${theme}&src=invalid.json`, options);
    const widget = page.locator('readiness-check');
    await widget.locator('section.rc-invalid').waitFor({ state: 'attached' });
    await assertClean(page, 'invalid questionnaire');
  });

  test(`axe, ${label} theme (${lang}): the network-failure panel`, async () => {
    const page = await h.openPage(`/test/widget.html?lang=${lang}&theme=${theme}&src=missing.json`, options);
    const widget = page.locator('readiness-check');
    await widget.locator('section.rc-failure button[data-action=retry]').waitFor({ state: 'attached' });
    await assertClean(page, 'network failure');
  });
}

test('axe looks inside the shadow root (a planted violation is found)', async () => {
  const page = await h.openPage('/test/widget.html?lang=en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  // A button with no name, planted in the widget's shadow root.
  await widget.evaluate((element) => element.shadowRoot.querySelector('.rc-intro').append(document.createElement('button')));
  const violations = await runAxe(page);
  assert.ok(
    // A target inside a shadow root is [[host selector, selector in the shadow]].
    violations.some(
      (v) => v.id === 'button-name' && v.nodes.some((n) => n.target.some((t) => Array.isArray(t) && t[0] === '#w1')),
    ),
    `axe reports the planted nameless button: ${describeViolations(violations)}`,
  );
});
