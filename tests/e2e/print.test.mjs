// Print or save as PDF: the print button calls window.print (stubbed here),
// and while printing (print media + the class the loader adds) only the
// results show: the host page's other content is hidden, the widget's
// buttons and share box are not printed, all recommendations are.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, harness, loadVector, waitForView } from './helpers.mjs';

const h = harness();

/** The demo page at the results, with window.print stubbed; returns the widget. */
async function resultsOnDemo() {
  const { answers } = await loadVector('builtin-mixed-id');
  const page = await h.openPage('/');
  await page.evaluate(() => {
    window.__printCalls = 0;
    window.print = () => window.__printCalls++;
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, answers);
  return { page, widget };
}

function printState(page) {
  return page.evaluate(() => {
    const widget = document.querySelector('readiness-check');
    const root = widget.shadowRoot;
    const visible = (node) => node.checkVisibility({ visibilityProperty: true });
    const hostNodes = [...document.querySelectorAll('body *')].filter(
      (node) => !node.contains(widget) && node !== widget && node.getClientRects().length > 0,
    );
    return {
      printing: document.documentElement.classList.contains('rc-printing'),
      marked: widget.hasAttribute('data-printing'),
      hostVisible: hostNodes.filter(visible).map((node) => node.tagName.toLowerCase() + (node.className ? `.${node.className}` : '')),
      hostCount: hostNodes.length,
      widgetVisible: visible(widget) && visible(root.querySelector('.rc-results')),
      score: visible(root.querySelector('.rc-score-number')),
      radar: visible(root.querySelector('svg.rc-radar')),
      actions: visible(root.querySelector('.rc-actions')),
      share: visible(root.querySelector('.rc-share')),
      moreRecommendations: root.querySelector('details ol.rc-recs')
        ? root.querySelector('details ol.rc-recs').getBoundingClientRect().height > 0
        : null,
      summary: root.querySelector('details summary') ? visible(root.querySelector('details summary')) : null,
      top: widget.getBoundingClientRect().top + scrollY,
      sheets: document.adoptedStyleSheets.length,
    };
  });
}

test('print: calls window.print, and only the results print', async () => {
  const { page, widget } = await resultsOnDemo();
  const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
  await widget.locator('button[data-action=print]').click();
  assert.equal(await page.evaluate(() => window.__printCalls), 1, 'window.print was called once');

  // On screen, the class alone changes nothing.
  let state = await printState(page);
  assert.equal(state.printing, true, 'html.rc-printing while printing');
  assert.equal(state.marked, true, 'the widget is marked as the one printing');
  assert.ok(state.hostVisible.length > 10, 'on screen the page is still visible');

  await page.emulateMedia({ media: 'print' });
  state = await printState(page);
  assert.ok(state.hostCount > 10, 'the demo page has content around the widget');
  assert.deepEqual(state.hostVisible, [], "the host page's other content is hidden");
  assert.equal(state.widgetVisible, true, 'the results are visible');
  assert.equal(state.score, true);
  assert.equal(state.radar, true, 'the chart prints');
  assert.equal(state.actions, false, 'the buttons do not print');
  assert.equal(state.share, false, 'the share box does not print');
  assert.equal(state.summary, false, 'the disclosure summary does not print');
  assert.equal(state.moreRecommendations, true, 'every recommendation prints, the disclosure closed or not');

  // After printing, all is as before.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  state = await printState(page);
  assert.equal(state.printing, false);
  assert.equal(state.marked, false);
  assert.equal(state.sheets, sheetsBefore, 'the print sheet is removed');
  assert.ok(state.hostVisible.length > 10, 'print media without the class: the page prints as usual');
  await page.emulateMedia({ media: 'screen' });
});

// Regression test for a widget bug this suite found (fixed): the loader's print rule
// (www/readiness-check.js, `printSheet`: position: absolute; inset: 0 ...;
// width: 100%, all !important) loses to the shadow stylesheet's
// `:host { all: initial !important }` (an important declaration from the
// shadow tree beats the page's), so the printed results stay where the
// widget sits in the page, below the hidden article: blank pages first.
test(
  'print: the results start at the top of the first page',
  async () => {
    const { page, widget } = await resultsOnDemo();
    await widget.locator('button[data-action=print]').click();
    await page.emulateMedia({ media: 'print' });
    const state = await printState(page);
    const position = await widget.evaluate((element) => getComputedStyle(element).position);
    assert.equal(position, 'absolute', 'the print rule positions the widget');
    assert.ok(state.top < 100, `the results start at the top, not ${Math.round(state.top)}px down the page`);
  },
);
