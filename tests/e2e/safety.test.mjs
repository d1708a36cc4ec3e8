// Questionnaire texts are text, never markup: a custom questionnaire
// (tests/e2e/pages/markup.json) whose title, intro, factor, question,
// option, help, level, cap and advice texts hold `<img src=x onerror=…>`,
// `<script>` and `"><b>` shows them literally, creates no such elements and
// runs nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finish, harness, waitForStep, waitForView } from './helpers.mjs';

const h = harness();

const IMG = '<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1">';
const SCRIPT = '<script>window.__pwned = (window.__pwned || 0) + 1</script>';
const B = '"><b>bold</b>';

/** Elements that would mean markup got through, and all the text. */
function inspect(widget) {
  return widget.evaluate((element) => {
    const root = element.shadowRoot;
    return {
      injected: [...root.querySelectorAll('img, script, b, iframe, object, embed')].map((node) => node.outerHTML),
      text: root.textContent,
      // Attributes built from texts (aria-label, value) must not hold parsed markup either.
      onerror: [...root.querySelectorAll('*')].filter((node) => node.hasAttribute('onerror')).length,
    };
  });
}

test('texts with markup and script are shown literally and nothing runs', async () => {
  const requests = [];
  const page = await h.openPage('/test/widget.html?lang=en&src=markup.json', {
    beforeGoto: (p) => p.on('request', (request) => requests.push(new URL(request.url()).pathname)),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');

  const intro = await inspect(widget);
  assert.deepEqual(intro.injected, [], 'no img/script/b elements in the intro');
  for (const text of [`Title ${IMG}`, `Intro ${SCRIPT}`, `Alpha ${B}`, `Factor ${SCRIPT}`]) {
    assert.ok(intro.text.includes(text), `the intro shows ${JSON.stringify(text)} as text`);
  }

  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
  const step = await inspect(widget);
  assert.deepEqual(step.injected, [], 'no img/script/b elements on the step');
  for (const text of [`Alpha ${B}`, `Question ${IMG}`, `Help ${IMG}`, `Option ${B}`, `Option ${SCRIPT}`]) {
    assert.ok(step.text.includes(text), `the step shows ${JSON.stringify(text)} as text`);
  }
  // The error summary lists question titles: text there too.
  await widget.locator('form.rc-step button[type=submit]').click();
  await widget.locator('.rc-error').waitFor({ state: 'attached' });
  const error = await inspect(widget);
  assert.deepEqual(error.injected, []);
  assert.ok(error.text.includes(`Title ${B}`), 'the error summary shows the title as text');

  // a-one at 0 brings its "start" advice (with markup) into the results;
  // b-sponsor at 0 applies the sponsor cap (its reason has markup).
  await finish(widget, { 'a-one': 0, 'a-two': 4, 'a-three': 4, 'b-one': 4, 'b-sponsor': 0 });
  if (await widget.locator('details summary').count()) await widget.locator('details summary').click();
  const results = await inspect(widget);
  assert.deepEqual(results.injected, [], 'no img/script/b elements in the results');
  for (const text of [`Level 1 ${B}`, `Description 1 ${SCRIPT}`, `Sponsor ${IMG}`, `Start ${IMG}`]) {
    assert.ok(results.text.includes(text), `the results show ${JSON.stringify(text)} as text`);
  }
  // The chart's accessible name carries factor names: as an attribute value.
  const radar = await widget.locator('svg.rc-radar').getAttribute('aria-label');
  assert.ok(radar.includes(`Alpha ${B}`), `the radar's label holds the literal name: ${radar}`);

  // Give any onerror time to fire, then check that nothing ran or loaded.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected handler or script ran');
  assert.equal(results.onerror, 0);
  assert.ok(!requests.some((path) => path.endsWith('/x')), `no request for the injected img: ${requests.join(', ')}`);
});

test('the injection test means something: the same payload as markup would run', async () => {
  // Guards against a payload that could never fire (which would make the
  // test above pass for the wrong reason).
  const page = await h.openPage('/test/widget.html?lang=en');
  await page.evaluate((img) => {
    const div = document.createElement('div');
    div.innerHTML = img;
    document.body.append(div);
  }, IMG);
  await page.waitForFunction(() => window.__pwned === 1);
  page.consoleErrors.length = 0; // the img's 404
});

test('the widget requests only its own files and its src, and sets no cookies', async () => {
  const requests = [];
  const page = await h.openPage('/test/widget.html?lang=en&src=/questionnaires/tiny.json', {
    beforeGoto: (p) => p.on('request', (request) => requests.push(new URL(request.url()).pathname)),
  });
  const widget = page.locator('readiness-check');
  await waitForView(widget, 'intro');
  await finish(widget, { 'a-one': 1, 'a-two': 2, 'a-three': 3, 'b-one': 4, 'b-sponsor': 'dont-know' });
  await widget.locator('button[data-action=share]').click();
  await widget.locator('.rc-share input').waitFor();
  const page_ = new Set(['/test/widget.html', '/test/fixture.css', '/test/fixture.js', '/favicon.svg']);
  const widgetFiles = [...new Set(requests.filter((path) => !page_.has(path)))].sort();
  // Its own files (whatever they are) and the src; not even the built-in questionnaire.
  const foreign = widgetFiles.filter((path) => path !== '/questionnaires/tiny.json' && !path.startsWith('/widget/'));
  assert.deepEqual(foreign, [], `only the widget's files and src: ${widgetFiles.join(', ')}`);
  assert.ok(widgetFiles.includes('/questionnaires/tiny.json'));
  assert.ok(!widgetFiles.some((path) => path.includes('social-media-strategy')), 'the built-in questionnaire is not fetched');
  assert.ok(widgetFiles.some((path) => path.endsWith('.wasm')));
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(await page.context().cookies(), []);
});
