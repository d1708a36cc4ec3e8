// The completion event carries exactly the core's report: for each shared
// vector on the built-in questionnaire that answers every question, drive
// the widget in the vector's language with those answers and compare the
// `readiness-complete` detail with the vector's `expect.report` (the same
// expectation the native core and the CLI are tested against). The
// vectors with benchmarks (`benchmarked-*`, the built-in questions with
// tests/questionnaires/benchmarked.json's benchmarks) run on the widget
// built with the comparisons, from that file as `src`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  builtinQuestionnaire,
  finish,
  firstDifference,
  harness,
  questionIds,
  recordEvents,
  ROOT,
  waitForView,
} from './helpers.mjs';

const h = harness();

const dir = path.join(ROOT, 'tests/vectors');
const builtinQuestions = questionIds(await builtinQuestionnaire('en'));

const vectors = [];
for (const file of (await readdir(dir)).filter((name) => /^(builtin|benchmarked)-.*\.json$/.test(name)).sort()) {
  const vector = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  if (!['builtin', 'benchmarked'].includes(vector.questionnaire) || !vector.expect?.report) continue;
  // The widget cannot finish with open questions: only complete answer sets.
  if (!builtinQuestions.every((id) => id in vector.answers)) continue;
  vectors.push([file.replace(/\.json$/, ''), vector]);
}

test('the complete vectors are there', () => {
  const names = vectors.map(([name]) => name);
  for (const name of [
    'builtin-all-top',
    'builtin-all-bottom',
    'builtin-sponsorship-cap',
    'builtin-mixed-en',
    'builtin-mixed-id',
    'benchmarked-mixed-en',
    'benchmarked-all-top-id',
  ]) {
    assert.ok(names.includes(name), `${name} is a complete built-in vector`);
  }
});

for (const [name, vector] of vectors) {
  test(`readiness-complete equals ${name}'s expected report (lang=${vector.lang})`, async () => {
    let events;
    const url =
      vector.questionnaire === 'benchmarked'
        ? `/test/compare.html?lang=${vector.lang}&storage=none&src=/questionnaires/benchmarked.json`
        : `/test/widget.html?lang=${vector.lang}`;
    const page = await h.openPage(url, {
      beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])),
    });
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'intro');
    await finish(widget, vector.answers);
    const complete = await events();
    assert.equal(complete.length, 1, 'one readiness-complete event');
    const { detail } = complete[0];
    const diff = firstDifference(detail, vector.expect.report);
    assert.equal(diff, null, `first difference: ${diff}`);
    // Numbers as numbers, not strings; then the whole thing, strictly.
    assert.equal(typeof detail.overall.score, 'number');
    assert.deepStrictEqual(detail, vector.expect.report);
    assert.deepStrictEqual(detail.answers, vector.answers, 'the report carries the answers given');
    // What the widget shows is that report.
    const shown = await widget.evaluate((element) => {
      const root = element.shadowRoot;
      return {
        number: root.querySelector('.rc-score-number').textContent,
        level: root.querySelector('.rc-overall').dataset.level,
        index: Number(root.querySelector('.rc-overall').dataset.levelIndex),
        caps: root.querySelectorAll('.rc-caps li').length,
      };
    });
    const formatted = new Intl.NumberFormat(vector.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      vector.expect.report.overall.score,
    );
    assert.deepEqual(shown, {
      number: formatted,
      level: vector.expect.report.overall.level.id,
      index: vector.expect.report.overall.level.index,
      caps: vector.expect.report.overall.caps.length,
    });
  });
}
