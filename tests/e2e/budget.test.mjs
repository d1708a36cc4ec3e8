// What a visitor downloads for the widget, measured in a real browser run:
// every response the page receives from /widget/, from load to results,
// gzip -9 as a server would send it. The budgets (docs/size.md):
// - a visitor of the built-in questionnaire, one language: 35,840 B;
// - a visitor of a marketer's `src` file: 57,344 B (56 KB), the file itself aside.
// Each run's figures go to target/size-budget.json for the size report.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { finish, harness, loadVector, waitForView } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// KB of 1,024 bytes: 35 KB and 56 KB.
export const BUDGETS = { builtin: 35 * 1024, src: 56 * 1024 };

const h = harness();
const measured = {};

/** Records every response body the page receives under `prefix`. */
function recordResponses(page, prefix) {
  const files = new Map();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith(prefix) || response.status() !== 200) return;
    const body = await response.body().catch(() => null);
    if (body) files.set(url.pathname, gzipSync(body, { level: 9 }).length);
  });
  return files;
}

/** Answers every question, reaches the results, and returns the bytes. */
async function visit(urlPath, answersFrom) {
  let files;
  // Listening before the page loads: the loader itself counts too.
  const page = await h.openPage(urlPath, {
    beforeGoto: (page) => {
      files = recordResponses(page, '/widget/');
    },
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  const { answers } = await loadVector(answersFrom);
  await finish(widget, answers);
  await waitForView(widget, 'results');
  // Responses are recorded asynchronously: let the last bodies arrive.
  await page.waitForLoadState('networkidle');
  const total = [...files.values()].reduce((sum, n) => sum + n, 0);
  return { total, files: Object.fromEntries([...files].sort()) };
}

for (const lang of ['id', 'en']) {
  test(`a visitor of the built-in questionnaire in ${lang} downloads at most ${BUDGETS.builtin} B`, async () => {
    const result = await visit(`/test/widget.html?lang=${lang}&storage=none`, `builtin-mixed-${lang}`);
    measured[`builtin-${lang}`] = result;
    assert.ok(
      !Object.keys(result.files).some((file) => file.includes('validate')),
      'the built-in questionnaire needs no validator',
    );
    assert.ok(
      !Object.keys(result.files).some((file) => file.endsWith(lang === 'id' ? '.en.txt' : '.id.txt')),
      'nor the other language',
    );
    assert.ok(result.total <= BUDGETS.builtin, `${result.total} B: ${JSON.stringify(result.files)}`);
  });
}

test(`a visitor of a marketer's src questionnaire downloads at most ${BUDGETS.src} B besides the file`, async () => {
  const result = await visit('/test/widget.html?lang=en&storage=none&src=/questionnaires/tiny.json', 'tiny-mixed');
  measured.src = result;
  assert.ok(Object.keys(result.files).some((file) => file.includes('validate')), 'the validator is loaded');
  assert.ok(result.total <= BUDGETS.src, `${result.total} B: ${JSON.stringify(result.files)}`);
});

after(async () => {
  await mkdir(path.join(ROOT, 'target'), { recursive: true });
  const report = { budgets: BUDGETS, measured };
  await writeFile(path.join(ROOT, 'target/size-budget.json'), `${JSON.stringify(report, null, 2)}\n`);
});
