#!/usr/bin/env node
// Widget start-up benchmark (not a test): loads the demo page and a SurveyJS
// page of the same questionnaire (bench/surveyjs/) in Debian's Chromium,
// alternating (widget, SurveyJS, widget, ...), N times each (15 by default),
// each load in a fresh browser context (empty cache, no storage), from one
// loopback server (scripts/serve.mjs serving dist/, with the SurveyJS page,
// its libraries from bench/surveyjs/node_modules and the questionnaire's
// source mounted beside it). It reports the medians of
//
//   widget
//   ready         navigation start -> `readiness-ready` (the widget's first
//                 screen, the intro, is in the DOM)
//   first render  navigation start -> the first radio input in the widget's
//                 shadow root; the benchmark clicks Start in the page the
//                 moment the widget is ready, so this is load + intro +
//                 one click's render
//   SurveyJS
//   question      navigation start -> the first radio input in the survey's
//                 DOM (its first question, with its options, is in the DOM)
//   both
//   DCL           DOMContentLoaded
//   JS heap       used JS heap after the last mark (CDP Runtime.getHeapUsage;
//                 the wasm linear memory is not in it)
//   bytes         received from the page's server, headers and bodies, as
//                 they came over the wire (CDP Network.loadingFinished
//                 encodedDataLength), every response until the network is idle
//
// and the ratio the tracker's target is about: the widget's first screen
// over SurveyJS's first question (medians; target at most 0.2). Marks are
// DOM marks, taken before the frame is painted, on both sides alike: from
// www/site/first-render.js (window.__widgetReady, window.__firstRender) and
// bench/surveyjs/survey-page.js (window.__firstQuestion).
//
//   make bench-widget                     (installs bench/surveyjs first)
//   node scripts/bench-widget.mjs [--runs 15] [--path /[,/other.html]] [--width 1280]
//     [--latency MS] [--kbps N] [--gzip] [--floor] [--no-surveyjs]
//     [--trace FILE]
//
// --path takes one page of dist/ or several, comma-separated (variants of
// the page to compare, e.g. with and without preload hints): each joins the
// rotation and gets its own columns and ratio.
//
// Before the runs, each page is loaded once, not counted (the server's
// first read of each file, for both alike).
//
// --latency and --kbps emulate a slower network (CDP): each request waits
// MS milliseconds, and downloads share N kilobits per second. On loopback
// every round trip is free; with --latency 150 --kbps 1600 (a fair mobile
// link) the number of round trips before the first screen shows, and so
// do the bytes.
//
// scripts/serve.mjs sends every file as it is, uncompressed, which weighs
// on SurveyJS (2.1 MB) far more than on the widget. --gzip puts a proxy in
// front of it that sends text, JavaScript, CSS, JSON and WebAssembly gzip -9
// compressed (computed once per file), as a production host or CDN would:
// the fair comparison on a slow link.
//
// --floor adds a third page to the rotation, bench/surveyjs/floor.html: an
// empty page that adds one radio input, what the browser itself costs
// (a new renderer, the document, a frame). No first screen comes sooner.
//
// --trace FILE records one more load of the (first) widget page, not
// counted, up to its first screen painted (Start is not clicked), as a
// Chromium trace (CDP Tracing; open it in the DevTools Performance panel or
// https://ui.perfetto.dev), and prints where its time went: each request
// (start, first byte, end, bytes, what started it), the main thread's work
// (parse, layout, paint, module evaluation, the WebAssembly module's
// streaming compile and lazy compiles), each message to the module
// (`show`: the loading view; `load`: the pack's decode; `restored`: saved
// progress read, the intro drawn), and the paint of the first screen. For
// that load only, an init script wraps WebAssembly.instantiate* and the
// element's `call` with performance.measure (named `wasm:…` and `rc:…`).
//
// The marks are polled through CDP (Runtime.evaluate of one expression),
// not with page.waitForFunction, which injects Playwright's script into
// the page in the middle of the measured time.

import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, launchBrowser, startServer } from '../tests/e2e/helpers.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    path: { type: 'string', default: '/' },
    'surveyjs-path': { type: 'string', default: '/surveyjs/' },
    'no-surveyjs': { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false },
    width: { type: 'string', default: '1280' },
    latency: { type: 'string', default: '0' },
    kbps: { type: 'string', default: '0' },
    trace: { type: 'string' },
  },
});
const latency = Number(args.latency);
const kbps = Number(args.kbps);
const runs = Number(args.runs);
const width = Number(args.width);
const withSurveyJs = !args['no-surveyjs'];
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
// A page that never reaches its mark fails the run; a slow link needs time
// for SurveyJS's libraries (about 2 MB uncompressed).
const TIMEOUT = 120_000;

const SURVEYJS = path.join(ROOT, 'bench/surveyjs');
// The timing marks, injected into the widget's page (not part of it).
const FIRST_RENDER = path.join(ROOT, 'scripts/first-render.js');
// What serve.mjs serves beside dist/ (folders that exist: serve.mjs refuses
// a missing one).
const MOUNTS = Object.fromEntries(
  Object.entries({
    '/surveyjs': SURVEYJS,
    '/survey-core': path.join(SURVEYJS, 'node_modules/survey-core'),
    '/survey-js-ui': path.join(SURVEYJS, 'node_modules/survey-js-ui'),
    '/questionnaire-source': path.join(ROOT, 'core/questionnaires'),
  }).filter(([, folder]) => existsSync(folder)),
);
if (withSurveyJs && !MOUNTS['/survey-js-ui']) {
  console.error('bench-widget: SurveyJS is not installed: run `npm ci --prefix bench/surveyjs` (or `make bench-widget`),');
  console.error('or pass --no-surveyjs to time the widget alone.');
  process.exit(2);
}

// Clicks Start in the page as soon as the widget says it is ready: no
// round trip to this process in the measured time.
function clickStartWhenReady() {
  document.addEventListener('readiness-ready', (event) => {
    // After the other listeners (scripts/first-render.js records the ready mark).
    queueMicrotask(() => event.target.shadowRoot?.querySelector('button[data-action=start]')?.click());
  });
}

// For the traced load only: names the loader's steps in the trace and in
// performance.getEntriesByType('measure'), without touching its code.
function instrument() {
  const measure = (name, start) => performance.measure(name, { start, end: performance.now() });
  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async function (...params) {
      const start = performance.now();
      const result = await original.apply(this, params);
      measure(`wasm:${name}`, start);
      return result;
    };
  }
  const define = customElements.define;
  customElements.define = function (tag, element, options) {
    if (tag === 'readiness-check' && typeof element.prototype.call === 'function') {
      const call = element.prototype.call;
      element.prototype.call = function (...message) {
        const start = performance.now();
        try {
          return call.apply(this, message);
        } finally {
          measure(`rc:${message[0]}`, start);
        }
      };
    }
    return define.call(this, tag, element, options);
  };
  document.addEventListener('readiness-ready', () => {
    // The frame that shows the first screen: the next animation frame's
    // callback runs before its paint, the task after it after the paint.
    requestAnimationFrame(() => setTimeout(() => performance.mark('rc:painted')));
  });
}

/**
 * A loopback proxy in front of `upstream` that answers with gzip -9 bodies
 * where the browser accepts them and the type compresses, as a production
 * host would; other headers as the upstream sends them. Each path is
 * fetched and compressed once.
 */
async function gzipProxy(upstream) {
  const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm)|image\/svg\+xml)/;
  const cache = new Map();
  const fetchOnce = async (url) => {
    const response = await fetch(new URL(url, upstream));
    const body = Buffer.from(await response.arrayBuffer());
    const headers = {};
    for (const [name, value] of response.headers) {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'date', 'server', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
    }
    const gzip = COMPRESSIBLE.test(headers['content-type'] ?? '') && body.length ? gzipSync(body, { level: 9 }) : null;
    const entry = { status: response.status, headers, body, gzip };
    if (response.status === 200) cache.set(url, entry);
    return entry;
  };
  const proxy = http.createServer(async (request, response) => {
    try {
      const entry = cache.get(request.url) ?? (await fetchOnce(request.url));
      const compressed = entry.gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      const body = compressed ? entry.gzip : entry.body;
      response.writeHead(entry.status, {
        ...entry.headers,
        ...(compressed ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}),
        'content-length': body.length,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${proxy.address().port}/`,
    stop: () => new Promise((resolve) => proxy.close(resolve)),
  };
}

/**
 * Polls `expression` in the page through CDP until it is true. Not
 * page.waitForFunction: that injects Playwright's script (330 KB) into the
 * page, about 30 ms of main-thread work in the middle of the measured time.
 */
async function waitFor(cdp, expression, timeout) {
  for (const until = Date.now() + timeout; ; ) {
    // Between commit and the new document's context, evaluation may fail.
    const answer = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null);
    if (answer?.result?.value === true) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const files = await startServer({ mounts: MOUNTS });
const proxy = args.gzip ? await gzipProxy(files.url) : null;
const server = proxy ?? files;
const origin = new URL(server.url).origin;
const browser = await launchBrowser();
// The pages of one round, in the order they load: the widget's page (or
// several variants of it, `--path /,/other.html`), SurveyJS, the floor.
const widgetPaths = args.path.split(',').filter(Boolean);
const pages = [
  ...widgetPaths.map((urlPath) => ({ kind: 'widget', title: widgetPaths.length > 1 ? `widget ${urlPath}` : 'widget', path: urlPath, mark: '__firstRender' })),
  ...(withSurveyJs ? [{ kind: 'surveyjs', title: 'SurveyJS', path: args['surveyjs-path'], mark: '__firstQuestion' }] : []),
  ...(args.floor ? [{ kind: 'floor', title: 'floor', path: '/surveyjs/floor.html', mark: '__firstQuestion' }] : []),
];
for (const page of pages) page.rows = [];

/**
 * Loads one page in a fresh context and returns its marks, heap and bytes.
 * `trace`: also record a Chromium trace, returned as `traceEvents`.
 */
async function load({ kind, path: urlPath, mark }, { trace = false } = {}) {
  // The traced load stops at the first screen, painted: no Start click.
  if (trace) mark = '__widgetReady';
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Warnings (a preload hint that matched no request, ...): reported once.
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.add(`${urlPath}: ${message.text().replace(origin, '')}`);
  });
  if (kind === 'widget') await page.addInitScript({ path: FIRST_RENDER });
  if (kind === 'widget' && !trace) await page.addInitScript(clickStartWhenReady);
  if (trace) await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  // Every response's size on the wire, and whether any is still under way.
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request, initiator, type }) => {
    if (!requests.has(requestId)) requests.set(requestId, { url: request.url, type, initiator: initiator?.type, done: false, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const request = requests.get(requestId);
    if (request) Object.assign(request, { done: true, bytes: encodedDataLength });
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
    const request = requests.get(requestId);
    if (request) Object.assign(request, { done: true, failed: errorText });
  });
  await cdp.send('Network.enable');
  if (latency > 0 || kbps > 0) {
    const bytesPerSecond = kbps > 0 ? (kbps * 1000) / 8 : -1;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  let traceEvents;
  if (trace) {
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'blink.user_timing',
          'loading',
          'navigation',
          'netlog',
          'v8',
          'v8.execute',
          'v8.wasm',
          'disabled-by-default-v8.wasm.detailed',
          'disabled-by-default-v8.compile',
          'devtools.timeline.async',
          'blink.resource',
          'toplevel',
        ],
      },
    });
  }
  await page.goto(new URL(urlPath.replace(/^\//, ''), server.url).href, { waitUntil: 'commit', timeout: TIMEOUT });
  await waitFor(cdp, `window.${mark} !== undefined || window.__surveyError !== undefined`, TIMEOUT).catch((error) => {
    throw new Error(`${urlPath}: ${error.message}`);
  });
  // Sizes count once the page has fetched everything it asked for.
  for (const until = Date.now() + 15_000; Date.now() < until; ) {
    if ([...requests.values()].every((request) => request.done)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (trace) await waitFor(cdp, "performance.getEntriesByName('rc:painted').length > 0", 5000).catch(() => {});
  const marks = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]));
    return {
      ready: window.__widgetReady,
      firstRender: window.__firstRender,
      question: window.__firstQuestion,
      surveyError: window.__surveyError,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      firstContentfulPaint: paint['first-contentful-paint'],
      resources: [navigation, ...performance.getEntriesByType('resource')].map((entry) => ({
        name: entry.name,
        initiatorType: entry.initiatorType ?? 'navigation',
        startTime: entry.startTime,
        responseStart: entry.responseStart,
        responseEnd: entry.responseEnd,
        transferSize: entry.transferSize,
      })),
      measures: performance.getEntriesByType('measure').map(({ name, startTime, duration }) => ({ name, startTime, duration })),
      painted: performance.getEntriesByName('rc:painted')[0]?.startTime,
    };
  });
  const heap = await cdp.send('Runtime.getHeapUsage');
  if (trace) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text);
    traceEvents = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  }
  await context.close();
  if (marks.surveyError) errors.push(marks.surveyError);
  const external = [...requests.values()].filter((request) => !request.url.startsWith(origin) && !request.url.startsWith('data:'));
  if (external.length) errors.push(`requests beyond the page's server: ${external.map((request) => request.url).join(', ')}`);
  if (errors.length) throw new Error(`${kind}: page errors: ${errors.join('; ')}`);
  const own = [...requests.values()].filter((request) => request.url.startsWith(origin));
  return {
    ...marks,
    heapUsed: heap.usedSize,
    bytes: own.reduce((sum, request) => sum + request.bytes, 0),
    responses: own.length,
    requests: own,
    traceEvents,
  };
}

const warnings = new Set();
let traced;
try {
  for (const page of pages) await load(page);
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      const row = await load(page);
      if (page.kind === 'widget' && row.ready === undefined) throw new Error(`run ${run}: no window.__widgetReady on ${page.path}`);
      page.rows.push({ run, ...row });
    }
  }
  if (args.trace) traced = await load(pages[0], { trace: true });
} finally {
  await browser.close();
  await proxy?.stop();
  await files.stop();
}

// ---- report -------------------------------------------------------------

const ms = (value) => (value === undefined ? '-' : value.toFixed(1)).padStart(8);
const mb = (value) => (value === undefined ? '-' : (value / 1e6).toFixed(2)).padStart(7);
const kb = (value) => (value === undefined ? '-' : (value / 1000).toFixed(1)).padStart(8);
const line = (label, cells) => console.log([String(label).padStart(6), ...cells].join('  '));
const columns = {
  widget: [['  DCL ms', 'domContentLoaded', ms], ['ready ms', 'ready', ms], ['first ms', 'firstRender', ms], ['heap MB', 'heapUsed', mb], ['      KB', 'bytes', kb]],
  surveyjs: [['  DCL ms', 'domContentLoaded', ms], ['quest ms', 'question', ms], ['heap MB', 'heapUsed', mb], ['      KB', 'bytes', kb]],
  floor: [['radio ms', 'question', ms]],
};
const cells = (page, row) => columns[page.kind].map(([, key, format]) => format(row?.[key]));
const reduced = (page, reduce) =>
  Object.fromEntries(columns[page.kind].map(([, key]) => [key, reduce(page.rows.map((row) => row[key]).filter((value) => value !== undefined))]));
const bar = (page) => columns[page.kind].map(([title]) => '-'.repeat(title.length));
const joined = (make) => pages.flatMap((page, i) => [...(i ? ['|'] : []), ...make(page)]);

console.log(
  `<readiness-check> start-up: ${widgetPaths.join(', ')}${withSurveyJs ? ` against SurveyJS ${args['surveyjs-path']}` : ''} in Chromium ${browser.version()}, ` +
    `${runs} runs each${withSurveyJs ? ', alternating' : ''}, fresh context each, ` +
    (latency || kbps ? `network ${latency} ms latency, ${kbps || 'unlimited'} kbit/s` : 'loopback') +
    (args.gzip ? ', gzip -9' : ', uncompressed'),
);
console.log('');
line('', joined((page) => [page.title.padEnd(columns[page.kind].map(([title]) => title).join('  ').length)]));
line('run', joined((page) => columns[page.kind].map(([title]) => title)));
for (let i = 0; i < runs; i++) line(i + 1, joined((page) => cells(page, page.rows[i])));
line('------', joined(bar));
for (const [label, reduce] of [['median', median], ['min', (v) => Math.min(...v)], ['max', (v) => Math.max(...v)]]) {
  for (const page of pages) page[label] = reduced(page, reduce);
  line(label, joined((page) => cells(page, page[label])));
}
console.log('');
const surveyJs = pages.find((page) => page.kind === 'surveyjs');
if (surveyJs) {
  const question = surveyJs.median.question;
  const ratio = (label, value, note) => console.log(`${label.padEnd(48)} ${(value / question).toFixed(3)}  (${value.toFixed(1)} / ${question.toFixed(1)} ms${note})`);
  for (const page of pages.filter((page) => page.kind === 'widget')) {
    const on = widgetPaths.length > 1 ? ` (${page.path})` : '';
    ratio(`first screen${on} / SurveyJS first question:`, page.median.ready, '; medians; target at most 0.2');
    ratio(`widget first question${on} / SurveyJS's:`, page.median.firstRender, ', Start clicked on ready');
  }
  const floor = pages.find((page) => page.kind === 'floor');
  if (floor) ratio('floor / SurveyJS first question:', floor.median.question, ': the least any page can have');
}
for (const page of pages) {
  const last = page.rows.at(-1);
  console.log(
    `${page.title}: ${Math.round(median(page.rows.map((row) => row.bytes)))} B received in ${last.responses} responses ` +
      `(median; headers and bodies, ${args.gzip ? 'gzip -9' : 'uncompressed'}): ` +
      last.requests.map((request) => `${new URL(request.url).pathname} ${request.bytes}`).join(', '),
  );
}
console.log('');
console.log('DCL: DOMContentLoaded. ready: to readiness-ready (the intro is shown). first: to the first radio input in');
console.log('the shadow root, Start clicked in the page on ready. quest: to the first radio input of SurveyJS\'s first');
console.log('question. heap: used JS heap after the last mark (CDP). KB: received from the page\'s server, as on the wire.');
if (args.floor) console.log('radio: the floor page (an empty page adding one radio input) to its radio.');
if (warnings.size) {
  console.log('');
  console.log('Console warnings and errors (each once):');
  for (const warning of warnings) console.log(`  ${warning}`);
}

if (traced) {
  await writeFile(args.trace, JSON.stringify({ traceEvents: traced.traceEvents }));
  console.log('');
  console.log(`Trace of one more widget load written to ${args.trace} (${traced.traceEvents.length} events). Where its time went:`);
  printTrace(traced);
}

/** What the traced load did, in order, in ms from navigation start. */
function printTrace(load) {
  const t = (value) => (value === undefined ? '-' : value.toFixed(1)).padStart(7);
  const name = (url) => url.replace(origin, '');
  console.log('');
  console.log('  request                                     start   1st byte     end    bytes  started by');
  const byUrl = new Map(load.requests.map((request) => [request.url, request]));
  for (const entry of [...load.resources].sort((a, b) => a.startTime - b.startTime)) {
    const request = byUrl.get(entry.name);
    console.log(
      `  ${name(entry.name).padEnd(40).slice(0, 40)}  ${t(entry.startTime)}  ${t(entry.responseStart)}  ${t(entry.responseEnd)}  ${String(request?.bytes ?? entry.transferSize).padStart(7)}  ${entry.initiatorType}`,
    );
  }
  // The main thread's long pieces of work from the trace, with names V8
  // and Blink give them: compile, evaluate, wasm, parse, style, layout, paint.
  const events = load.traceEvents;
  const navigationStart = events.find((event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame)?.ts
    ?? events.find((event) => event.name === 'navigationStart')?.ts;
  const renderer = events.find((event) => event.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
  // The renderer's main thread (wasm compile tasks on other threads show
  // where they block it).
  const main = events.find((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === renderer && event.args?.name === 'CrRendererMain')?.tid;
  const at = (ts) => (ts - navigationStart) / 1000;
  const interesting = /^(v8\.compileModule|v8\.evaluateModule|EvaluateScript|v8\.compile|wasm\.|v8\.wasm\.|ParseHTML|UpdateLayoutTree|Layout|Paint|PrePaint|Commit|FunctionCall|RunMicrotasks|v8\.run|ResourceReceivedData|ResourceFinish|ScheduleStyleRecalculation)/;
  const slices = events
    .filter((event) => event.ph === 'X' && (renderer === undefined || event.pid === renderer) && (main === undefined || event.tid === main))
    .filter((event) => interesting.test(event.name) && event.dur >= 200)
    .map((event) => ({ start: at(event.ts), duration: event.dur / 1000, name: event.name, detail: event.args?.data?.url ?? event.args?.data?.functionName ?? event.args?.fileName ?? '' }));
  console.log('');
  console.log('  main-thread work of 0.2 ms or more (trace)                      start     dur');
  for (const slice of slices.sort((a, b) => a.start - b.start)) {
    console.log(`  ${`${slice.name} ${name(String(slice.detail))}`.padEnd(60).slice(0, 60)}  ${t(slice.start)}  ${t(slice.duration)}`);
  }
  console.log('');
  console.log('  step (performance.measure)                                       start     dur');
  for (const measure of load.measures) console.log(`  ${measure.name.padEnd(60)}  ${t(measure.startTime)}  ${t(measure.duration)}`);
  console.log('');
  console.log(`  first contentful paint (the page) ${t(load.firstContentfulPaint)}; first screen (readiness-ready) ${t(load.ready)};`);
  console.log(`  first screen painted (a task after the next frame) ${t(load.painted)}`);
}
