// The studio's team view (www/studio/team.js): three colleagues from sales,
// IT and finance finish the real widget with different answers and send
// their share links; the marketer pastes them (a name before each) and sees
// the count, each factor's spread (every respondent a dot, min, median, max:
// the numbers of the core's `team()`, and each dot the score the widget
// showed that colleague), the questions answered furthest apart first
// (each answer in words), and the team's combined report, which
// `readiness score` gives for the combined answers. Links for another
// questionnaire or damaged ones are listed with the core's reason, by line,
// and the rest still read; a CSV file works as pasted lines; the view
// follows edits; keyboard only to the result; axe finds nothing; at 360 px
// nothing overflows; printed, only the team view shows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  builtinQuestionnaire,
  finish,
  harness,
  loadVector,
  questionIds,
  recordEvents,
  shareChecksum,
  waitForView,
} from './helpers.mjs';
import { assertAxeClean, assertNoOverflow, shot, tabTo } from './studio-helpers.mjs';

const h = harness();
const CLI = path.join(ROOT, 'target/release/readiness');
const BUILTIN = await builtinQuestionnaire('en');
const IDS = questionIds(BUILTIN);

// Three colleagues' answers: sales (the mixed vector), IT (everything in
// place but executive sponsorship), finance (a pattern of low and middle
// steps, a "don't know" and a "not applicable").
const SALES = (await loadVector('builtin-mixed-en')).answers;
const IT = (await loadVector('builtin-sponsorship-cap')).answers;
const FINANCE = Object.fromEntries(IDS.map((id, i) => [id, [1, 2, 3, 'dont-know'][i % 4]]));
FINANCE['operations-uploads'] = 'not-applicable';
const TEAM = [
  ['Sales', SALES],
  ['IT', IT],
  ['Finance', FINANCE],
];

// ---------------------------------------------------------------------------
// The colleagues' links, made once by the real widget

/** Finishes the widget with `answers`, clicks Share: the link copied and the report shown. */
async function shareLink(answers) {
  let events;
  const page = await h.openPage('/test/widget.html?lang=en&storage=none', {
    permissions: ['clipboard-read', 'clipboard-write'],
    beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, answers);
  await widget.locator('button[data-action=share]').click();
  await widget.locator('.rc-share input').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await widget.locator('.rc-share input').inputValue());
  const [complete] = await events();
  return { link, report: complete.detail };
}

// Made by the first test that needs them (the harness's browser is up by then).
let made;
async function team() {
  if (!made) {
    const links = [];
    for (const [name, answers] of TEAM) links.push({ name, ...(await shareLink(answers)) });
    made = links;
  }
  return made;
}

/** The pasted text: `Name: link` a line. */
const pasted = (people = made) => people.map(({ name, link }) => `${name}: ${link}`).join('\n');

// ---------------------------------------------------------------------------
// Driving the studio

async function openStudio(options = {}) {
  const page = await h.openPage('/studio/', options);
  await page.locator('#start:not([hidden])').waitFor();
  await page.locator('#start-builtin').click();
  await page.locator('#work:not([hidden])').waitFor();
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  return page;
}

/** Opens the team view and pastes `text`; waits for the result of `count` respondents. */
async function showTeam(page, text, count) {
  await page.locator('[data-view="team"]').click();
  await page.locator('#team-links').fill(text);
  await page.locator('#team-show').click();
  await page.locator(`#team-result .team-result[data-count="${count}"]`).waitFor();
}

/** The core's own team() on the questionnaire the studio shows, for comparison. */
function coreTeam(page, links, lang = 'en') {
  return page.evaluate(
    async ([links, lang]) => {
      const { team } = await import('/studio/studio-core.js');
      const response = await fetch('/studio/social-media-strategy.json');
      return team(await response.text(), links, lang);
    },
    [links, lang],
  );
}

/** What the team view shows, read from the page. */
function shown(page) {
  return page.evaluate(() => {
    const text = (element) => element?.textContent.trim() ?? null;
    return {
      heading: text(document.querySelector('#team-result-heading')),
      legend: [...document.querySelectorAll('.team-legend li')].map(text),
      spreads: [...document.querySelectorAll('.spread')].map((li) => ({
        factor: li.dataset.factor,
        name: text(li.querySelector('h4')),
        min: Number(li.dataset.min),
        median: Number(li.dataset.median),
        max: Number(li.dataset.max),
        stats: [...li.querySelectorAll('.stats dd')].map(text),
        dots: [...li.querySelectorAll('g.dot')].map((g) => ({
          x: g.querySelector('circle').getAttribute('cx'),
          number: text(g.querySelector('text')),
          title: text(g.querySelector('title')),
        })),
        read: [...li.querySelectorAll('ul.vh li')].map(text),
      })),
      disagreements: [...document.querySelectorAll('.disagreement')].map((li) => ({
        id: li.dataset.question,
        spread: Number(li.dataset.spread),
        title: text(li.querySelector('h4')),
        answers: [...li.querySelectorAll('.answer')].map((a) => ({
          who: text(a.querySelector('.who')),
          code: a.dataset.code,
          text: text(a.querySelector('.answer-text')),
        })),
      })),
      score: text(document.querySelector('.team-score .number')),
      level: text(document.querySelector('.team-level strong')),
      recs: [...document.querySelectorAll('.team-recs li')].map((li) => text(li.querySelector('strong'))),
    };
  });
}

/** The step a code counts as in a disagreement ("don't know" the bottom), or null. */
const stepOf = (answer) => (answer === 'dont-know' ? 0 : typeof answer === 'number' ? answer : null);

/** The disagreements as the core defines them, worked out here from the answer sets. */
function expectedDisagreements() {
  const all = IDS.map((id, index) => {
    const steps = TEAM.map(([, answers]) => stepOf(answers[id])).filter((step) => step !== null);
    return { id, index, spread: steps.length ? Math.max(...steps) - Math.min(...steps) : 0 };
  });
  return all
    .filter((q) => q.spread >= 2)
    .sort((a, b) => b.spread - a.spread || a.index - b.index)
    .slice(0, 8);
}

const optionText = (id, code) =>
  code === 'dont-know'
    ? 'Don’t know'
    : code === 'not-applicable'
      ? 'Not applicable'
      : BUILTIN.factors.flatMap((f) => f.questions).find((q) => q.id === id).options[Number(code)].text;

// ---------------------------------------------------------------------------

test('three colleagues’ links: the count, each factor’s dots with min, median and max as team() computes them, the furthest-apart question first, the combined report', async () => {
  await team();
  const page = await openStudio();
  const text = pasted();
  await showTeam(page, text, 3);
  const view = await shown(page);
  const result = await coreTeam(page, text);
  assert.equal(result.count, 3);
  assert.equal(await page.locator('#team-status').textContent(), '3 links read.');
  assert.equal(view.heading, 'The team: 3 respondents');
  assert.deepEqual(view.legend, ['1Sales', '2IT', '3Finance']);

  // Spreads: overall first, then every factor; each respondent a dot where the widget scored them.
  assert.deepEqual(
    view.spreads.map((s) => s.factor),
    ['', ...BUILTIN.factors.map((f) => f.id)],
  );
  const rows = [{ ...result.overall, name: 'Overall score' }, ...result.factors];
  view.spreads.forEach((spread, f) => {
    const row = rows[f];
    assert.equal(spread.name, row.name);
    assert.deepEqual([spread.min, spread.median, spread.max], [row.min, row.median, row.max], `${row.name}: min, median, max`);
    assert.deepEqual(spread.stats, [row.min, row.median, row.max].map(String));
    assert.equal(spread.dots.length, 3, `${row.name}: three dots`);
    const widgetScores = made.map(({ report }) => (f === 0 ? report.overall.score : report.factors[f - 1].score));
    assert.deepEqual(row.scores, widgetScores, `${row.name}: each respondent's score is the one the widget showed them`);
    spread.dots.forEach((dot, i) => {
      assert.equal(dot.x, `${row.scores[i]}%`);
      assert.equal(dot.number, String(i + 1));
      assert.equal(dot.title, `${made[i].name}: ${row.scores[i]}`);
    });
    assert.deepEqual(spread.read, made.map(({ name }, i) => `${name}: ${row.scores[i]}`), 'screen readers hear each name and score');
    assert.equal(Math.min(...row.scores), row.min);
    assert.equal(Math.max(...row.scores), row.max);
    assert.equal([...row.scores].sort((a, b) => a - b)[1], row.median);
  });

  // Disagreements: the furthest apart first, each answer in words.
  const expected = expectedDisagreements();
  assert.ok(expected.length >= 3 && expected[0].spread === 4, JSON.stringify(expected));
  assert.deepEqual(
    view.disagreements.map((d) => [d.id, d.spread]),
    expected.map((q) => [q.id, q.spread]),
  );
  assert.deepEqual(view.disagreements.map((d) => d.id), result.disagreements.map((d) => d.id));
  for (const disagreement of view.disagreements) {
    assert.deepEqual(
      disagreement.answers.map((a) => a.who),
      made.map((m) => m.name),
    );
    disagreement.answers.forEach((answer, i) => {
      const given = TEAM[i][1][disagreement.id];
      assert.equal(answer.code, String(given));
      const words = optionText(disagreement.id, given);
      assert.equal(answer.text, typeof given === 'number' ? `Step ${given}: ${words}` : words);
    });
  }
  const firstTitle = BUILTIN.factors.flatMap((f) => f.questions).find((q) => q.id === expected[0].id).title;
  assert.equal(view.disagreements[0].title, firstTitle);

  // The combined report: each question's lower median answer, scored as `readiness score` does.
  const report = result.report;
  assert.ok(report && report.recommendations.length > 0);
  assert.equal(view.score, String(report.overall.score));
  assert.equal(view.level, report.overall.level.name);
  assert.deepEqual(view.recs, report.recommendations.map((r) => r.title), 'every recommendation, in the core’s order');
  assert.equal(await page.locator('.team-recs li:visible').count(), Math.min(5, report.recommendations.length), 'five at first');
  const combined = {};
  for (const id of IDS) {
    const steps = TEAM.map(([, answers]) => stepOf(answers[id])).filter((step) => step !== null).sort((a, b) => a - b);
    if (steps.length) combined[id] = steps[(steps.length - 1) >> 1];
    else if (TEAM.some(([, answers]) => answers[id] === 'not-applicable')) combined[id] = 'not-applicable';
  }
  if (existsSync(CLI)) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-team-'));
    const file = path.join(dir, 'combined.json');
    await writeFile(file, JSON.stringify({ answers: combined }));
    const cli = JSON.parse(execFileSync(CLI, ['score', file, '--lang', 'en', '--format', 'json'], { encoding: 'utf8' }));
    assert.deepEqual(report, cli, 'the combined report is `readiness score` of the combined answers');
  } else {
    assert.deepEqual(report.answers, combined);
  }

  // It follows edits (no button): finance's line removed, two respondents.
  await page.locator('#team-links').fill(pasted(made.slice(0, 2)));
  await page.locator('#team-result .team-result[data-count="2"]').waitFor();
  assert.equal((await shown(page)).spreads[0].dots.length, 2);
  assert.equal(await page.locator('#team-status').textContent(), '2 links read.');
});

test('lines that do not read (another questionnaire, a damaged link) are listed by line with the core’s reason, in the studio’s words; the rest still read; a CSV file works too', async () => {
  await team();
  const page = await openStudio();
  const code = (link) => decodeURIComponent(link.slice(link.indexOf('#readiness=') + '#readiness='.length));
  const letters = code(made[0].link).split(':')[1].split('-')[0];
  const other = `other-check@1.0.0:${letters}`;
  const damaged = made[1].link.replace(/-([0-9a-z]{4})$/, (_, sum) => `-${sum === 'zzzz' ? 'yyyy' : 'zzzz'}`);
  assert.notEqual(damaged, made[1].link);
  const text = [
    `Sales: ${made[0].link}`,
    '',
    `Marketing: https://elsewhere.example/check#readiness=${other}-${shareChecksum(other)}`,
    `IT: ${made[1].link}`,
    `Legal: ${damaged}`,
    `Finance\t${made[2].link}`,
  ].join('\n');
  await showTeam(page, text, 3);
  assert.equal(await page.locator('#team-status').textContent(), '3 links read. 2 lines left out.');
  const skipped = await page.locator('.skipped-list li').evaluateAll((items) =>
    items.map((li) => ({ where: li.querySelector('.where').textContent, message: li.querySelector('.message').textContent })),
  );
  const result = await coreTeam(page, text);
  const reasons = result.respondents.filter((r) => !r.ok);
  // The core says which reason (`why`, and the other questionnaire's id);
  // the studio words it in its own language.
  assert.deepEqual(
    reasons.map((r) => [r.line, r.why, r.named]),
    [
      [3, 'other-questionnaire', 'other-check'],
      [5, 'damaged', ''],
    ],
  );
  assert.deepEqual(skipped, [
    { where: 'Line 3 · Marketing', message: 'This link is for another questionnaire (other-check).' },
    { where: 'Line 5 · Legal', message: 'This link is incomplete or was changed; ask for it again.' },
  ]);
  assert.deepEqual((await shown(page)).legend, ['1Sales', '2IT', '3Finance'], 'the rest read, a tab works as the colon does');
  // A line left out, activated: the caret on it in the links.
  await page.locator('.skipped-list button').nth(1).click();
  const selected = await page.locator('#team-links').evaluate((area) => ({
    focused: document.activeElement === area,
    text: area.value.slice(area.selectionStart, area.selectionEnd),
  }));
  assert.deepEqual(selected, { focused: true, text: `Legal: ${damaged}` });
  await assertAxeClean(page, 'team view with lines left out');

  // Only bad lines: none read, no result, the reasons still listed.
  await page.locator('#team-links').fill(`Legal: ${damaged}`);
  await page.locator('#team-show').click();
  await page.locator('#team-status', { hasText: 'No link could be read yet. 1 line left out.' }).waitFor();
  assert.equal(await page.locator('#team-result').evaluate((box) => box.childElementCount), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'team-skipped-heading', 'focus goes to why');

  // A spreadsheet's CSV export (a header, a quoted name with a comma, a semicolon-free file), picked.
  await page.locator('#team-links').fill('');
  const csv = ['Department,Share link', `Sales,${made[0].link}`, `"IT, infrastructure",${made[1].link}`, `Finance,${made[2].link}`, ''].join('\r\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#team-file').click()]);
  await chooser.setFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#team-result .team-result[data-count="3"]').waitFor();
  assert.equal(
    await page.locator('#team-links').inputValue(),
    [`Sales\t${made[0].link}`, `IT, infrastructure\t${made[1].link}`, `Finance\t${made[2].link}`].join('\n'),
  );
  assert.deepEqual((await shown(page)).legend, ['1Sales', '2IT, infrastructure', '3Finance']);
  assert.match(await page.locator('#announcer').textContent(), /Links from team\.csv added/);

  // Dropped on the page, a text file's links are added to those there.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'more.txt', { type: 'text/plain' }));
    const view = document.querySelector('#view-team');
    view.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    view.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, `Support: ${made[0].link}\n`);
  await page.locator('#team-result .team-result[data-count="4"]').waitFor();
  assert.equal((await shown(page)).legend.at(-1), '4Support');
});

test('a questionnaire with errors: the team view says to fix them first', async () => {
  await team();
  const page = await openStudio();
  await page.locator('#editor input[data-path="id"]').fill('not an id');
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  await page.locator('[data-view="team"]').click();
  // Ctrl+Z in the links is the browser's own undo there, not the draft's.
  await page.locator('#team-links').focus();
  await page.keyboard.press('Control+Z');
  await page.waitForTimeout(200);
  assert.equal(
    await page.evaluate(async () => (await import('/studio/studio.js')).state.draft.id),
    'not an id',
    'the draft is as it was',
  );
  await page.locator('#team-links').fill(pasted());
  await page.locator('#team-show').click();
  await page.locator('#team-status.bad').waitFor();
  assert.match(await page.locator('#team-status').textContent(), /needs a questionnaire without errors/);
  assert.equal(await page.locator('#team-result').evaluate((box) => box.childElementCount), 0);
  // Fixed (undo), it reads them.
  await page.locator('#undo').click();
  await page.locator('#team-result .team-result[data-count="3"]').waitFor();
});

test('keyboard only: from the Team tab, paste, show, to the result and its print button, focus always visible', async () => {
  await team();
  const page = await openStudio();
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.locator('#work-heading').focus();
  await tabTo(page, '[data-view="team"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#view-team').isVisible(), true);
  await tabTo(page, '#team-links');
  await page.keyboard.insertText(pasted());
  await tabTo(page, '#team-show');
  await page.keyboard.press('Enter');
  await page.locator('#team-result .team-result[data-count="3"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'team-result-heading', 'focus moves to the result');
  await tabTo(page, '#team-print');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.__printed), 1, 'Print prints');
  await tabTo(page, '.more-recs > summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.more-recs').evaluate((d) => d.open), true);
});

test('printed, only the team view shows (and everything else prints as before from other views)', async () => {
  await team();
  const page = await openStudio();
  await showTeam(page, pasted(), 3);
  const visibility = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [
          '.top',
          '.foot',
          '.work-head',
          '.side-col',
          '#team-heading',
          '.team-input',
          '#team-print',
          '#team-result-heading',
          '.team-legend',
          '.spread',
          '.disagreement',
          '.team-overall',
          '.team-recs li',
        ].map((selector) => {
          const element = document.querySelector(selector);
          return [selector, Boolean(element?.getClientRects().length) && getComputedStyle(element).visibility !== 'hidden'];
        }),
      ),
    );
  const screen = await visibility();
  assert.ok(Object.values(screen).every(Boolean), JSON.stringify(screen));
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await visibility(), {
    '.top': false,
    '.foot': false,
    '.work-head': false,
    '.side-col': false,
    '#team-heading': false,
    '.team-input': false,
    '#team-print': false,
    '#team-result-heading': true,
    '.team-legend': true,
    '.spread': true,
    '.disagreement': true,
    '.team-overall': true,
    '.team-recs li': true,
  });
  await page.screenshot({ path: path.join(os.tmpdir(), 'studio-team-print.png'), fullPage: true });
  // From the editor, the page prints as it did.
  await page.emulateMedia({ media: 'screen' });
  await page.locator('[data-view="edit"]').click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.work-head').isVisible(), true);
  assert.equal(await page.locator('#editor').isVisible(), true);
});

test('axe (WCAG 2.2 AA, target-size) finds nothing; in Indonesian the labels and numbers read naturally; at 360 px nothing overflows', async () => {
  await team();
  const page = await openStudio();
  await page.locator('[data-view="team"]').click();
  await assertAxeClean(page, 'empty team view');
  await showTeam(page, pasted(), 3);
  await assertAxeClean(page, 'team view (en)');

  await page.locator('button[data-ui-lang="id"]').click();
  await page.locator('#team-result-heading', { hasText: 'Hasil tim: 3 responden' }).waitFor();
  assert.equal(await page.locator('[data-view="team"]').textContent(), 'Tim');
  assert.equal(await page.locator('#team-heading').textContent(), 'Tampilan tim');
  assert.equal(await page.locator('label[for="team-links"]').textContent(), 'Tempel tautan berbagi');
  assert.equal(await page.locator('#team-disagree-heading').textContent(), 'Paling berbeda pendapat');
  assert.equal(await page.locator('#team-report-heading').textContent(), 'Laporan gabungan tim');
  assert.equal(await page.locator('#team-status').textContent(), '3 tautan terbaca.');
  const result = await coreTeam(page, pasted(), 'id');
  // The core's texts in Indonesian, the numbers with a decimal comma.
  assert.equal(await page.locator('.spread[data-factor="audience"] h4').textContent(), result.factors[0].name);
  assert.equal(await page.locator('.team-score .number').textContent(), String(result.report.overall.score).replace('.', ','));
  assert.equal(await page.locator('.team-level strong').textContent(), result.report.overall.level.name);
  assert.match(await page.locator('.disagreement .apart').first().textContent(), /^selisih \d langkah$/);
  await assertAxeClean(page, 'team view (id)');
  await page.locator('#team-heading').scrollIntoViewIfNeeded();
  await shot(page, 'team-1280', { fullPage: true });

  const phone = await openStudio({ width: 360, height: 780 });
  await phone.locator('button[data-ui-lang="id"]').click();
  await showTeam(phone, pasted(), 3);
  await assertNoOverflow(phone, 'team view at 360 px');
  await assertAxeClean(phone, 'team view at 360 px');
  const box = await phone.locator('.spread').first().boundingBox();
  assert.ok(box.width <= 360, `a strip fits (${box.width}px)`);
  await shot(phone, 'team-360', { fullPage: true });
});
