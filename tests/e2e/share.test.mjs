// The share link: finish, copy the link, open it in a fresh browser
// context (no saved answers): the same results with a "shared" notice. A
// tampered or truncated link shows the damage notice and the intro.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinQuestionnaire,
  escapeRegExp,
  finish,
  harness,
  loadVector,
  noticeText,
  questionIds,
  recordEvents,
  shareChecksum,
  waitForView,
} from './helpers.mjs';

const h = harness();

// The built-in questionnaire's edition (`id@version`), which every share
// code names, and its number of questions (a letter each).
const BUILTIN = await builtinQuestionnaire('en');
const EDITION = `${BUILTIN.id}@${BUILTIN.version}`;
const QUESTIONS = questionIds(BUILTIN).length;

const NOTICES = {
  en: {
    shared: 'These are shared results. Start again to take the assessment yourself.',
    damaged: 'The shared link is incomplete or was changed, so it was ignored.',
    otherVersion: 'The shared link is for another version of this assessment, so it was ignored.',
    copied: 'Link copied.',
  },
  id: {
    shared: 'Ini hasil yang dibagikan. Mulai lagi untuk mengisi penilaian sendiri.',
    damaged: 'Tautan berbagi tidak lengkap atau telah diubah, sehingga diabaikan.',
  },
};

/** What the results show, to compare two renderings of the same answers. */
function resultsOf(widget) {
  return widget.evaluate((element) => {
    const root = element.shadowRoot;
    return {
      number: root.querySelector('.rc-score-number').textContent,
      level: root.querySelector('.rc-overall').dataset.level,
      table: [...root.querySelectorAll('table.rc-table tbody tr')].map((row) => row.textContent),
      recommendations: [...root.querySelectorAll('.rc-recs li')].map((li) => li.textContent),
    };
  });
}

/** Finishes the English built-in with the mixed vector and returns the share link. */
async function finishAndShare(page) {
  const { answers } = await loadVector('builtin-mixed-en');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, answers);
  await widget.locator('button[data-action=share]').click();
  const input = widget.locator('.rc-share input');
  await input.waitFor();
  const link = await input.inputValue();
  made = { link, results: await resultsOf(widget) };
  return { widget, link };
}

// The first test's link and results, reused by the others (one run to the
// results is enough to get a genuine link).
let made;
async function genuine() {
  if (!made) await finishAndShare(await h.openPage('/test/widget.html?lang=en'));
  return made;
}

const codeOf = (link) => decodeURIComponent(link.slice(link.indexOf('#readiness=') + '#readiness='.length));

test('share link round trip: copy, open in a fresh context, same results with the shared notice', async () => {
  const page = await h.openPage('/test/widget.html?lang=en', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { widget, link } = await finishAndShare(page);
  const mine = await resultsOf(widget);

  const base = h.href('/test/widget.html?lang=en');
  assert.ok(link.startsWith(`${base}#readiness=`), `the link is this page with #readiness=: ${link}`);
  const code = codeOf(link);
  assert.match(code, new RegExp(`^${escapeRegExp(EDITION)}:[0-4dn_]{${QUESTIONS}}-[0-9a-z]{4}$`), 'a compact code');
  assert.equal(code.slice(-4), shareChecksum(code.slice(0, -5)), 'its checksum is the payload’s');
  assert.ok(link.length < 200, `the link is short (${link.length} characters)`);
  assert.equal(await widget.locator('.rc-share input').getAttribute('readonly'), '', 'the link field is read-only');
  await widget.locator('.rc-notice p').waitFor();
  assert.equal(await noticeText(widget), NOTICES.en.copied);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link was copied');

  let events;
  const shared = await h.openPage(link.slice(h.url.length - 1), {
    beforeGoto: async (p) => (events = await recordEvents(p)),
  });
  const other = shared.locator('readiness-check');
  await waitForView(other, 'results');
  assert.equal(await noticeText(other), NOTICES.en.shared);
  assert.deepEqual(await resultsOf(other), mine, 'the same results');
  assert.equal(
    await shared.evaluate(() => Object.keys(localStorage).length),
    0,
    'opening a link saves nothing in the visitor’s browser',
  );
  assert.equal((await events()).filter((e) => e.type === 'readiness-ready').length, 1, 'readiness-ready fired');

  // Starting again leaves the shared answers behind, also on reload.
  await other.locator('button[data-action=restart]').click();
  await waitForView(other, 'intro');
  assert.equal(new URL(shared.url()).hash, '', 'the fragment is gone');
  await shared.reload();
  await waitForView(other, 'intro');
  assert.equal(await noticeText(other), '');
});

test('the same share link opened on an Indonesian page: same score, Indonesian format', async () => {
  const { link, results: mine } = await genuine();
  const fragment = link.slice(link.indexOf('#'));
  const shared = await h.openPage(`/test/widget.html?lang=id${fragment}`);
  const other = shared.locator('readiness-check');
  await waitForView(other, 'results');
  assert.equal(await noticeText(other), NOTICES.id.shared);
  const theirs = await resultsOf(other);
  assert.equal(theirs.number, mine.number.replace('.', ','));
  assert.equal(theirs.level, mine.level);
});

for (const [what, damage] of [
  ['a changed answer', (code) => code.replace(/:(.)/, (_, c) => `:${c === '4' ? '3' : '4'}`)],
  ['a changed checksum', (code) => code.slice(0, -1) + (code.endsWith('z') ? 'y' : 'z')],
  ['a truncated link', (code) => code.slice(0, -6)],
  ['a link cut after the id', (code) => code.slice(0, code.indexOf(':') + 5)],
  ['garbage', () => '<script>alert(1)</script>'],
]) {
  test(`a share link with ${what} shows the damage notice and the intro`, async () => {
    const code = codeOf((await genuine()).link);
    const bad = damage(code);
    assert.notEqual(bad, code);
    const damaged = await h.openPage(`/test/widget.html?lang=en#readiness=${encodeURIComponent(bad)}`);
    const widget = damaged.locator('readiness-check');
    await waitForView(widget, 'intro');
    assert.equal(await noticeText(widget), NOTICES.en.damaged);
    assert.equal(await widget.locator('button[data-action=start]').count(), 1, 'the visitor can start');
    await widget.locator('button[data-action=start]').click();
    await widget.locator('form.rc-step[data-step="1"]').waitFor({ state: 'attached' });
  });
}

test('a share link for another version of the questionnaire says so', async () => {
  // A genuine code for another version (0.9.0): the checksum is recomputed (FNV-1a, base 36).
  const code = codeOf((await genuine()).link);
  assert.notEqual(BUILTIN.version, '0.9.0');
  const payload = code.slice(0, code.lastIndexOf('-')).replace(`${EDITION}:`, `${BUILTIN.id}@0.9.0:`);
  assert.ok(payload.startsWith(`${BUILTIN.id}@0.9.0:`), payload);
  const other = await h.openPage(`/test/widget.html?lang=en#readiness=${payload}-${shareChecksum(payload)}`);
  const widget = other.locator('readiness-check');
  await waitForView(widget, 'intro');
  assert.equal(await noticeText(widget), NOTICES.en.otherVersion);
});

// Reported, not fixed: a share link opens the page at its top; on a long
// page (the demo blog post) the results are ~1600 px further down and
// nothing brings them into view (widget.rs `load` -> `show_results(false)`
// renders without focus or scrolling).
test(
  'a share link on a long page brings the shared results into view',
  async () => {
    const { link } = await genuine();
    const fragment = link.slice(link.indexOf('#'));
    const page = await h.openPage(`/${fragment}`, { width: 1280, height: 800 });
    const widget = page.locator('readiness-check');
    await waitForView(widget, 'results');
    await page.waitForTimeout(200);
    const top = await widget.evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 800, `the results are in the viewport (top at ${Math.round(top)} px)`);
  },
);

test('a share link followed on a page already open (only the fragment changes) opens the results', async () => {
  const { link, results } = await genuine();
  const page = await h.openPage('/test/widget.html?lang=en&storage=none');
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await page.evaluate((code) => (location.hash = `readiness=${encodeURIComponent(code)}`), codeOf(link));
  await waitForView(widget, 'results');
  assert.deepEqual(await resultsOf(widget), results);
  assert.equal(await noticeText(widget), NOTICES.en.shared);
  // A damaged fragment leaves the results and says so.
  await page.evaluate((edition) => (location.hash = `readiness=${edition}:0-zzzz`), EDITION);
  await widget.locator('.rc-notice p').filter({ hasText: NOTICES.en.damaged }).waitFor({ timeout: 5000 });
});
