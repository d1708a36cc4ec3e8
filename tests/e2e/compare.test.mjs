// The widget built with the comparisons (WIDGET_FEATURES=compare, served
// at /widget-compare/ from target/widget-compare/; the shipped widget
// leaves them out until the visitor's budget has room, docs/size.md).
//
// With a questionnaire's benchmarks (tests/questionnaires/benchmarked.json:
// 1,000 synthetic organisations by sector), the results say how the
// visitor compares: the overall percentile with the distribution and their
// mark, a strip and a percentile per factor, and a group selector that
// compares with a sector without scoring again and keeps focus. Every
// number is the core's: `readiness score` prints the same, for everyone
// and for a group. With storage, a returning visitor sees the change since
// their last result (its date the loader's, the core has no clock), and
// the new result is kept; "Forget my answers" removes everything stored
// and stores nothing more. The standard widget takes the same file and
// shows no comparison. axe finds nothing on any of these views; at 360 px
// nothing overflows; nothing is requested but the widget's own files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  finish,
  focused,
  harness,
  labels,
  loadVector,
  questionIds,
  recordEvents,
  screenshot,
  shareCode,
  waitForView,
} from './helpers.mjs';
import { assertAxeClean, assertNoOverflow } from './studio-helpers.mjs';

const h = harness();
const CLI = path.join(ROOT, 'target/release/readiness');
const FILE = path.join(ROOT, 'tests/questionnaires/benchmarked.json');
const Q = JSON.parse(await readFile(FILE, 'utf8'));
const SRC = '/questionnaires/benchmarked.json';
const IDS = questionIds(Q);
const MIXED = (await loadVector('benchmarked-mixed-en')).answers;
const WORDS = await labels('en');
// The fixture's widget has id="w1", which scopes what it stores.
const PROGRESS_KEY = `readiness-check:v3:${Q.id}#w1`;
const LAST_KEY = `readiness-check:v3:last:${Q.id}#w1`;

/** The report `readiness score` prints for `answers`, compared with `group` (or everyone). */
async function cliReport(answers, { group, lang = 'en' } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-'));
  const file = path.join(dir, 'answers.json');
  await writeFile(file, JSON.stringify({ answers }));
  const args = ['score', file, '--questionnaire', FILE, '--lang', lang, '--format', 'json'];
  return JSON.parse(execFileSync(CLI, group ? [...args, '--group', group] : args, { encoding: 'utf8' }));
}


const tenths = (n) => n.toFixed(1);
const signed = (n) => (n > 0 ? `+${tenths(n)}` : tenths(n));

/** Every request the page made is for the widget's own files, the fixture or the questionnaire. */
function recordPaths(page) {
  const paths = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return () => paths.filter((p) => !/^\/(widget-compare|test|questionnaires)\/|^\/favicon\.svg$/.test(p));
}

test('the results compare with the benchmarks: the core’s percentiles, a strip per factor, a group selector that keeps focus', async () => {
  let events;
  let others;
  const page = await h.openPage(`/test/compare.html?lang=en&storage=none&src=${SRC}`, {
    beforeGoto: async (p) => {
      events = await recordEvents(p, ['readiness-complete']);
      others = recordPaths(p);
    },
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  const [complete] = await events();
  const everyone = await cliReport(MIXED);
  assert.deepStrictEqual(complete.detail, everyone, 'the event carries the report `readiness score` prints');
  const { benchmark } = everyone.overall;
  assert.equal(benchmark.label, Q.benchmarks.label.en);
  assert.equal(benchmark.count, 1000);

  const shown = () =>
    widget.evaluate((element) => {
      const root = element.shadowRoot;
      const rows = [...root.querySelectorAll('.rc-table tbody tr')];
      return {
        sentence: root.querySelector('.rc-compare p').textContent,
        header: [...root.querySelectorAll('.rc-table thead th')].map((th) => th.textContent),
        percentiles: rows.map((row) => row.querySelectorAll('td')[2].textContent),
        strips: [...root.querySelectorAll('svg.rc-strip')].map((svg) => ({
          hidden: svg.getAttribute('aria-hidden'),
          bars: svg.querySelectorAll('.rc-strip-bar').length,
          you: svg.querySelectorAll('.rc-strip-you').length,
        })),
        options: [...root.querySelectorAll('.rc-group select option')].map((o) => [o.value, o.textContent, o.selected]),
      };
    });
  const before = await shown();
  assert.equal(before.sentence, `Ahead of ${benchmark.percentile}% of ${benchmark.label}`);
  assert.deepEqual(before.header, ['Factor', 'Score', 'Level', WORDS.ahead_of]);
  assert.deepEqual(
    before.percentiles,
    everyone.factors.map((factor) => `${factor.benchmark.percentile}%`),
  );
  // One strip for overall and one per factor: twenty bands and the visitor's mark, hidden from
  // assistive technology (the percentages say the same).
  assert.equal(before.strips.length, 1 + Q.factors.length);
  for (const strip of before.strips) assert.deepEqual(strip, { hidden: 'true', bars: 20, you: 1 });
  assert.deepEqual(before.options, [
    ['', Q.benchmarks.label.en, true],
    ...Q.benchmarks.groups.map((g) => [g.id, `${g.name.en} (${g.count})`, false]),
  ]);
  await assertAxeClean(page, 'results compared with everyone');

  // By keyboard: the selector, then a sector. Focus stays on it.
  await widget.locator('.rc-group select').focus();
  await page.keyboard.press('ArrowDown');
  const group = Q.benchmarks.groups[0];
  await widget.locator('.rc-compare p', { hasText: group.name.en }).waitFor();
  const byGroup = await cliReport(MIXED, { group: group.id });
  const after = await shown();
  assert.equal(after.sentence, `Ahead of ${byGroup.overall.benchmark.percentile}% of ${group.name.en} (${group.count})`);
  assert.deepEqual(
    after.percentiles,
    byGroup.factors.map((factor) => `${factor.benchmark.percentile}%`),
    'each factor compared with the group, as `readiness score --group` does',
  );
  assert.equal(after.options.find(([, , selected]) => selected)[0], group.id);
  assert.equal((await focused(page)).tag, 'select', 'focus stays on the selector');
  await assertAxeClean(page, 'results compared with a group');
  await screenshot(page, 'compare-results-1280');

  assert.deepEqual(others(), [], 'no request beyond the widget’s own files');
});

test('at 360 px the comparisons fit, in Indonesian', async () => {
  const page = await h.openPage(`/test/compare.html?lang=id&storage=none&src=${SRC}`, { width: 360, height: 740 });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  const report = await cliReport(MIXED, { lang: 'id' });
  const words = await labels('id');
  const sentence = words.ahead.replace('{n}', report.overall.benchmark.percentile).replace('{total}', Q.benchmarks.label.id);
  assert.equal(await widget.locator('.rc-compare p').textContent(), sentence);
  await assertNoOverflow(page, 'results at 360 px');
  // Nor inside the widget, which clips what is wider than itself (paint
  // containment): a long header once pushed the table, and the radar's
  // labels with it, past its edge.
  const wider = await widget.evaluate((element) => {
    const root = element.shadowRoot.querySelector('.rc');
    const edge = root.getBoundingClientRect().right + 1;
    return [...root.querySelectorAll('*')]
      .filter((node) => !node.closest('svg') || node.matches('svg'))
      .filter((node) => node.getClientRects().length && node.getBoundingClientRect().right > edge)
      .map((node) => `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''}`);
  });
  assert.deepEqual(wider, [], 'nothing wider than the widget');
  await assertAxeClean(page, 'results at 360 px');
  await screenshot(page, 'compare-results-360-id');
});

test('a returning visitor sees what changed since their last result, and the new one is kept with today’s date', async () => {
  const earlier = Object.fromEntries(IDS.map((id) => [id, 1]));
  const lastDate = '2026-08-30';
  const page = await h.openPage(`/test/compare.html?lang=en&src=${SRC}`, {
    beforeGoto: (p) =>
      p.addInitScript(
        ([key, value]) => {
          // Once: the reload below must find what the widget kept.
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key, value);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [LAST_KEY, `${lastDate} ${shareCode(Q, earlier)}`],
      ),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  const [now, then] = [await cliReport(MIXED), await cliReport(earlier)];
  const change = now.overall.score - then.overall.score;
  assert.equal(
    await widget.locator('.rc-change').textContent(),
    WORDS.since.replace('{n}', signed(Math.round(change * 10) / 10)).replace('{total}', lastDate),
  );
  const table = await widget.evaluate((element) => {
    const root = element.shadowRoot;
    return {
      header: [...root.querySelectorAll('.rc-table thead th')].map((th) => th.textContent).at(-1),
      changes: [...root.querySelectorAll('.rc-table tbody tr')].map((row) => row.querySelector('td:last-child').textContent),
    };
  });
  assert.equal(table.header, WORDS.change_since.replace('{n}', lastDate));
  assert.deepEqual(
    table.changes,
    now.factors.map((factor, f) => signed(Math.round((factor.score - then.factors[f].score) * 10) / 10)),
  );
  await assertAxeClean(page, 'results with the change since the last result');
  await screenshot(page, 'compare-change-1280');

  // The new result is kept, with the visitor's date.
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LAST_KEY), `${today} ${shareCode(Q, MIXED)}`);

  // Back the same day with the same answers: nothing changed, and nothing is said.
  await page.reload();
  await waitForView(widget, 'intro');
  await widget.locator('button[data-action=resume]').click();
  await waitForView(widget, 'results');
  assert.equal(await widget.locator('.rc-change').count(), 0, 'no change against this very result');
});

test('“Forget my answers” removes the progress and the last result, says so, and stores nothing more', async () => {
  const page = await h.openPage(`/test/compare.html?lang=en&src=${SRC}`);
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('readiness-check:')).sort());
  assert.deepEqual(await stored(), [LAST_KEY, PROGRESS_KEY].sort());

  await widget.locator('button[data-action=forget]').click();
  assert.deepEqual(await stored(), [], 'nothing stored');
  assert.equal(await widget.locator('.rc-notice p').textContent(), WORDS.forgotten);
  assert.equal(await widget.locator('button[data-action=forget]').count(), 0, 'nothing left to forget');
  await assertAxeClean(page, 'results after forgetting');

  // Taking it again stores nothing either, until the page is loaded again.
  await widget.locator('button[data-action=restart]').click();
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  assert.deepEqual(await stored(), [], 'still nothing stored');
});

test('the standard widget takes a questionnaire with benchmarks and shows no comparison', async () => {
  let events;
  const page = await h.openPage(`/test/widget.html?lang=en&storage=none&src=${SRC}`, {
    beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, MIXED);
  const [complete] = await events();
  assert.equal(complete.detail.overall.benchmark, undefined);
  assert.equal(complete.detail.overall.score, (await cliReport(MIXED)).overall.score, 'the same scores');
  assert.equal(await widget.locator('.rc-compare, .rc-change, button[data-action=forget]').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
});
