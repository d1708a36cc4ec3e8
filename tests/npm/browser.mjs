// Loads the Vite build of the test page in Debian's Chromium and checks,
// for the answers of one vector, that
//   - index.html (the API, bundled by Vite) renders the expected score;
//   - its share link (made by `encodeShare`) opens widget.html, where the
//     widget folder of the package, served as is, shows the same score;
//   - plain.html, which imports the package folder without a bundler, too.
// Prints "N passed, M failed"; exits non-zero on any failure.
//
//   node browser.mjs <dist dir> <vector file>   (its answers are the page's answers.json)
//
// The build is served from this process on a free loopback port, so no
// server is left behind and no port is guessed.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [dist, vectorFile] = process.argv.slice(2);
const vector = JSON.parse(await readFile(vectorFile, 'utf8'));
const expected = vector.expect.report;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer(async (request, response) => {
  const name = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  const file = path.join(dist, path.normalize(name.endsWith('/') ? `${name}index.html` : name));
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// The machine's flags: without the background-networking ones Chromium
// keeps dialling out on a closed network.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
async function check(name, body) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) problems.push(`request off the page's origin: ${url}`);
  });
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  try {
    await body(page);
    assert.deepEqual(problems, []);
    passed++;
    console.log(`ok: ${name}`);
  } catch (error) {
    failed++;
    console.error(`FAIL ${name}: ${error.message}\n${problems.join('\n')}`);
  } finally {
    await page.close();
  }
}

await check('the Vite page renders the score of the answers', async (page) => {
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('#score').textContent !== '…' || document.body.dataset.error, null, { timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.body.dataset.error), undefined);
  assert.equal(Number(await page.textContent('#score')), expected.overall.score);
  assert.equal(await page.textContent('#level'), expected.overall.level.name);
});

await check('the widget from the package opens the share link on the same score', async (page) => {
  // The API and the widget must agree on the share format as well as on
  // the score.
  await page.goto(`${origin}/index.html`);
  await page.click('#share');
  await page.waitForFunction(() => document.body.dataset.ready === 'yes', null, { timeout: 10_000 });
  // Playwright's locators pierce the open shadow root.
  const shown = await page.locator('readiness-check .rc-overall .rc-score-number').textContent({ timeout: 5000 });
  assert.equal(Number(shown), expected.overall.score, `the widget shows ${shown}`);
});

await check('a page without a bundler imports the package and renders the score', async (page) => {
  await page.goto(`${origin}/plain.html`);
  await page.waitForFunction(() => document.querySelector('#score').textContent !== '…', null, { timeout: 10_000 });
  assert.equal(Number(await page.textContent('#score')), expected.overall.score);
});

await browser.close();
server.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
