#!/usr/bin/env node
// Widget start-up benchmark (not a test): loads the demo page in Debian's
// Chromium N times (15 by default), each in a fresh browser context (empty
// cache, no storage), and reports the medians of
//
//   ready         navigation start -> `readiness-ready` (the intro is shown)
//   first render  navigation start -> the first radio input in the widget's
//                 shadow root; the benchmark clicks Start in the page the
//                 moment the widget is ready, so this is load + intro +
//                 one click's render
//   JS heap       used JS heap right after the first render (CDP
//                 Runtime.getHeapUsage; the wasm linear memory is not in it)
//
// The marks come from www/site/first-render.js (window.__widgetReady and
// window.__firstRender), so any harness can read them.
//
//   make dist && node scripts/bench-widget.mjs [--runs 15] [--path /]
//     [--latency MS] [--kbps N]
//
// --latency and --kbps emulate a slower network (CDP): each request waits
// MS milliseconds, and downloads share N kilobits per second. On loopback
// every round trip is free; with --latency 150 --kbps 1600 (a fair mobile
// link) the number of round trips before the first render shows.

import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from '../tests/e2e/helpers.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    path: { type: 'string', default: '/' },
    width: { type: 'string', default: '1280' },
    latency: { type: 'string', default: '0' },
    kbps: { type: 'string', default: '0' },
  },
});
const latency = Number(args.latency);
const kbps = Number(args.kbps);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');

// Clicks Start in the page as soon as the widget says it is ready: no
// round trip to this process in the measured time.
function clickStartWhenReady() {
  document.addEventListener('readiness-ready', (event) => {
    // After the other listeners (first-render.js records the ready mark).
    queueMicrotask(() => event.target.shadowRoot?.querySelector('button[data-action=start]')?.click());
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: Number(args.width), height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(clickStartWhenReady);
    if (latency > 0 || kbps > 0) {
      const network = await context.newCDPSession(page);
      await network.send('Network.enable');
      const bytesPerSecond = kbps > 0 ? (kbps * 1000) / 8 : -1;
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    }
    await page.goto(new URL(args.path.replace(/^\//, ''), server.url).href);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 10_000 });
    const marks = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        ready: window.__widgetReady,
        firstRender: window.__firstRender,
        domContentLoaded: navigation?.domContentLoadedEventEnd,
        heapQuantized: performance.memory?.usedJSHeapSize,
      };
    });
    const cdp = await context.newCDPSession(page);
    const heap = await cdp.send('Runtime.getHeapUsage');
    await context.close();
    if (errors.length) throw new Error(`run ${run}: page errors: ${errors.join('; ')}`);
    if (marks.ready === undefined) throw new Error(`run ${run}: no window.__widgetReady (is first-render.js on the page?)`);
    rows.push({ run, ...marks, heapUsed: heap.usedSize, heapTotal: heap.totalSize });
  }
} finally {
  await browser.close();
  await server.stop();
}

const ms = (value) => (value === undefined ? '-' : value.toFixed(1)).padStart(8);
const mb = (value) => (value === undefined ? '-' : (value / 1e6).toFixed(2)).padStart(8);
const line = (label, cells) => console.log([String(label).padStart(6), ...cells].join('  '));
const pick = (key) => rows.map((row) => row[key]);
const summary = (label, reduce) =>
  line(label, [
    ms(reduce(pick('domContentLoaded'))),
    ms(reduce(pick('ready'))),
    ms(reduce(pick('firstRender'))),
    mb(reduce(pick('heapUsed'))),
  ]);

console.log(`<readiness-check> start-up: ${args.path} in Chromium ${browser.version()}, ${runs} runs, fresh context each${latency || kbps ? `, network ${latency} ms latency, ${kbps || 'unlimited'} kbit/s` : ''}`);
console.log('');
line('run', ['  DCL ms', 'ready ms', 'first ms', ' heap MB']);
for (const row of rows) line(row.run, [ms(row.domContentLoaded), ms(row.ready), ms(row.firstRender), mb(row.heapUsed)]);
line('------', ['--------', '--------', '--------', '--------']);
summary('median', median);
summary('min', (values) => Math.min(...values));
summary('max', (values) => Math.max(...values));
console.log('');
console.log('DCL: DOMContentLoaded. ready: to readiness-ready (the intro is shown). first: to the first radio input in');
console.log('the shadow root, Start clicked in the page on ready. heap: used JS heap after the first render (CDP).');
