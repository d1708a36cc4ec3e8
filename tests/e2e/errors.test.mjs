// Marketer errors: an invalid `src` questionnaire shows the core's problems
// (path, message, hint) inside the widget and logs them to the console; a
// network failure shows a retry action that works. The host page keeps
// working in every case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { harness, ROOT, start, waitForStep, waitForView } from './helpers.mjs';

const h = harness();
const TINY = await readFile(path.join(ROOT, 'tests/questionnaires/tiny.json'), 'utf8');

// What `readiness validate tests/e2e/pages/invalid.json` reports.
const PROBLEMS = [
  ['factors[0].questions[1].titel', 'unknown field `titel`', 'did you mean `title`?'],
  ['factors[0].questions[1].title', 'missing field `title`', 'add `"title": …` here'],
  ['factors[1].questions[0].id', 'duplicate question id `a-one`', 'give each question its own id'],
];

function problemsShown(widget) {
  return widget.evaluate((element) =>
    [...element.shadowRoot.querySelectorAll('section.rc-invalid ul.rc-problems > li')].map((li) => ({
      path: li.querySelector('code')?.textContent,
      hint: li.querySelector('.rc-hint')?.textContent ?? '',
      text: li.textContent,
    })),
  );
}

/** Adds a second, plain widget to the page and waits for its intro: the page still works. */
async function assertPageWorks(page) {
  await page.evaluate(() => {
    const other = document.createElement('readiness-check');
    other.id = 'healthy';
    other.setAttribute('lang', 'en');
    document.body.append(other);
  });
  const healthy = page.locator('#healthy');
  await start(healthy);
}

test('an invalid questionnaire: the panel lists the problems with paths and hints, the console has them', async () => {
  const page = await h.openPage('/test/widget.html?lang=en&src=invalid.json');
  const widget = page.locator('#w1');
  await waitForView(widget, 'error');
  const heading = widget.locator('section.rc-invalid h2');
  assert.equal(await heading.textContent(), 'This questionnaire cannot be used. Problems found:');
  const shown = await problemsShown(widget);
  assert.deepEqual(
    shown.map(({ path, hint }) => [path, hint]),
    PROBLEMS.map(([path, , hint]) => [path, hint]),
  );
  for (const [i, [, message]] of PROBLEMS.entries()) {
    assert.ok(shown[i].text.includes(message), `problem ${i + 1} says "${message}": ${shown[i].text}`);
  }
  for (const [path, message] of PROBLEMS) {
    assert.ok(
      page.consoleErrors.some((line) => line.includes(path) && line.includes(message)),
      `console.error named ${path}: ${page.consoleErrors.join(' | ')}`,
    );
  }
  await assertPageWorks(page);
  // Fixing the src live brings the widget back.
  await widget.evaluate((element) => element.setAttribute('src', '/questionnaires/tiny.json'));
  await waitForView(widget, 'intro');
  assert.equal(await widget.locator('.rc-intro h2').textContent(), 'Tiny');
});

test('a questionnaire that is not even JSON: the panel says where', async () => {
  const page = await h.openPage('/test/widget.html?lang=en&src=broken.json', {
    beforeGoto: (p) =>
      p.route('**/test/broken.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: TINY.slice(0, 500) }),
      ),
  });
  const widget = page.locator('#w1');
  await waitForView(widget, 'error');
  const shown = await problemsShown(widget);
  assert.equal(shown.length, 1);
  assert.match(shown[0].text, /line \d+|column \d+|end of/i, `a position in the problem: ${shown[0].text}`);
  assert.ok(page.consoleErrors.length >= 1, 'logged');
  await assertPageWorks(page);
});

test('network failure: a 404 src shows the failure panel; retry refetches; a new src recovers', async () => {
  let requests = 0;
  const page = await h.openPage('/test/widget.html?lang=en&src=missing.json', {
    beforeGoto: (p) =>
      p.on('request', (request) => {
        if (request.url().endsWith('/test/missing.json')) requests++;
      }),
  });
  const widget = page.locator('#w1');
  await waitForView(widget, 'error');
  const failure = widget.locator('section.rc-failure');
  assert.equal(await failure.locator('h2').textContent(), 'The questionnaire could not be loaded.');
  assert.ok(page.consoleErrors.some((line) => line.includes('missing.json') && line.includes('404')), 'the URL and status are logged');
  assert.equal(requests, 1);
  // Still missing: the panel comes back after a second request.
  const again = page.waitForResponse((response) => response.url().endsWith('/test/missing.json'));
  await failure.locator('button[data-action=retry]').click();
  assert.equal((await again).status(), 404);
  await waitForView(widget, 'error');
  assert.equal(requests, 2, 'retry fetched again');
  assert.equal(await widget.locator('section.rc-failure').count(), 1);
  await assertPageWorks(page);
  await widget.evaluate((element) => element.setAttribute('src', '/questionnaires/tiny.json'));
  await waitForView(widget, 'intro');
});

test('network failure once (connection refused), then retry works', async () => {
  let calls = 0;
  const page = await h.openPage('/test/widget.html?lang=id&src=flaky.json', {
    beforeGoto: (p) =>
      p.route('**/test/flaky.json', (route) => {
        calls++;
        if (calls === 1) return route.abort('connectionrefused');
        return route.fulfill({ status: 200, contentType: 'application/json', body: TINY });
      }),
  });
  const widget = page.locator('#w1');
  await waitForView(widget, 'error');
  const retry = widget.locator('section.rc-failure button[data-action=retry]');
  assert.equal(await retry.textContent(), 'Coba lagi');
  await retry.focus();
  await page.keyboard.press('Enter');
  await waitForView(widget, 'intro');
  assert.equal(calls, 2);
  assert.equal(await widget.locator('.rc-intro h2').textContent(), 'Tiny (id)');
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
});

test('a server error (500) is a network failure too, and retry recovers', async () => {
  let calls = 0;
  const page = await h.openPage('/test/widget.html?lang=en&src=flaky.json', {
    beforeGoto: (p) =>
      p.route('**/test/flaky.json', (route) => {
        calls++;
        if (calls === 1) return route.fulfill({ status: 500, body: 'oops' });
        return route.fulfill({ status: 200, contentType: 'application/json', body: TINY });
      }),
  });
  const widget = page.locator('#w1');
  await waitForView(widget, 'error');
  await widget.locator('section.rc-failure button[data-action=retry]').click();
  await waitForView(widget, 'intro');
});
