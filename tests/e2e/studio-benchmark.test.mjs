// The studio's benchmarks view (www/studio/benchmark.js): a marketer pastes
// (or picks, or drops) the responses collected so far, 1,000 of them for
// the built-in questionnaire, from sales, IT, finance and three from legal,
// grouped by a `department` column. The view says how many count, which
// are incomplete, which group is left out (legal, too small: it could
// single out a respondent) and each population's percentiles; added to
// the draft, the file downloads, `readiness validate` accepts it, and its
// `benchmarks` are those of `readiness benchmark` for the same CSV and
// those worked out here from `readiness batch`'s scores. The studio's
// preview (the standard widget, built without the comparisons) shows what
// visitors see, no comparison; the widget built with them, given the
// downloaded file, says "Ahead of …%" and offers the groups. JSON Lines
// give the same benchmarks; bad lines are named by
// number; a header cell that is no question's id is reported, never
// ignored. Keyboard only; axe finds nothing; at 360 px nothing overflows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, builtinQuestionnaire, finish, harness, recordEvents } from './helpers.mjs';
import { assertAxeClean, assertNoOverflow, shot, tabTo } from './studio-helpers.mjs';
import { readResponses } from '../../www/studio/benchmark.js';

const h = harness();
const CLI = path.join(ROOT, 'target/release/readiness');
const BUILTIN = await builtinQuestionnaire('en');
const QUESTIONS = BUILTIN.factors.flatMap((factor) => factor.questions);
const IDS = QUESTIONS.map((question) => question.id);
const FACTORS = BUILTIN.factors.map((factor) => factor.id);

// ---------------------------------------------------------------------------
// 1,000 responses, the same on every run

/** A small linear congruential generator: the same numbers every run. */
function generator(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const DEPARTMENTS = ['sales', 'it', 'finance'];
// Each department answers around its own step, so that their benchmarks differ.
const LEANING = { sales: 0.9, it: 0.2, finance: -0.6, legal: 0 };
// Two responses leave a question unanswered: incomplete, left out.
const INCOMPLETE = new Set([500, 777]);

/** Each response: its respondent, department and answers (by question id; '' unanswered). */
function responses() {
  const random = generator(20260412);
  const out = [];
  for (let i = 0; i < 1000; i++) {
    const department = i >= 997 ? 'legal' : DEPARTMENTS[i % 3];
    const answers = {};
    for (const question of QUESTIONS) {
      const r = random();
      const step = Math.max(0, Math.min(4, Math.round(2 + LEANING[department] + (random() - 0.5) * 4.2)));
      answers[question.id] = question.allowNotApplicable && r < 0.05 ? 'not-applicable' : r > 0.97 ? 'dont-know' : String(step);
    }
    if (INCOMPLETE.has(i)) answers[IDS[3]] = '';
    out.push({ respondent: `r-${i + 1}`, department, answers });
  }
  return out;
}

const RESPONSES = responses();
const COUNTS = { sales: 332, it: 332, finance: 331, legal: 3 };

/** The responses as a CSV export: `respondent`, the question ids, `department`. */
function csvOf(rows, { delimiter = ',', lineEnd = '\n' } = {}) {
  const header = ['respondent', ...IDS, 'department'];
  const lines = rows.map((row) => [row.respondent, ...IDS.map((id) => row.answers[id]), row.department].join(delimiter));
  return [header.join(delimiter), ...lines, ''].join(lineEnd);
}

/** The same as JSON Lines: steps as numbers, unanswered questions left out. */
function jsonLinesOf(rows) {
  const answers = (row) =>
    Object.fromEntries(
      IDS.filter((id) => row.answers[id] !== '').map((id) => [id, /^\d$/.test(row.answers[id]) ? Number(row.answers[id]) : row.answers[id]]),
    );
  return `${rows.map((row) => JSON.stringify({ respondent: row.respondent, answers: answers(row), department: row.department })).join('\n')}\n`;
}

const CSV = csvOf(RESPONSES);

/** The core's percentile (core/src/benchmark.rs): integer arithmetic, rounded half up. */
function percentile(bins, count, score) {
  const tenths = Math.min(1000, Math.max(0, Math.round(score * 10)));
  const band = Math.min(19, Math.floor(tenths / 50));
  const below = bins.slice(0, band).reduce((sum, n) => sum + n, 0);
  const within = (bins[band] ?? 0) * (tenths - 50 * band);
  const whole = 50 * Math.max(1, count);
  return Math.min(100, Math.floor(((below * 50 + within) * 100 * 2 + whole) / (2 * whole)));
}

/** The band of five points a score falls in (0 … 19). */
const band = (score) => Math.min(19, Math.floor(Math.round(score * 10) / 50));

/**
 * The benchmarks' distributions worked out here from `readiness batch`'s
 * scores of each complete response: everyone's and each department's of
 * at least `min` responses, overall and per factor.
 */
async function expectedBins(min = 10) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-benchmark-'));
  const file = path.join(dir, 'scores.csv');
  // `batch` knows no department column: the responses without it.
  await writeFile(file, csvOf(RESPONSES).replace(/,[a-z]+$/gm, '').replace(/^respondent,.*,department$/m, (header) => header.replace(/,department$/, '')));
  const lines = execFileSync(CLI, ['batch', file, '--format', 'jsonl', '--lang', 'en'], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const empty = () => ({ count: 0, overall: Array(20).fill(0), factors: Object.fromEntries(FACTORS.map((id) => [id, Array(20).fill(0)])) });
  const all = empty();
  const groups = {};
  lines.forEach((report, i) => {
    assert.equal(report.respondent, RESPONSES[i].respondent);
    if (!report.complete) return;
    for (const tally of [all, (groups[RESPONSES[i].department] ??= empty())]) {
      tally.count++;
      tally.overall[band(report.overall.score)]++;
      for (const factor of report.factors) tally.factors[factor.id][band(factor.score)]++;
    }
  });
  return { all, groups: Object.fromEntries(Object.entries(groups).filter(([, tally]) => tally.count >= min)) };
}

/** Whether the CLI has `readiness benchmark` (another change adds it). */

// ---------------------------------------------------------------------------
// Driving the studio

/** Opens the studio on the built-in questionnaire, recording CSP violations (`window.__csp`). */
async function openStudio({ beforeGoto, ...options } = {}) {
  const page = await h.openPage('/studio/', {
    ...options,
    beforeGoto: async (p) => {
      await p.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (event) => window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await beforeGoto?.(p);
    },
  });
  await page.locator('#start:not([hidden])').waitFor();
  await page.locator('#start-builtin').click();
  await page.locator('#work:not([hidden])').waitFor();
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  return page;
}

/** A part of the studio's state (`bench.result`), as plain data (null when there is none). */
const studio = (page, at) =>
  page.evaluate(async (at) => {
    const { state } = await import('/studio/studio.js');
    return JSON.parse(JSON.stringify(at.split('.').reduce((value, key) => value?.[key], state) ?? null));
  }, at);

/** Opens the benchmarks view and pastes `text`. */
async function paste(page, text) {
  await page.locator('[data-view="benchmarks"]').click();
  await page.locator('#bench-text').fill(text);
}

/** Groups by `column`, then waits for benchmarks of `count` responses. */
async function groupBy(page, column, count) {
  await page.locator('#bench-by').selectOption(column);
  await page.locator(`#bench-result .population.everyone[data-count="${count}"]`).waitFor();
}

/** What the view shows, read from the page. */
function shown(page) {
  return page.evaluate(() => {
    const text = (element) => element?.textContent.trim() ?? null;
    return {
      status: text(document.querySelector('#bench-status')),
      format: text(document.querySelector('#bench-format')),
      leftOut: [...document.querySelectorAll('.left-out-list li')].map((li) => ({ name: li.dataset.group, count: Number(li.dataset.count), text: text(li) })),
      bad: [...document.querySelectorAll('.bench-bad li')].map((li) => ({
        where: text(li.querySelector('.where')),
        messages: [...li.querySelectorAll('.message')].map(text),
      })),
      heading: text(document.querySelector('#bench-result-heading')),
      populations: [...document.querySelectorAll('.population')].map((li) => ({
        group: li.dataset.group,
        name: text(li.querySelector('h4')),
        count: Number(li.dataset.count),
        counted: text(li.querySelector('.population-count')),
        bars: li.querySelectorAll('svg .bin').length,
        ahead: [...li.querySelectorAll('.ahead-list li')].map((item) => [Number(item.dataset.score), Number(item.dataset.ahead), text(item)]),
      })),
    };
  });
}

// ---------------------------------------------------------------------------

test('1,000 responses as CSV: the counts, legal left out and named, each population’s percentiles; added to the draft, downloaded, validated, the CLI’s numbers; the preview compares', async (t) => {
  let events;
  const page = await openStudio({ beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])) });
  await paste(page, CSV);

  // No group chosen: the department column is no question's id, and is said so (never ignored).
  await page.locator('#bench-problems .problem').first().waitFor();
  let view = await shown(page);
  assert.equal(view.status, 'The file cannot be used as it is: fix the problem below.');
  assert.equal(view.format, 'Read as CSV (cells separated by commas). 1000 lines of responses.');
  assert.deepEqual(
    await page.locator('#bench-problems .problem-button').evaluateAll((items) => items.map((button) => button.textContent)),
    [
      'Line 1 (the header)unknown column `department`: no question has this id; rename it `respondent` if it says who answered, choose it under “Group by” to compare its groups, or delete it from the file',
    ],
  );
  assert.equal(await page.locator('#bench-result').evaluate((box) => box.childElementCount), 0, 'nothing counted meanwhile');
  assert.deepEqual(
    await page.locator('#bench-by option').evaluateAll((options) => options.map((o) => [o.value, o.textContent])),
    [
      ['', 'None (everyone together)'],
      ['department', 'department'],
    ],
    'Group by offers the columns that are not questions',
  );

  // Grouped by department (the fix offered beside the problem): 998 complete, 2 incomplete, legal (3) left out.
  await page.locator('#bench-problems button[data-group-by="department"]', { hasText: 'Group by department' }).click();
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.equal(await page.locator('#bench-by').inputValue(), 'department');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bench-result-heading', 'focus moves to the result');
  view = await shown(page);
  assert.equal(view.status, '998 responses counted. 2 incomplete responses left out. 1 group too small to show.');
  assert.deepEqual(view.leftOut, [{ name: 'legal', count: 3, text: 'legal: 3 responses' }]);
  assert.match(await page.locator('.bench-left-out .hint').textContent(), /fewer than 10 responses, so its numbers could single out a respondent/);
  assert.equal(view.heading, 'Benchmarks of 998 responses');
  assert.deepEqual(
    view.populations.map((p) => [p.group, p.name, p.count, p.counted, p.bars]),
    [
      ['', 'Everyone', 998, '998 responses', 20],
      ['sales', 'sales', COUNTS.sales, '332 responses', 20],
      ['it', 'it', COUNTS.it, '332 responses', 20],
      ['finance', 'finance', COUNTS.finance, '331 responses', 20],
    ],
  );

  // The numbers: the core's, and the core's percentile of its distributions.
  const result = await studio(page, 'bench.result');
  const made = result.benchmarks;
  assert.equal(made.count, 998);
  assert.deepEqual(made.label, { id: '998 responden', en: '998 responses' });
  assert.deepEqual(result.leftOut, [{ name: 'legal', count: 3 }]);
  const bins = [made.overall, ...made.groups.map((g) => g.overall)];
  view.populations.forEach((population, i) => {
    assert.deepEqual(
      population.ahead,
      [25, 50, 75].map((score) => {
        const n = percentile(bins[i], population.count, score);
        return [score, n, `A score of ${score}: ahead of ${n}%`];
      }),
      `${population.name}: the percentiles of its distribution`,
    );
    assert.deepEqual(population.ahead.map(([score, n]) => [score, n]), result.preview[i].ahead);
  });
  // The departments lean as they were made to: sales ahead of IT ahead of finance.
  const medianAhead = view.populations.map((p) => p.ahead[1][1]);
  assert.ok(medianAhead[1] < medianAhead[2] && medianAhead[2] < medianAhead[3], `${medianAhead}`);

  // The same distributions as `readiness batch`'s scores give.
  const expected = await expectedBins();
  assert.deepEqual({ count: made.count, overall: made.overall, factors: made.factors }, expected.all);
  assert.deepEqual(
    Object.fromEntries(made.groups.map((g) => [g.id, { count: g.count, overall: g.overall, factors: g.factors }])),
    expected.groups,
  );

  // Added to the draft: one edit, through undo and the JSON view like any other.
  assert.equal(await page.locator('#bench-current').textContent(), 'No benchmarks yet: visitors see no comparison.');
  await page.locator('#bench-add').click();
  await page.locator('#announcer', { hasText: 'Benchmarks added to the questionnaire.' }).waitFor();
  assert.deepEqual(await studio(page, 'draft.benchmarks'), made);
  assert.equal(
    await page.locator('#bench-current').textContent(),
    'Benchmarks of 998 responses, labelled “998 responses”. Groups: sales (332), it (332), finance (331).',
  );
  assert.equal(await page.locator('#bench-add-hint').textContent(), 'These benchmarks are in the questionnaire.');
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#problems').getAttribute('data-errors'), '0', 'the core accepts the draft with them');
  await page.locator('#undo').click();
  assert.equal(await studio(page, 'draft.benchmarks'), null, 'undone');
  await page.locator('#redo').click();
  assert.deepEqual(await studio(page, 'draft.benchmarks'), made, 'redone');
  await page.locator('[data-view="json"]').click();
  assert.deepEqual(JSON.parse(await page.locator('#json-text').inputValue()).benchmarks, made, 'the JSON view shows them');

  // Downloaded: `readiness validate` accepts the file; `readiness benchmark` makes the same section.
  await page.locator('[data-view="publish"]').click();
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-benchmark-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const downloaded = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(downloaded.benchmarks, made);
  const validate = spawnSync(CLI, ['validate', file], { encoding: 'utf8' });
  assert.equal(validate.status, 0, `readiness validate: ${validate.stdout}${validate.stderr}`);
  {
    const csv = path.join(dir, 'responses.csv');
    await writeFile(csv, CSV);
    const run = spawnSync(
      CLI,
      ['benchmark', csv, '--by', 'department', '--min-count', '10', '--label', 'id=998 responden', '--label', 'en=998 responses'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    assert.equal(run.status, 0, `readiness benchmark: ${run.stderr}`);
    assert.deepEqual(JSON.parse(run.stdout).benchmarks, downloaded.benchmarks, 'the studio’s benchmarks are the CLI’s');
  }

  // The preview is the standard widget, which draws no comparison yet: it
  // shows what visitors will see, and its report carries none.
  await page.locator('#preview-panel input[name="preview-lang"][value="en"]').check();
  const widget = page.locator('#preview');
  await widget.locator('.rc[lang="en"][data-view="intro"]').waitFor({ state: 'attached' });
  const answers = Object.fromEntries(IDS.map((id, i) => [id, [3, 2, 4, 1][i % 4]]));
  await finish(widget, answers);
  await widget.locator('.rc[data-view="results"]').waitFor({ state: 'attached' });
  const [complete] = await events();
  assert.equal(complete.detail.overall.benchmark, undefined, 'the standard widget ignores benchmarks');
  assert.equal(await widget.locator('.rc-compare').count(), 0);

  // The widget built with the comparisons, given the downloaded file:
  // "Ahead of …%" of everyone, then of a group chosen.
  const other = await h.openPage('/test/compare.html?count=0');
  await other.evaluate((q) => {
    const element = document.createElement('readiness-check');
    element.setAttribute('lang', 'en');
    element.setAttribute('storage', 'none');
    element.questionnaire = q;
    document.getElementById('slot').append(element);
  }, downloaded);
  const compared = other.locator('readiness-check');
  await compared.locator('.rc[data-view="intro"]').waitFor({ state: 'attached' });
  await finish(compared, answers);
  const { overall } = complete.detail;
  const ahead = percentile(made.overall, 998, overall.score);
  const compare = compared.locator('.rc-compare p');
  assert.equal(await compare.textContent(), `Ahead of ${ahead}% of 998 responses`);
  const select = compared.locator('.rc-group select');
  assert.deepEqual(
    await select.evaluate((element) => [...element.options].map((o) => [o.value, o.textContent])),
    [
      ['', '998 responses'],
      ['sales', 'sales (332)'],
      ['it', 'it (332)'],
      ['finance', 'finance (331)'],
    ],
  );
  await select.selectOption('finance');
  await compared.locator('.rc-compare p', { hasText: 'finance (331)' }).waitFor();
  const financeAhead = percentile(made.groups.find((g) => g.id === 'finance').overall, 331, overall.score);
  assert.equal(await compare.textContent(), `Ahead of ${financeAhead}% of finance (331)`);
  await other.close();
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');

  // Removed again (and back with undo).
  await page.locator('[data-view="benchmarks"]').click();
  await page.locator('#bench-remove').click();
  assert.equal(await studio(page, 'draft.benchmarks'), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bench-current-heading');
  assert.match(await page.locator('#announcer').textContent(), /Benchmarks removed/);
  await page.locator('#undo').click();
  assert.deepEqual(await studio(page, 'draft.benchmarks'), made);
});

test('JSON Lines of the same responses give the same benchmarks; the minimum and labels change them; bad lines are named by number', async () => {
  const page = await openStudio();
  await paste(page, CSV);
  await groupBy(page, 'department', 998);
  const fromCsv = await studio(page, 'bench.result.benchmarks');

  // The same responses as JSON Lines (and a Windows CSV with semicolons).
  await page.locator('#bench-text').fill(jsonLinesOf(RESPONSES));
  await page.locator('#bench-format', { hasText: 'Read as JSON Lines.' }).waitFor();
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.equal(await page.locator('#bench-by').inputValue(), 'department', 'the field has the column’s name');
  assert.deepEqual(await studio(page, 'bench.result.benchmarks'), fromCsv, 'JSON Lines: the same benchmarks');
  await page.locator('#bench-text').fill(csvOf(RESPONSES, { delimiter: ';', lineEnd: '\r\n' }));
  await page.locator('#bench-format', { hasText: 'semicolons' }).waitFor();
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.deepEqual(await studio(page, 'bench.result.benchmarks'), fromCsv, 'semicolons and CRLF: the same');

  // Picked as a file, and dropped on the page: the same.
  await page.locator('#bench-text').fill('');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#bench-file').click()]);
  await chooser.setFiles({ name: 'responses.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.locator('#announcer', { hasText: 'Responses from responses.csv read.' }).waitFor();
  await page.locator('#bench-format', { hasText: 'Read as CSV' }).waitFor();
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bench-result-heading');
  assert.deepEqual(await studio(page, 'bench.result.benchmarks'), fromCsv, 'a file picked');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'responses.jsonl', { type: 'application/x-ndjson' }));
    const view = document.querySelector('#view-benchmarks');
    view.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    view.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, jsonLinesOf(RESPONSES));
  await page.locator('#announcer', { hasText: 'Responses from responses.jsonl read.' }).waitFor();
  await page.locator('#bench-format', { hasText: 'Read as JSON Lines.' }).waitFor();
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.deepEqual(await studio(page, 'bench.result.benchmarks'), fromCsv, 'a file dropped');

  // The minimum: 3 keeps legal as a group; 400 leaves every department out; 0 is refused.
  await page.locator('#bench-min').fill('3');
  await page.locator('#bench-result .population[data-group="legal"][data-count="3"]').waitFor();
  await page.locator('#bench-min').fill('400');
  await page.locator('#bench-status', { hasText: '4 groups too small to show.' }).waitFor();
  assert.equal(await page.locator('.population').count(), 1, 'everyone only');
  await page.locator('#bench-min').fill('0');
  await page.locator('#bench-status', { hasText: 'The minimum per group must be a whole number, 1 or more.' }).waitFor();
  assert.equal(await page.locator('#bench-min').getAttribute('aria-invalid'), 'true');
  await page.locator('#bench-min').fill('10');
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();

  // The labels: one per language; {n} is the count.
  assert.deepEqual(
    await page.locator('#bench-labels input').evaluateAll((inputs) => inputs.map((i) => [i.lang, i.value, i.labels[0].textContent])),
    [
      ['id', '{n} responden', 'ID Bahasa Indonesia'],
      ['en', '{n} responses', 'EN English'],
    ],
  );
  await page.locator('#bench-label-en').fill('{n} teams, 2026');
  await page.locator('.population.everyone .population-count', { hasText: '998 teams, 2026' }).waitFor();
  assert.deepEqual((await studio(page, 'bench.result.benchmarks')).label, { id: '998 responden', en: '998 teams, 2026' });

  // Bad lines, CSV: a value that is no answer (the core says so), a row of too many cells.
  const rows = csvOf(RESPONSES.slice(0, 40)).split('\n');
  rows[4] = rows[4].replace(/^r-4,\d/, 'r-4,7');
  rows[8] = `${rows[8]},extra`;
  await page.locator('#bench-min').fill('5');
  await page.locator('#bench-text').fill(rows.join('\n'));
  await page.locator('.bench-bad li').first().waitFor();
  const view = await shown(page);
  assert.deepEqual(view.bad, [
    { where: 'Line 5', messages: [`\`${IDS[0]}\`: \`7\` is not an answer; write 0 to 4, dont-know or not-applicable`] },
    { where: 'Line 9', messages: ['22 fields, but the header has 21; each row needs one cell per column (empty for unanswered)'] },
  ]);
  assert.equal(view.status, '38 responses counted. 2 lines with problems left out.');
  // A bad line, activated: the caret on it in the responses.
  await page.locator('.bench-bad button[data-line="9"]').click();
  const selected = await page.locator('#bench-text').evaluate((area) => ({
    focused: document.activeElement === area,
    text: area.value.slice(area.selectionStart, area.selectionEnd),
  }));
  assert.deepEqual(selected, { focused: true, text: rows[8] });

  // JSON Lines: a line that is no JSON, a step written as a string.
  const lines = jsonLinesOf(RESPONSES.slice(0, 30)).split('\n');
  lines[2] = '{"respondent": "r-3", "answers": {';
  lines[6] = lines[6].replace(/"audience-online-habits":(\d)/, '"audience-online-habits":"$1"');
  await page.locator('#bench-text').fill(lines.join('\n'));
  await page.locator('.bench-bad li[data-bad-line="7"]').waitFor();
  const bad = (await shown(page)).bad;
  assert.equal(bad[0].where, 'Line 3');
  assert.match(bad[0].messages[0], /^not valid JSON \(/);
  assert.deepEqual(bad[1], { where: 'Line 7', messages: [`answers.audience-online-habits: the answer "${RESPONSES[6].answers['audience-online-habits']}" is a string; write the number ${RESPONSES[6].answers['audience-online-habits']} without quotes`] });

  // A misspelt question id in the header: reported with the core's suggestion, nothing counted.
  await page.locator('#bench-text').fill(CSV.replace('audience-sites-visited', 'audience-site-visited'));
  await page.locator('#bench-problems .problem').first().waitFor();
  assert.match(await page.locator('#bench-problems').textContent(), /unknown column `audience-site-visited`: no question has this id \(did you mean `audience-sites-visited`\?\)/);
});

test('reading an export (benchmark.js, in Node): lines as in the file, the header line 1, quoted cells over two lines, blank rows skipped', () => {
  const text = ['respondent,audience-online-habits,team', '', 'r-1,2,Sales', '"r\n2",3,"IT, ops"', ',,', 'r-3,,'].join('\n');
  const read = readResponses(text, { ids: ['audience-online-habits'], by: 'team' });
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.fields, ['team']);
  assert.deepEqual(read.responses, [
    { line: 3, group: 'Sales', answers: { 'audience-online-habits': '2' } },
    { line: 4, group: 'IT, ops', answers: { 'audience-online-habits': '3' } },
    { line: 7, group: null, answers: {} },
  ]);
  const ungrouped = readResponses(text, { ids: ['audience-online-habits'] });
  assert.deepEqual(ungrouped.problems.map((p) => [p.key, p.vars.name]), [['bmUnknownColumn', 'team']]);
  const jsonl = readResponses('{"answers": {"a": 1}, "team": "x"}\n\n{"answers": {"a": null}, "team": null, "respondent": 7}\n', { ids: ['a'], by: 'team' });
  assert.deepEqual(jsonl.responses, [
    { line: 1, group: 'x', answers: { a: 1 } },
    { line: 3, group: null, answers: {} },
  ]);
});

test('keyboard only: from the Benchmarks tab, paste, group, work them out, add them; focus always visible', async () => {
  const page = await openStudio();
  await page.locator('#work-heading').focus();
  await tabTo(page, '[data-view="benchmarks"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#view-benchmarks').isVisible(), true);
  await tabTo(page, '#bench-text');
  await page.keyboard.insertText(CSV);
  await page.locator('#bench-by option[value="department"]').waitFor({ state: 'attached' });
  await tabTo(page, '#bench-by');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#bench-by').inputValue(), 'department');
  await tabTo(page, '#bench-show');
  await page.keyboard.press('Enter');
  await page.locator('#bench-result .population.everyone[data-count="998"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bench-result-heading', 'focus moves to the result');
  await tabTo(page, '#bench-add');
  await page.keyboard.press('Enter');
  await page.locator('#announcer', { hasText: 'Benchmarks added' }).waitFor();
  assert.equal((await studio(page, 'draft.benchmarks')).count, 998);
  // Ctrl+Z in the responses is the browser's own undo there, not the draft's.
  await page.locator('#bench-text').focus();
  await page.keyboard.press('Control+Z');
  assert.equal((await studio(page, 'draft.benchmarks'))?.count, 998, 'the draft keeps them');
});

test('axe (WCAG 2.2 AA, target-size) finds nothing, in both languages; in Indonesian it reads naturally; at 360 px nothing overflows; screenshots', async () => {
  const page = await openStudio();
  await page.locator('[data-view="benchmarks"]').click();
  await assertAxeClean(page, 'empty benchmarks view');
  await page.locator('#bench-text').fill(CSV);
  await page.locator('#bench-problems .problem').first().waitFor();
  await assertAxeClean(page, 'benchmarks view with a problem in the file');
  await groupBy(page, 'department', 998);
  const rows = CSV.split('\n');
  rows[12] = rows[12].replace(/,\d,/, ',9,');
  await page.locator('#bench-text').fill(rows.join('\n'));
  await page.locator('.bench-bad li').first().waitFor();
  await assertAxeClean(page, 'benchmarks view (en)');
  await page.locator('#bench-add').click();
  await page.locator('#bench-heading').scrollIntoViewIfNeeded();
  await shot(page, 'benchmark-1280', { fullPage: true });

  await page.locator('button[data-ui-lang="id"]').click();
  assert.equal(await page.locator('[data-view="benchmarks"]').textContent(), 'Tolok ukur');
  assert.equal(await page.locator('#bench-heading').textContent(), 'Tolok ukur dari respons Anda sendiri');
  assert.equal(await page.locator('label[for="bench-by"]').textContent(), 'Kelompokkan menurut');
  assert.equal(await page.locator('label[for="bench-min"]').textContent(), 'Minimum per kelompok');
  assert.equal(await page.locator('#bench-status').textContent(), '997 respons dihitung. 2 respons tidak lengkap dilewati. 1 baris bermasalah dilewati. 1 kelompok terlalu kecil untuk ditampilkan.');
  assert.equal(await page.locator('.bench-bad .where').first().textContent(), 'Baris 13');
  assert.equal(await page.locator('.left-out-list li').first().textContent(), 'legal: 3 respons');
  assert.match(await page.locator('.population.everyone .ahead-list li').first().textContent(), /^Skor 25: di atas \d+%$/);
  assert.equal(await page.locator('.population.everyone .population-count').textContent(), '997 responden');
  await assertAxeClean(page, 'benchmarks view (id)');

  const phone = await openStudio({ width: 360, height: 780 });
  await phone.locator('button[data-ui-lang="id"]').click();
  await paste(phone, CSV);
  await groupBy(phone, 'department', 998);
  await assertNoOverflow(phone, 'benchmarks view at 360 px');
  await assertAxeClean(phone, 'benchmarks view at 360 px');
  await phone.locator('#bench-heading').scrollIntoViewIfNeeded();
  await shot(phone, 'benchmark-360', { fullPage: true });
  assert.deepEqual(await phone.evaluate(() => window.__csp), [], 'no CSP violations');
});
