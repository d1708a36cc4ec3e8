// Shared harness for the browser end-to-end tests (`node --test tests/e2e/`).
//
// Each test file calls `harness()` once: it serves dist/ with
// scripts/serve.py on a free loopback port and launches Debian's Chromium
// through playwright-core (never a downloaded browser: that fails here).
// Every page a test opens is checked after the test: any uncaught page
// error, or any request that leaves loopback, fails the test.

import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');

// The flags the machine's probe uses: without the background-networking
// ones, Chromium keeps dialling Google on a closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// WCAG 2.2 A and AA. axe leaves target-size (2.5.8) off under these tags
// in some versions, so it is switched on by name.
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Starts scripts/serve.py on a free port; resolves once it answers. */
export async function startServer({ dir = path.join(ROOT, 'dist') } = {}) {
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '--port', '0', '--quiet', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // serve.py prints "serving DIR at http://127.0.0.1:PORT/" once bound.
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve.py did not start within 10 s')), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.py exited with ${code}: ${out}`));
    });
  });
  // Bound is not yet serving: wait for a real answer.
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** Debian's Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Registers the server and browser for the calling test file and returns
 * `{ url, openPage }`. Pages are closed, and checked, after each test.
 */
export function harness() {
  const h = { url: null, browser: null, server: null, open: [] };

  before(async () => {
    h.server = await startServer();
    h.url = h.server.url;
    h.browser = await launchBrowser();
  });

  after(async () => {
    await h.browser?.close();
    await h.server?.stop();
  });

  afterEach(async () => {
    const pages = h.open.splice(0);
    for (const page of pages) await page.context().close();
    for (const page of pages) {
      assert.deepEqual(page.pageErrors, [], `uncaught errors on ${page.openedPath}`);
      assert.deepEqual(page.externalRequests, [], `requests beyond loopback from ${page.openedPath}`);
    }
  });

  /**
   * Opens `urlPath` (relative to dist/) in a fresh context of the given
   * viewport. The page records `consoleErrors` (with failed responses),
   * `pageErrors` and
   * `externalRequests` for the test to inspect.
   */
  h.openPage = async (urlPath, { width = 1280, height = 800, ...contextOptions } = {}) => {
    const context = await h.browser.newContext({ viewport: { width, height }, ...contextOptions });
    const page = await context.newPage();
    page.openedPath = urlPath;
    page.consoleErrors = [];
    page.pageErrors = [];
    page.externalRequests = [];
    page.on('console', (message) => {
      if (message.type() === 'error') page.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => page.pageErrors.push(String(error.stack || error)));
    // The console says only "404"; this says which file.
    page.on('response', (response) => {
      if (response.status() >= 400) page.consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(h.url) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        page.externalRequests.push(url);
      }
    });
    h.open.push(page);
    page.response = await page.goto(new URL(urlPath.replace(/^\//, ''), h.url).href);
    return page;
  };

  return h;
}

let axeSource;

/**
 * Runs axe-core on the page (open shadow roots included, as axe does by
 * default) and returns its violations. Injected through the DevTools
 * protocol, so it also works on pages with a strict CSP.
 */
export async function runAxe(page, { tags = WCAG22_AA, include } = {}) {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(
    ([tags, include]) =>
      window.axe.run(include ? { include } : document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      }),
    [tags, include],
  );
  return violations;
}

/** A readable assertion message for axe violations: rule, impact, targets. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`)
    .join('\n');
}

/** Saves a full-page screenshot to tests/e2e/artifacts/NAME.png. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
