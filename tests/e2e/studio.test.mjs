// The studio (www/studio/, served at /studio/): a marketer makes a
// questionnaire in the browser. Start from the built-in one and see a
// changed prompt in the live preview (which follows the step being
// edited); break an id, jump to the problem, fix it; add, move, remove,
// undo and redo; switch the studio's and the preview's language; download
// the file, which `readiness validate` accepts and `readiness score` scores
// exactly as the preview did; import broken files without losing anything;
// the draft survives a reload and is discarded only on confirmation; the
// whole flow by keyboard; axe finds nothing in any state; at 360 px the
// editor and preview stack and nothing overflows. All of it under the
// page's strict CSP, with no request beyond loopback (the harness checks).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  PAGES,
  ROOT,
  finish,
  harness,
  loadVector,
  recordEvents,
  waitForStep,
  waitForView,
} from './helpers.mjs';
import { assertAxeClean, assertNoOverflow, shot, tabTo } from './studio-helpers.mjs';

const h = harness();
const CLI = path.join(ROOT, 'target/release/readiness');
const DRAFT_KEY = 'readiness-studio:draft';

// ---------------------------------------------------------------------------
// Driving the studio

/** Opens the studio with an empty localStorage (each page has its own context). */
async function openStudio({ beforeGoto, ...options } = {}) {
  const page = await h.openPage('/studio/', {
    ...options,
    beforeGoto: async (p) => {
      await recordCsp(p);
      await beforeGoto?.(p);
    },
  });
  await page.locator('#start:not([hidden]), #work:not([hidden])').first().waitFor();
  return page;
}

/** Waits until the core's verdict on the draft as it is now is shown. */
async function checked(page) {
  await page.locator('#problems[data-checked="true"]').waitFor({ state: 'attached' });
  return page.locator('#problems').evaluate((element) => ({
    errors: Number(element.dataset.errors),
    warnings: Number(element.dataset.warnings),
  }));
}

async function startBuiltin(page) {
  await page.locator('#start-builtin').click();
  await page.locator('#work:not([hidden])').waitFor();
  return checked(page);
}

/** The editor's field for a draft path. */
const field = (page, draftPath) => page.locator(`#editor [data-path="${draftPath}"]:is(input, textarea, select)`);

/** Opens the disclosures (factor, question) that hold a draft path. */
async function reveal(page, draftPath) {
  await field(page, draftPath).evaluate((element) => {
    for (let details = element.closest('details'); details; details = details.parentElement.closest('details')) details.open = true;
  });
}

/** The draft as the JSON view writes it (and the download). */
async function draft(page) {
  return page.evaluate(async () => {
    const { state } = await import('/studio/studio.js');
    return JSON.parse(JSON.stringify(state.draft));
  });
}

/** The problem list as shown: {severity, path, message}. */
function shownProblems(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#problem-lists li.problem')].map((li) => ({
      severity: li.classList.contains('error') ? 'error' : 'warning',
      path: li.querySelector('code.path')?.textContent ?? '',
      message: li.querySelector('.message').textContent,
    })),
  );
}

/** What has focus: its draft path, op, id, and its aria-invalid/describedby. */
function focusInfo(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      path: element.dataset.path ?? null,
      op: element.dataset.op ?? null,
      view: element.dataset.view ?? null,
      invalid: element.getAttribute('aria-invalid'),
      describedBy: (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`),
    };
  });
}

const preview = (page) => page.locator('#preview');

/** The preview's shadow DOM text. */
const previewText = (page) => preview(page).evaluate((element) => element.shadowRoot.querySelector('.rc')?.textContent ?? '');

/** Records CSP violations from the start (the page has a strict policy in a meta tag): `window.__csp`. */
async function recordCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function assertNoCsp(page) {
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
}

function cli(...args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: cargo build --release -p readiness-cli`);
  return spawnSync(CLI, args, { encoding: 'utf8' });
}

// ---------------------------------------------------------------------------

test('start from the built-in questionnaire: a changed prompt shows in the preview, which follows the step being edited', async () => {
  const page = await openStudio();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the studio speaks the browser’s language');
  const { errors } = await startBuiltin(page);
  assert.equal(errors, 0, 'the built-in questionnaire has no errors');
  const builtin = JSON.parse(await readFile(path.join(ROOT, 'core/questionnaires/social-media-strategy.json'), 'utf8'));
  assert.deepEqual(await draft(page), builtin, 'the draft is the built-in questionnaire');
  await page.locator('#preview-panel input[name="preview-lang"][value="en"]').check();

  const widget = preview(page);
  await waitForView(widget, 'intro');
  assert.match(await previewText(page), /Social Media Strategy Readiness Check/);
  assert.equal(await widget.getAttribute('storage'), 'none');

  // Focus in the second factor: the preview shows its step.
  const prompt = 'factors[1].questions[0].prompt.en';
  await reveal(page, prompt);
  await field(page, prompt).fill('How far does the social media plan follow from the business plan?');
  await waitForStep(widget, 2);
  await page.waitForFunction(
    () => document.querySelector('#preview').shadowRoot.textContent.includes('follow from the business plan'),
    null,
    { timeout: 5000 },
  );
  // The general section shows the intro again.
  await field(page, 'title.en').focus();
  await waitForView(widget, 'intro');
  // The file keeps the change.
  assert.equal((await draft(page)).factors[1].questions[0].prompt.en, 'How far does the social media plan follow from the business plan?');
  await assertNoCsp(page);
});

test('a duplicate id: listed with its path, activating it focuses the field (invalid, described by the message), fixing it clears it and the preview recovers', async () => {
  const page = await openStudio();
  await startBuiltin(page);
  const first = (await draft(page)).factors[0].questions[0].id;
  const idPath = 'factors[0].questions[1].id';
  await reveal(page, idPath);
  await field(page, idPath).fill(first);
  await checked(page);
  const problems = await shownProblems(page);
  const duplicate = problems.find((p) => p.severity === 'error' && p.message.includes(first));
  assert.ok(duplicate, `a problem names the duplicate id: ${JSON.stringify(problems)}`);
  assert.match(duplicate.path, /^factors\[0\]\.questions\[[01]\]\.id$/);
  assert.match(await page.locator('#status-chip').textContent(), /^(1 error|\d+ errors), (1 warning|\d+ warnings)$/);

  // Move focus away, then activate the problem from the list with the keyboard.
  await page.locator('#problems-heading').click();
  const button = page.locator('#problem-lists .problem.error .problem-button').filter({ hasText: first });
  await button.focus();
  await page.keyboard.press('Enter');
  const info = await focusInfo(page);
  assert.equal(info.path, duplicate.path, 'focus lands on the field the problem names');
  assert.equal(info.invalid, 'true');
  assert.ok(info.describedBy.some((text) => text.includes(duplicate.message)), `described by the message: ${JSON.stringify(info.describedBy)}`);
  // Its question is marked in the outline.
  assert.match(await page.locator('[data-badge="factors[0].questions[1]"]').textContent(), /^(1 problem|\d+ problems)$/);

  // Fix it where focus is: the problem goes, and so do the marks.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`${first}-fixed`);
  const after = await checked(page);
  assert.equal(after.errors, 0);
  assert.equal(await field(page, duplicate.path).getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#editor .field-problem').count(), 0);
  // The preview showed the widget's own problem list meanwhile, and shows the questionnaire again.
  await preview(page).locator('.rc:not([data-view="error"])').waitFor({ state: 'attached', timeout: 3000 });
  assert.match(await page.locator('#status-chip').textContent(), after.warnings ? /^0 errors, (1 warning|\d+ warnings)$/ : /^No problems$/);
});

test('lints: warnings are listed apart from errors, describe their field without marking it invalid, and do not stop the download', async () => {
  const page = await openStudio();
  await startBuiltin(page);
  const q = await draft(page);
  const optionPath = 'factors[0].questions[0].options[1].text';
  await reveal(page, `${optionPath}.en`);
  // Option 1 says what option 0 says.
  await field(page, `${optionPath}.id`).fill(q.factors[0].questions[0].options[0].text.id);
  await field(page, `${optionPath}.en`).fill(q.factors[0].questions[0].options[0].text.en);
  const { errors, warnings } = await checked(page);
  assert.equal(errors, 0);
  assert.ok(warnings >= 2, `${warnings} warnings`);
  const shown = await shownProblems(page);
  assert.ok(shown.every((p) => p.severity === 'warning'));
  assert.ok(shown.some((p) => p.path === `${optionPath}.en`), JSON.stringify(shown));
  assert.equal(await page.locator('#problem-lists h3.group.warning').count(), 1);
  assert.equal(await page.locator('#problem-lists h3.group.error').count(), 0);
  assert.match(await page.locator('#problem-status').textContent(), /^0 errors, \d+ warnings$/);
  await page.locator('#problem-lists .problem-button').filter({ hasText: /en/ }).first().click();
  const info = await focusInfo(page);
  assert.equal(info.path, `${optionPath}.en`);
  assert.equal(info.invalid, null, 'a warning does not make the field invalid');
  assert.ok(info.describedBy.some((text) => text.includes(shown.find((p) => p.path === info.path).message)));
  await page.locator('[data-view="publish"]').click();
  assert.equal(await page.locator('#download').isDisabled(), false);
  assert.equal(await page.locator('#download-warnings li').count(), warnings);
  await assertAxeClean(page, 'publish with warnings');
});

test('add a question and a factor (ids suggested from their names, kept unique), move, duplicate, remove, undo and redo', async () => {
  const page = await openStudio();
  await startBuiltin(page);
  const before = await draft(page);

  // A question in the first factor: focus goes to its title; the id follows it.
  await page.locator('#editor button[data-op="add"][data-path="factors[0].questions"]').click();
  const q = before.factors[0].questions.length;
  const newQuestion = `factors[0].questions[${q}]`;
  assert.equal((await focusInfo(page)).path, `${newQuestion}.title.id`);
  await page.keyboard.type('Kebiasaan daring');
  await field(page, `${newQuestion}.title.en`).fill('Online habits');
  // audience-online-habits is taken (the first question): the next free one.
  assert.equal(await field(page, `${newQuestion}.id`).inputValue(), 'audience-online-habits-2');
  await field(page, `${newQuestion}.prompt.en`).fill('Do you know where your audience spends time online?');
  const added = await checked(page);
  assert.ok(added.errors > 0, 'the new question’s empty texts are errors');
  assert.ok((await shownProblems(page)).some((p) => p.path.startsWith(`${newQuestion}.options[0].text`)));
  // The outline badge counts them.
  assert.match(await page.locator(`[data-badge="${newQuestion}"]`).textContent(), /\d+ problems/);

  // A factor: its name suggests its id.
  await page.locator('#editor button[data-op="add"][data-path="factors"]').click();
  const f = before.factors.length;
  assert.equal((await focusInfo(page)).path, `factors[${f}].name.id`);
  await field(page, `factors[${f}].name.en`).fill('Measure results');
  assert.equal(await field(page, `factors[${f}].id`).inputValue(), 'measure-results');
  let now = await draft(page);
  assert.equal(now.factors.length, f + 1);
  assert.equal(now.factors[0].questions.length, q + 1);
  assert.deepEqual(now.factors[f].questions[0].options.map((o) => o.score), [0, 25, 50, 75, 100]);

  // Move the new factor up by keyboard: focus stays on its button.
  const up = page.locator(`#editor button[data-op="up"][data-path="factors[${f}]"]`);
  await up.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual([(await focusInfo(page)).op, (await focusInfo(page)).path], ['up', `factors[${f - 1}]`]);
  now = await draft(page);
  assert.equal(now.factors[f - 1].id, 'measure-results');
  // Duplicate it: the copy comes after, with free ids.
  await page.locator(`#editor button[data-op="duplicate"][data-path="factors[${f - 1}]"]`).click();
  now = await draft(page);
  assert.equal(now.factors[f].id, 'measure-results-copy');
  // Remove the copy; undo brings it back, redo removes it again (keys and buttons).
  await page.locator(`#editor button[data-op="remove"][data-path="factors[${f}]"]`).click();
  assert.equal((await draft(page)).factors.length, f + 1);
  await page.keyboard.press('Control+Z');
  assert.equal((await draft(page)).factors[f].id, 'measure-results-copy', 'Ctrl+Z undoes the removal');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal((await draft(page)).factors.length, f + 1, 'Ctrl+Shift+Z redoes it');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Y');
  assert.equal((await draft(page)).factors.length, f + 1, 'Ctrl+Y redoes too');
  await page.locator('#undo').click();
  assert.equal((await draft(page)).factors.length, f + 2, 'the Undo button');
  await page.locator('#redo').click();
  assert.equal((await draft(page)).factors.length, f + 1, 'the Redo button');
  // Undo all the way: the built-in questionnaire again, no errors.
  for (let i = 0; i < 40 && (await page.locator('#undo').getAttribute('aria-disabled')) !== 'true'; i++) await page.locator('#undo').click();
  assert.deepEqual(await draft(page), before);
  assert.equal((await checked(page)).errors, 0);

  // Options are a fixed scale of five: they move (their words, not their scores), never come or go.
  const optionPath = 'factors[0].questions[0].options[1]';
  await reveal(page, `${optionPath}.text.en`);
  assert.equal(await page.locator(`#editor [data-path="factors[0].questions[0]"] .option`).count(), 5);
  assert.equal(await page.locator(`#editor [data-path="factors[0].questions[0]"] button[data-op="remove"][data-path*="options"]`).count(), 0);
  await page.locator(`#editor button[data-op="option-up"][data-path="${optionPath}"]`).click();
  now = await draft(page);
  assert.equal(now.factors[0].questions[0].options[0].text.en, before.factors[0].questions[0].options[1].text.en);
  assert.equal(now.factors[0].questions[0].options[0].score, before.factors[0].questions[0].options[0].score);
});

test('levels and caps: add a level, add both kinds of cap (choices from the draft, id from the rule), remove one', async () => {
  const page = await openStudio();
  await startBuiltin(page);
  const before = await draft(page);
  await page.locator('#editor button[data-op="add"][data-path="levels"]').click();
  const l = before.levels.length;
  assert.equal((await focusInfo(page)).path, `levels[${l}].name.id`);
  await page.keyboard.type('Teladan');
  await field(page, `levels[${l}].name.en`).fill('Exemplary');
  await field(page, `levels[${l}].description.id`).fill('Menjadi contoh bagi organisasi lain.');
  await field(page, `levels[${l}].description.en`).fill('An example to other organisations.');
  let now = await draft(page);
  assert.equal(now.levels[l].id, 'exemplary');
  assert.equal(now.levels[l].min, 90, 'ten above the last level');

  // An answerBelow cap: its question and level are chosen from the draft's.
  await page.locator('#editor button[data-op="add"][data-kind="answerBelow"]').click();
  const c = before.caps.length;
  const question = before.factors[1].questions[2].id;
  await field(page, `caps[${c}].question`).selectOption(question);
  await field(page, `caps[${c}].below`).selectOption('3');
  const levelIds = await field(page, `caps[${c}].maxLevel`).evaluate((select) => [...select.options].map((o) => o.value).filter(Boolean));
  assert.deepEqual(levelIds, [...before.levels.map((x) => x.id), 'exemplary']);
  await field(page, `caps[${c}].maxLevel`).selectOption('emerging');
  await field(page, `caps[${c}].reason.en`).fill('Until this is in place, the overall level stays at Emerging at most.');
  await field(page, `caps[${c}].reason.id`).fill('Selama ini belum ada, tingkat keseluruhan paling tinggi Berkembang.');
  await page.locator(`#editor button[data-op="suggest"][data-path="caps[${c}]"]`).click();
  now = await draft(page);
  assert.deepEqual(now.caps[c], {
    rule: 'answerBelow',
    id: `${question}-below-3`,
    question,
    below: 3,
    maxLevel: 'emerging',
    reason: { id: 'Selama ini belum ada, tingkat keseluruhan paling tinggi Berkembang.', en: 'Until this is in place, the overall level stays at Emerging at most.' },
  });
  // A weakestFactor cap, then removed again.
  await page.locator('#editor button[data-op="add"][data-kind="weakestFactor"]').click();
  await field(page, `caps[${c + 1}].maxLevelsAbove`).fill('2');
  assert.equal((await draft(page)).caps[c + 1].maxLevelsAbove, 2);
  await page.locator(`#editor button[data-op="remove"][data-path="caps[${c + 1}]"]`).click();
  now = await draft(page);
  assert.equal(now.caps.length, c + 1);
  const { errors } = await checked(page);
  assert.equal(errors, 0, JSON.stringify(await shownProblems(page)));
  // A cap watching a question that is gone is shown as such, and is an error.
  await page.locator(`#editor button[data-op="remove"][data-path="factors[1]"]`).click();
  assert.ok((await checked(page)).errors > 0);
  assert.ok((await shownProblems(page)).some((p) => p.path === `caps[${c}].question`));
  assert.match(await field(page, `caps[${c}].question`).evaluate((s) => s.selectedOptions[0].textContent), new RegExp(`${question} \\(not found\\)`));
});

test('languages: the studio’s switch relabels it and sets lang; the preview has its own language and width', async () => {
  const page = await openStudio();
  assert.equal(await page.locator('#start-builtin').textContent(), 'Start from the built-in questionnaire');
  await page.locator('button[data-ui-lang="id"]').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.equal(await page.locator('button[data-ui-lang="id"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#start-builtin').textContent(), 'Mulai dari kuesioner bawaan');
  assert.match(await page.title(), /Studio Kuesioner/);
  await startBuiltin(page);
  assert.equal(await page.locator('[data-view="publish"]').textContent(), 'Terbitkan');
  assert.equal(await page.locator('#undo').textContent(), '↶Urungkan');
  assert.match(await page.locator('#h-factors').textContent(), /^Faktor/);

  // The preview starts in the studio's language, and switches on its own.
  const widget = preview(page);
  await waitForView(widget, 'intro');
  assert.equal(await widget.getAttribute('lang'), 'id');
  assert.match(await previewText(page), /Cek Kesiapan Strategi Media Sosial/);
  await page.locator('#preview-panel label.seg-radio', { hasText: 'English' }).click();
  await widget.locator('.rc[lang="en"]').waitFor({ state: 'attached' });
  assert.match(await previewText(page), /Social Media Strategy Readiness Check/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'id', 'the studio stays in Indonesian');

  // Phone width: a 360 px frame.
  await page.locator('#preview-panel label.seg-radio', { hasText: 'Ponsel' }).click();
  const box = await page.locator('#preview-frame').boundingBox();
  assert.ok(box.width <= 360 && box.width > 300, `phone frame ${box.width}px`);

  // Back to English: the editor is relabelled in place, the draft untouched.
  const before = await draft(page);
  await page.locator('button[data-ui-lang="en"]').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('#h-factors').textContent(), /^Factors/);
  assert.deepEqual(await draft(page), before);
  // A language dropped from the questionnaire takes its texts (undo brings them back).
  await page.locator('#editor input[data-op="language"][value="en"]').uncheck();
  assert.deepEqual((await draft(page)).languages, ['id']);
  assert.equal((await draft(page)).title.en, undefined);
  assert.equal(await page.locator('#editor [data-path="title.en"]').count(), 0);
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await draft(page), before);
});

test('download: pretty-printed <id>.json that readiness validate accepts and readiness score scores as the preview did', async () => {
  let events;
  const page = await openStudio({ beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])) });
  await startBuiltin(page);
  // Make it the marketer's own: a new id and version, a heavier question, another prompt.
  await field(page, 'id').fill('my-readiness-check');
  await field(page, 'version').fill('1.0.0');
  await reveal(page, 'factors[2].questions[1].weight');
  await field(page, 'factors[2].questions[1].weight').fill('3');
  await field(page, 'factors[2].questions[1].prompt.en').fill('Is there a written policy for blogging on behalf of the organisation?');
  const { errors, warnings } = await checked(page);
  assert.equal(errors, 0);

  // Try it in the preview (in English) from its intro to the results.
  const { answers } = await loadVector('builtin-mixed-en');
  await field(page, 'title.en').focus();
  await page.locator('#preview-panel input[name="preview-lang"][value="en"]').check();
  const widget = preview(page);
  await widget.locator('.rc[lang="en"][data-view="intro"]').waitFor({ state: 'attached' });
  await finish(widget, answers);
  const [complete] = await events();
  assert.ok(complete, 'readiness-complete fired');

  await page.locator('[data-view="publish"]').click();
  const button = page.locator('#download');
  assert.equal(await button.textContent(), 'Download my-readiness-check.json');
  assert.equal(await button.isDisabled(), false);
  assert.equal(await page.locator('#download-warnings li').count(), warnings, 'the warnings are listed');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'my-readiness-check.json');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, 'two-space JSON with a final newline');
  assert.deepEqual(JSON.parse(text), await draft(page));

  const validate = cli('validate', file);
  assert.equal(validate.status, 0, `readiness validate: ${validate.stdout}${validate.stderr}`);

  // The embed snippet points at the upload and at this widget.
  await page.locator('#upload-url').fill('https://example.org/q/my-readiness-check.json');
  const snippet = await page.locator('#embed-code').inputValue();
  assert.equal(
    snippet,
    `<script type="module" src="${h.href('/widget/readiness-check.js')}"></script>\n` +
      '<readiness-check src="https://example.org/q/my-readiness-check.json" lang="id"></readiness-check>',
  );
  const iframe = await page.locator('#iframe-code').inputValue();
  assert.ok(iframe.startsWith(`<iframe data-readiness-check src="${h.href('/embed/embed.html')}?lang=id&amp;src=https%3A%2F%2Fexample.org%2Fq%2Fmy-readiness-check.json"`), iframe);
  assert.ok(iframe.endsWith(`<script src="${h.href('/embed/readiness-frame.js')}"></script>`), iframe);

  // The file scores as the preview did.
  const answersFile = path.join(dir, 'answers.json');
  await writeFile(answersFile, JSON.stringify({ answers }));
  const report = JSON.parse(execFileSync(CLI, ['score', answersFile, '--questionnaire', file, '--lang', 'en', '--format', 'json'], { encoding: 'utf8' }));
  assert.deepEqual(complete.detail, report, 'the preview’s report equals readiness score --questionnaire');
  await assertNoCsp(page);
});

test('import broken files: a format-1 file with problems (upgraded, nothing lost), and JSON that does not parse (dropped on the page)', async () => {
  const page = await openStudio();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#start-file').click()]);
  await chooser.setFiles(path.join(PAGES, 'invalid.json'));
  await page.locator('#work:not([hidden])').waitFor();
  const { errors } = await checked(page);
  assert.ok(errors >= 3, `${errors} errors`);
  assert.match(await page.locator('#notice').textContent(), /invalid\.json.*format 1/s);
  const original = JSON.parse(await readFile(path.join(PAGES, 'invalid.json'), 'utf8'));
  const now = await draft(page);
  assert.equal(now.formatVersion, 2, 'upgraded');
  assert.deepEqual(now.factors[0].questions[1].titel, original.factors[0].questions[1].titel, 'the misspelt field is kept');
  assert.deepEqual(now.factors[0].questions[0].options[0].advice, original.factors[0].questions[0].advice.start, 'advice moved to the steps');
  assert.deepEqual(now.factors[0].questions.map((q) => q.prompt), original.factors[0].questions.map((q) => q.prompt));
  const problems = await shownProblems(page);
  const typo = problems.find((p) => p.path === 'factors[0].questions[1].titel');
  assert.ok(typo, JSON.stringify(problems));
  // A field the form does not have: its problem opens the JSON view there.
  await page.locator('#problem-lists .problem-button').filter({ hasText: 'titel' }).click();
  const caret = await page.locator('#json-text').evaluate((area) => ({
    focused: document.activeElement === area,
    at: area.value.slice(area.selectionStart, area.selectionStart + 8),
  }));
  assert.deepEqual(caret, { focused: true, at: '"titel":' });

  // Discard it, and drop a file that is not valid JSON on the start screen.
  await page.locator('#discard').click();
  await page.locator('#discard-dialog button[value="discard"]').click();
  await page.locator('#start:not([hidden])').waitFor();
  const broken = '{\n  "formatVersion": 2,\n  "id": "broken"\n  "version": "1"\n}\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'broken.json', { type: 'application/json' }));
    document.querySelector('#start').dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.querySelector('#start').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, broken);
  await page.locator('#view-json:not([hidden])').waitFor();
  await checked(page);
  assert.equal(await page.locator('#json-text').inputValue(), broken, 'the text is kept as it was');
  assert.equal(await page.locator('#json-text').getAttribute('aria-invalid'), 'true');
  assert.equal((await shownProblems(page)).length, 1);
  assert.match(await page.locator('#problem-lists .where').first().textContent(), /line 4, column 3/);
  assert.match(await page.locator('#json-status').textContent(), /line 4, column 3/);
  assert.equal(await page.locator('#download').isDisabled(), true);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), broken, 'saved as it is');
  // Its problem puts the caret at the place.
  await page.locator('#problem-lists .problem-button').first().click();
  assert.equal(await page.locator('#json-text').evaluate((area) => area.value.slice(area.selectionStart, area.selectionStart + 9)), '"version"');
  // Fixed in the JSON view, it becomes the draft (the editor opens).
  await page.locator('#json-text').fill(broken.replace('"broken"\n', '"broken",\n'));
  await page.locator('#json-status.ok').waitFor();
  assert.equal((await draft(page)).id, 'broken');
  await page.locator('[data-view="edit"]').click();
  assert.equal(await field(page, 'id').inputValue(), 'broken');
  assert.equal(await page.locator('#json-banner').isHidden(), true);

  // A draft broken in the JSON view is not overwritten until it parses again.
  await page.locator('[data-view="json"]').click();
  await page.locator('#json-text').fill('{"id": ');
  await page.locator('#json-status.bad').waitFor();
  assert.equal((await draft(page)).id, 'broken');
  await page.locator('[data-view="edit"]').click();
  assert.equal(await page.locator('#json-banner').isVisible(), true, 'the editor says the JSON view does not parse');

  // A valid format-1 file pasted into the JSON view: the core offers its upgrade.
  const tiny = await readFile(path.join(ROOT, 'tests/questionnaires/tiny.json'), 'utf8');
  await page.locator('[data-view="json"]').click();
  await page.locator('#json-text').fill(tiny);
  await checked(page);
  assert.equal((await draft(page)).formatVersion, 1);
  await page.locator('#apply-upgrade').click();
  await checked(page);
  const upgraded = await draft(page);
  assert.equal(upgraded.formatVersion, 2);
  assert.deepEqual(upgraded.factors[0].questions[0].options[2].advice, JSON.parse(tiny).factors[0].questions[0].advice.improve);
  assert.equal(await page.locator('#apply-upgrade').count(), 0);

  // And pasted on the start screen: upgraded on opening.
  await page.locator('#discard').click();
  await page.locator('#discard-dialog button[value="discard"]').click();
  await page.locator('#start-paste').click();
  assert.match(await page.locator('#start-error').textContent(), /Paste/);
  await page.locator('#paste').fill(tiny);
  await page.locator('#start-paste').click();
  await page.locator('#work:not([hidden])').waitFor();
  assert.equal((await checked(page)).errors, 0);
  assert.equal((await draft(page)).formatVersion, 2);
  assert.match(await page.locator('#notice').textContent(), /format 1/);
  await assertNoCsp(page);
});

test('from the blank template to a valid three-factor questionnaire in both languages: ids follow the names, a problem fixed from its message, a phone-width try', async () => {
  let events;
  const page = await openStudio({ beforeGoto: async (p) => (events = await recordEvents(p, ['readiness-complete'])) });
  await page.locator('#start-blank').click();
  await page.locator('#work:not([hidden])').waitFor();
  assert.ok((await checked(page)).errors > 100);
  // Three factors: remove the fourth.
  await page.locator('#editor button[data-op="remove"][data-path="factors[3]"]').click();
  assert.equal((await draft(page)).factors.length, 3);
  // Fill every text in both languages, as a marketer would, field by field.
  const words = { id: 'Teks', en: 'Text' };
  const paths = await page.locator('#editor [data-kind="text"]').evaluateAll((fields) => fields.map((f) => f.dataset.path));
  assert.ok(paths.length > 80, `${paths.length} text fields`);
  for (const textPath of paths) {
    if (/\.(help|shortName)\./.test(textPath)) continue; // optional
    const lang = textPath.split('.').at(-1);
    const name = textPath
      .replace(/^factors\[(\d+)\]/, (_, f) => `factor ${Number(f) + 1}`)
      .replace(/\.questions\[(\d+)\]/, (_, q) => ` question ${Number(q) + 1}`)
      .replace(/^levels\[(\d+)\]/, (_, l) => `level ${Number(l) + 1}`)
      .replace(/\.options\[(\d+)\]\.(text|advice)/, (_, o, kind) => ` ${kind === 'text' ? 'does' : 'next'} ${o}`)
      .replace(/\.(id|en)$/, '')
      .replace(/\./g, ' ');
    await field(page, textPath).fill(`${words[lang]}: ${name}`);
  }
  const made = await draft(page);
  assert.equal(made.id, 'text-title', 'the questionnaire id follows its title');
  assert.deepEqual(made.factors.map((f) => f.id), ['text-factor-1-name', 'text-factor-2-name', 'text-factor-3-name']);
  assert.equal(made.factors[1].questions[0].id, 'text-factor-2-name-text-factor-2-question-1-title');
  assert.deepEqual(made.levels.map((l) => l.id), [1, 2, 3, 4, 5].map((n) => `text-level-${n}-name`));
  const { errors } = await checked(page);
  assert.equal(errors, 0, JSON.stringify((await shownProblems(page)).slice(0, 5)));

  // A problem, found and fixed from its message: levels out of order.
  await field(page, 'levels[2].min').fill('10');
  await checked(page);
  const problem = page.locator('#problem-lists .problem.error .problem-button').first();
  assert.match(await problem.textContent(), /Level 3/);
  await problem.click();
  assert.equal((await focusInfo(page)).path, 'levels[2].min');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('40');
  assert.equal((await checked(page)).errors, 0);

  // Try it at phone width, in Indonesian, and download it.
  await page.locator('#preview-panel label.seg-radio', { hasText: 'Phone' }).click();
  await page.locator('#preview-panel input[name="preview-lang"][value="id"]').check();
  await field(page, 'title.id').focus();
  const widget = preview(page);
  await widget.locator('.rc[lang="id"][data-view="intro"]').waitFor({ state: 'attached' });
  assert.match(await previewText(page), /Teks: title/);
  const answers = { [made.factors[0].questions[0].id]: 4, [made.factors[1].questions[0].id]: 1, [made.factors[2].questions[0].id]: 'dont-know' };
  await finish(widget, answers);
  const [complete] = await events();
  await page.locator('[data-view="publish"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(download.suggestedFilename(), 'text-title.json');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-blank-'));
  const file = path.join(dir, 'text-title.json');
  await download.saveAs(file);
  const validate = cli('validate', file);
  assert.equal(validate.status, 0, validate.stdout + validate.stderr);
  const answersFile = path.join(dir, 'answers.json');
  await writeFile(answersFile, JSON.stringify({ answers }));
  const report = JSON.parse(execFileSync(CLI, ['score', answersFile, '--questionnaire', file, '--lang', 'id', '--format', 'json'], { encoding: 'utf8' }));
  assert.deepEqual(complete.detail, report);
});

test('the draft survives a reload; "discard draft" asks first, then returns to the start screen', async () => {
  const page = await openStudio();
  await startBuiltin(page);
  await field(page, 'title.en').fill('Our own readiness check');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('Our own readiness check'), DRAFT_KEY);
  await page.reload();
  await page.locator('#work:not([hidden])').waitFor();
  assert.equal(await field(page, 'title.en').inputValue(), 'Our own readiness check');
  assert.equal(await page.locator('#work-title').textContent(), 'Our own readiness check');
  assert.match(await page.locator('#notice').textContent(), /last draft/);
  assert.equal((await checked(page)).errors, 0);

  // Cancel keeps it; Escape too.
  await page.locator('#discard').click();
  assert.equal(await page.locator('#discard-dialog').evaluate((d) => d.open), true);
  await page.locator('#discard-dialog button[value="cancel"]').click();
  assert.equal(await page.locator('#work').isVisible(), true);
  assert.equal((await focusInfo(page)).id, 'discard');
  await page.locator('#discard').click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#work').isVisible(), true);
  assert.ok(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY));
  // Confirmed: gone, and the start screen is back (after a reload too).
  await page.locator('#discard').click();
  await page.locator('#discard-dialog button[value="discard"]').click();
  await page.locator('#start:not([hidden])').waitFor();
  assert.equal((await focusInfo(page)).id, 'start-heading');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);
  await page.reload();
  await page.locator('#start:not([hidden])').waitFor();
});

test('keyboard only (Tab, Enter, Space): from the start screen to a download, focus always visible', async () => {
  const page = await openStudio();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'studio-keys-'));
  await tabTo(page, '#start-builtin');
  await page.keyboard.press('Enter');
  await page.locator('#work:not([hidden])').waitFor();
  assert.equal((await focusInfo(page)).id, 'work-heading', 'focus moves to the draft');
  // Edit the title.
  await tabTo(page, '[data-path="title.en"]');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Keyboard-made check');
  // Open the first question (Enter on its summary), allow "not applicable" (Space).
  await tabTo(page, 'details[data-path="factors[0].questions[0]"] > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-path="factors[0].questions[0].allowNotApplicable"]');
  await page.keyboard.press('Space');
  assert.equal((await draft(page)).factors[0].questions[0].allowNotApplicable, true);
  // Back to the views, to Publish, to the download.
  await tabTo(page, '[data-view="publish"]', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-view="publish"]').getAttribute('aria-pressed'), 'true');
  await checked(page);
  await tabTo(page, '#download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.title.en, 'Keyboard-made check');
  assert.equal(saved.factors[0].questions[0].allowNotApplicable, true);
  assert.equal(cli('validate', file).status, 0);
  // Copy the snippet with Space.
  await tabTo(page, '#copy-embed');
  await page.keyboard.press('Space');
  await page.locator('#copy-status:not(:empty)').waitFor();
  await assertNoCsp(page);
});

test('axe (WCAG 2.2 AA and target-size): nothing on the start screen, the editor, with problems shown, the JSON view, the publish panel, the dialog', async () => {
  const page = await openStudio();
  await assertAxeClean(page, 'start screen');
  await page.locator('button[data-ui-lang="id"]').click();
  await shot(page, 'start-1280');
  await startBuiltin(page);
  await reveal(page, 'factors[0].questions[0].prompt.en');
  await assertAxeClean(page, 'editor (built-in, a question open)');
  await shot(page, 'editor-1280');
  await page.locator('[data-view="publish"]').click();
  await assertAxeClean(page, 'publish panel');
  await shot(page, 'publish-1280');
  await page.locator('#preview-panel label.seg-radio', { hasText: 'Ponsel' }).click();
  await assertAxeClean(page, 'phone-width preview');
  await page.locator('[data-view="edit"]').click();

  // Problems: a duplicate id and an empty text, with their fields marked.
  await field(page, 'factors[0].questions[0].id').fill((await draft(page)).factors[0].questions[1].id);
  await field(page, 'factors[0].questions[0].prompt.en').fill('');
  await checked(page);
  await page.locator('#problem-lists .problem-button').first().click();
  assert.ok((await page.locator('#editor [aria-invalid="true"]').count()) >= 2);
  await assertAxeClean(page, 'editor with problems shown');
  await shot(page, 'problems-1280');
  await page.locator('[data-view="publish"]').click();
  await assertAxeClean(page, 'publish panel with errors');

  await page.locator('[data-view="json"]').click();
  await assertAxeClean(page, 'JSON view');
  await page.locator('#json-text').fill('{"formatVersion": 2,');
  await page.locator('#json-status.bad').waitFor();
  await checked(page);
  await assertAxeClean(page, 'JSON view with a syntax error');
  await shot(page, 'json-1280');

  await page.locator('#discard').click();
  await assertAxeClean(page, 'discard dialog');
  await page.locator('#discard-dialog button[value="cancel"]').click();

  // The blank template: every field empty, well over a hundred problems.
  await page.locator('#discard').click();
  await page.locator('#discard-dialog button[value="discard"]').click();
  await page.locator('#start-blank').click();
  const { errors } = await checked(page);
  assert.ok(errors > 100, `${errors} errors in the blank template`);
  await reveal(page, 'factors[0].questions[0].prompt.en');
  await assertAxeClean(page, 'blank template');
  await shot(page, 'blank-1280');
});

test('at 360 px: editor and preview stack, nothing overflows in any view', async () => {
  const page = await openStudio({ width: 360, height: 780 });
  await page.locator('button[data-ui-lang="id"]').click();
  await assertNoOverflow(page, 'start screen');
  await shot(page, 'start-360');
  await startBuiltin(page);
  await reveal(page, 'factors[0].questions[0].options[0].advice.en');
  await assertNoOverflow(page, 'editor');
  const [editor, side] = await Promise.all([page.locator('.primary-col').boundingBox(), page.locator('.side-col').boundingBox()]);
  assert.ok(side.y >= editor.y + editor.height, 'the preview comes below the editor');
  assert.ok(Math.abs(side.x - editor.x) < 1 && Math.abs(side.width - editor.width) < 1, 'one column');
  await shot(page, 'editor-360');
  await page.locator('#preview-panel label.seg-radio', { hasText: 'Ponsel' }).click();
  await assertNoOverflow(page, 'phone preview');
  await page.locator('#preview-panel').scrollIntoViewIfNeeded();
  await shot(page, 'preview-360');
  await field(page, 'factors[0].questions[0].id').fill('x y');
  await checked(page);
  await assertNoOverflow(page, 'editor with problems');
  await assertAxeClean(page, 'editor with problems at 360 px');
  for (const view of ['json', 'publish']) {
    await page.locator(`[data-view="${view}"]`).click();
    await assertNoOverflow(page, view);
  }
  await shot(page, 'publish-360');
  await assertAxeClean(page, 'publish at 360 px');
});
