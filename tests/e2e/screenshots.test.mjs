// Screenshots for review (tests/e2e/artifacts/, not committed): the intro,
// a step (also with its error summary) and the results, at 360 px and
// 1280 px, on the demo page (Indonesian) and in English with the dark theme.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS,
  answerStep,
  finish,
  harness,
  loadVector,
  screenshot,
  settle,
  submitStep,
  waitForStep,
  waitForView,
} from './helpers.mjs';

const h = harness();

/** Saves the widget alone (readable at any page length) and checks the file. */
async function shoot(widget, name, width) {
  await widget.page().mouse.move(0, 0); // no hover highlight in the picture
  await settle(widget);
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await widget.screenshot({ path: file, animations: 'disabled' });
  const box = await widget.boundingBox();
  assert.ok(box.width <= width, `${name}: the widget fits ${width}px (${box.width})`);
  assert.ok((await stat(file)).size > 5000, `${name}: a real image`);
}

for (const width of [360, 1280]) {
  for (const [label, urlPath, vectorName] of [
    ['id', '/', 'builtin-mixed-id'],
    ['en-dark', '/test/widget.html?lang=en&theme=dark', 'builtin-sponsorship-cap'],
  ]) {
    test(`screenshots at ${width} px (${label}): intro, step, step with errors, results`, async () => {
      const { answers } = await loadVector(vectorName);
      const page = await h.openPage(urlPath, { width, height: width === 360 ? 740 : 900 });
      const widget = page.locator('readiness-check');
      const name = (view) => `widget-${label}-${width}-${view}`;
      await waitForView(widget, 'intro');
      await shoot(widget, name('1-intro'), width);
      await widget.locator('button[data-action=start]').click();
      await waitForStep(widget, 1);
      await shoot(widget, name('2-step-1'), width);
      await submitStep(widget);
      await widget.locator('.rc-error').waitFor({ state: 'attached' });
      await shoot(widget, name('3-step-1-errors'), width);
      await answerStep(widget, answers);
      await submitStep(widget);
      await waitForStep(widget, 2);
      await answerStep(widget, answers);
      await shoot(widget, name('4-step-2-answered'), width);
      await finish(widget, answers);
      await widget.locator('h2').first().evaluate((heading) => heading.blur());
      await shoot(widget, name('5-results'), width);
      if (label === 'id') await screenshot(page, `page-${label}-${width}-results`);
    });
  }
}

// The results three visitors see, in each language: nothing in place,
// strong everywhere but the executive sponsor (held by the cap), and a
// mixed profile (with "don't know" and "not applicable").
for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    for (const [profile, vectorName] of [
      ['nothing', 'builtin-all-bottom'],
      ['no-sponsor', 'builtin-sponsorship-cap'],
      ['mixed', `builtin-mixed-${lang}`],
    ]) {
      test(`results at ${width} px (${lang}): ${profile}`, async () => {
        const { answers } = await loadVector(vectorName);
        const page = await h.openPage(`/test/widget.html?lang=${lang}&storage=none`, {
          width,
          height: width === 360 ? 740 : 900,
        });
        const widget = page.locator('readiness-check');
        await waitForView(widget, 'intro');
        await finish(widget, answers);
        await widget.locator('h2').first().evaluate((heading) => heading.blur());
        await shoot(widget, `results-${profile}-${lang}-${width}`, width);
      });
    }
  }
}
