// Shared harness for the browser end-to-end tests (`node --test tests/e2e/`).
//
// Each test file calls `harness()` once: it serves dist/ with
// scripts/serve.mjs on a free loopback port and launches Debian's Chromium
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
/** Fixture pages and questionnaires, served under /test/. */
export const PAGES = path.join(ROOT, 'tests/e2e/pages');
/** URL prefix -> folder, served beside dist/ (scripts/serve.mjs --mount). */
export const MOUNTS = {
  '/test': PAGES,
  '/questionnaires': path.join(ROOT, 'tests/questionnaires'),
  // The widget built with the comparisons (make test builds it; see
  // wasm/Cargo.toml `compare`), which the shipped one leaves out for now.
  '/widget-compare': path.join(ROOT, 'target/widget-compare'),
};

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

/**
 * Starts scripts/serve.mjs on a free port, serving `dir` and the `mounts`
 * (the fixture pages under /test/); resolves once it answers. E2E_DIST
 * in the environment serves another build (a snapshot of dist/).
 */
export async function startServer({ dir = process.env.E2E_DIST || path.join(ROOT, 'dist'), mounts = MOUNTS } = {}) {
  const mountArgs = Object.entries(mounts).flatMap(([prefix, folder]) => ['--mount', `${prefix}=${folder}`]);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/serve.mjs'), '--port', '0', '--quiet', '--dir', dir, ...mountArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // serve.mjs prints "serving DIR at http://127.0.0.1:PORT/" once bound.
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000);
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
      reject(new Error(`serve.mjs exited with ${code}: ${out}`));
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
    for (const context of new Set(pages.map((page) => page.context()))) await context.close();
    for (const page of pages) {
      assert.deepEqual(page.pageErrors, [], `uncaught errors on ${page.openedPath}`);
      assert.deepEqual(page.externalRequests, [], `requests beyond loopback from ${page.openedPath}`);
    }
  });

  /**
   * Opens `urlPath` (relative to dist/) in a fresh context of the given
   * viewport. The page records `consoleErrors` (with failed responses),
   * `pageErrors` and
   * `externalRequests` for the test to inspect. `beforeGoto(page)` runs
   * before the navigation (init scripts, routes, listeners).
   */
  h.openPage = async (urlPath, { width = 1280, height = 800, beforeGoto, ...contextOptions } = {}) => {
    const context = await h.browser.newContext({ viewport: { width, height }, ...contextOptions });
    // Fail in seconds, not Playwright's 30: everything here is local.
    context.setDefaultTimeout(10_000);
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
    await beforeGoto?.(page);
    page.response = await page.goto(h.href(urlPath));
    return page;
  };

  /** The absolute URL of a path on the test server. */
  h.href = (urlPath) => new URL(urlPath.replace(/^\//, ''), h.url).href;

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

// ---------------------------------------------------------------------------
// Driving the widget. Playwright's CSS locators pierce open shadow roots,
// so `widget.locator('.rc')` finds the widget's root inside its shadow.

/** The built-in questionnaire as the widget fetches it, in `lang` (dist/widget/). */
export async function builtinQuestionnaire(lang) {
  const file = path.join(ROOT, 'core/questionnaires/social-media-strategy.json');
  // Each text ({"id": …, "en": …}: exactly those two strings) becomes its
  // string in `lang`, as the widget shows it.
  const isText = (v) => Object.keys(v).length === 2 && typeof v.id === 'string' && typeof v.en === 'string';
  const pick = (v) => {
    if (Array.isArray(v)) return v.map(pick);
    if (v === null || typeof v !== 'object') return v;
    if (isText(v)) return v[lang];
    return Object.fromEntries(Object.entries(v).map(([key, value]) => [key, pick(value)]));
  };
  return pick(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * The built-in questionnaire's file as written (every text in both
 * languages), parsed: for tests that serve a variant of it with `src`.
 */
export async function builtinQuestionnaireFile() {
  return JSON.parse(await readFile(path.join(ROOT, 'core/questionnaires/social-media-strategy.json'), 'utf8'));
}

/**
 * A share code's checksum, as core/src/share.rs computes it: FNV-1a of the
 * payload (`id@version:letters`), four base-36 digits. For tests that make
 * a genuine code for another edition.
 */
export function shareChecksum(payload) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(payload)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash % 36 ** 4).toString(36).padStart(4, '0');
}

/** The letter of an answer in a share code (core/src/share.rs); 0 to 4 are their digit. */
export const SHARE_LETTER = { 'dont-know': 'd', 'not-applicable': 'n' };

/** A genuine share code for `answers` (every question answered) to `questionnaire`, as the core writes it. */
export function shareCode(questionnaire, answers) {
  const letters = questionIds(questionnaire).map((id) => SHARE_LETTER[answers[id]] ?? answers[id]);
  const payload = `${questionnaire.id}@${questionnaire.version}:${letters.join('')}`;
  return `${payload}-${shareChecksum(payload)}`;
}

/** `text` for use inside a RegExp, matching itself only. */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every question id of a questionnaire, in the order asked. */
export function questionIds(questionnaire) {
  return questionnaire.factors.flatMap((factor) => factor.questions.map((question) => question.id));
}

/** A shared vector from tests/vectors/, parsed. */
/** The widget's words in `lang`, by name, from wasm/labels/<lang>.txt. */
export async function labels(lang) {
  const text = await readFile(path.join(ROOT, `wasm/labels/${lang}.txt`), 'utf8');
  const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

export async function loadVector(name) {
  return JSON.parse(await readFile(path.join(ROOT, 'tests/vectors', `${name}.json`), 'utf8'));
}

/** The widget's current view (`data-view` of its root), or null. */
export function viewOf(widget) {
  return widget.evaluate((element) => element.shadowRoot?.querySelector('.rc')?.dataset.view ?? null);
}

/** Waits until the widget shows `view` (intro, step, results, error). */
export async function waitForView(widget, view, { timeout = 5000 } = {}) {
  await widget.locator(`.rc[data-view="${view}"]`).waitFor({ state: 'attached', timeout });
}

/** Waits until the widget shows step `n` (1-based). */
export async function waitForStep(widget, n, { timeout = 5000 } = {}) {
  await widget.locator(`form.rc-step[data-step="${n}"]`).waitFor({ state: 'attached', timeout });
}

/** The current step's number (1-based), or null when not on a step. */
export function stepOf(widget) {
  return widget.evaluate((element) => {
    const form = element.shadowRoot?.querySelector('form.rc-step');
    return form ? Number(form.dataset.step) : null;
  });
}

/** The question ids on the current step, in order. */
export function questionsOnStep(widget) {
  return widget.evaluate((element) =>
    [...element.shadowRoot.querySelectorAll('fieldset.rc-question')].map((fieldset) => fieldset.dataset.question),
  );
}

/** Answer values as the radios carry them (0..4, dont-know, not-applicable). */
export const code = (answer) => String(answer);

/** The checked value per question on the current step (null when open). */
export function checkedOnStep(widget) {
  return widget.evaluate((element) =>
    Object.fromEntries(
      [...element.shadowRoot.querySelectorAll('fieldset.rc-question')].map((fieldset) => [
        fieldset.dataset.question,
        fieldset.querySelector('input[type=radio]:checked')?.value ?? null,
      ]),
    ),
  );
}

/** Clicks (with the mouse) the option for each question of the current step found in `answers`. */
export async function answerStepWithMouse(widget, answers) {
  for (const id of await questionsOnStep(widget)) {
    if (!(id in answers)) continue;
    // The option's label, as a visitor clicks it (works inside iframes too).
    await widget.locator(`fieldset[data-question="${id}"] label.rc-option:has(input[value="${code(answers[id])}"])`).click();
  }
}

/**
 * Answers the current step's questions found in `answers` quickly: one
 * round trip, `label.click()` in the page (the same click, input and change
 * events a visitor's click makes, without Playwright's pointer moves).
 * For tests about something other than the pointer.
 */
export async function answerStep(widget, answers) {
  const missing = await widget.evaluate((element, answers) => {
    const missing = [];
    for (const fieldset of element.shadowRoot.querySelectorAll('fieldset.rc-question')) {
      const id = fieldset.dataset.question;
      if (!(id in answers)) continue;
      const input = fieldset.querySelector(`input[type=radio][value="${answers[id]}"]`);
      if (!input) missing.push(`${id}=${answers[id]}`);
      else input.closest('label').click();
    }
    return missing;
  }, answers);
  if (missing.length) throw new Error(`no option for ${missing.join(', ')}`);
}

/**
 * From the intro (or a step), answers every step and goes on to the
 * results, with DOM clicks in the page (fast; see answerStep). `answers`
 * must cover every question.
 */
export async function finish(widget, answers) {
  if ((await viewOf(widget)) === 'intro') {
    await widget.locator('button[data-action=start]').evaluate((button) => button.click());
    await waitForStep(widget, 1);
  }
  for (;;) {
    const step = await stepOf(widget);
    if (step === null) break;
    await answerStep(widget, answers);
    await widget.locator('form.rc-step button[type=submit]').evaluate((button) => button.click());
    await widget
      .locator(`form.rc-step[data-step="${step + 1}"], .rc[data-view=results], .rc-error`)
      .first()
      .waitFor({ state: 'attached', timeout: 5000 });
    if (await widget.locator('.rc-error').count()) {
      const open = await widget.locator('.rc-error li').allTextContents();
      throw new Error(`step ${step}: no answers given for ${open.join(', ')}`);
    }
  }
  await waitForView(widget, 'results');
}

/** From the intro, starts the assessment and waits for its first step. */
export async function start(widget) {
  await waitForView(widget, 'intro');
  await widget.locator('button[data-action=start]').click();
  await waitForStep(widget, 1);
}

/** Clicks the step's submit button (Next, or See my results on the last step). */
export async function submitStep(widget) {
  await widget.locator('form.rc-step button[type=submit]').click();
}

/**
 * What has focus, looking through shadow roots: tag, text, attributes
 * that identify it, and whether it is inside the widget `selector`.
 */
export function focused(page, selector = 'readiness-check') {
  return page.evaluate((selector) => {
    let element = document.activeElement;
    let host = null;
    while (element?.shadowRoot?.activeElement) {
      host = element;
      element = element.shadowRoot.activeElement;
    }
    if (!element) return null;
    return {
      tag: element.tagName.toLowerCase(),
      text: element.textContent.trim().replace(/\s+/g, ' '),
      name: element.getAttribute('name'),
      value: element.getAttribute('value'),
      type: element.getAttribute('type'),
      action: element.dataset?.action ?? null,
      checked: element.checked ?? null,
      inWidget: host !== null && host.matches(selector),
    };
  }, selector);
}

/**
 * Records the widget events on `document` (they bubble and are composed):
 * returns a function that resolves to the list so far ({type, detail,
 * target}). Installed as an init script, so it sees events from the start.
 */
export async function recordEvents(page, types = ['readiness-ready', 'readiness-progress', 'readiness-complete']) {
  const install = (types) => {
    window.__rcEvents = [];
    for (const type of types) {
      document.addEventListener(type, (event) =>
        window.__rcEvents.push({
          type,
          detail: event.detail,
          target: event.target?.id || event.target?.tagName?.toLowerCase() || null,
          composed: event.composed,
          bubbles: event.bubbles,
        }),
      );
    }
  };
  await page.addInitScript(install, types);
  return () => page.evaluate(() => window.__rcEvents);
}

/** The text of the widget's notice, or '' when there is none. */
export function noticeText(widget) {
  return widget.evaluate((element) => element.shadowRoot.querySelector('.rc-notice')?.textContent.trim() ?? '');
}

/**
 * Presses `key` (Tab, Shift+Tab, ...) until what has focus satisfies
 * `predicate(focused)`; fails after `max` presses. Returns the focused info.
 */
export async function pressUntil(page, key, predicate, { max = 80, selector = 'readiness-check' } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const info = await focused(page, selector);
    if (info && predicate(info)) return info;
  }
  throw new Error(`no focus matching ${predicate} after ${max} × ${key}; focus is on ${JSON.stringify(await focused(page, selector))}`);
}

/** Deep-compares in a way that says which path differs first. */
export function firstDifference(actual, expected, where = '') {
  if (Object.is(actual, expected)) return null;
  if (typeof actual !== typeof expected || actual === null || expected === null || typeof actual !== 'object') {
    return `${where || '(root)'}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${where}: array vs object`;
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    const diff = firstDifference(actual[key], expected[key], Array.isArray(actual) ? `${where}[${key}]` : `${where}.${key}`);
    if (diff) return diff;
  }
  return null;
}

/** Waits for the widget's running CSS transitions (colours fade in 120 ms) to finish. */
export function settle(widget) {
  return widget.evaluate((element) =>
    Promise.all(element.shadowRoot.getAnimations().map((animation) => animation.finished.catch(() => {}))),
  );
}
