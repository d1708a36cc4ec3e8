#!/usr/bin/env node
// Size of the deployable widget: raw and gzip -9 bytes per file and in total.
//
// Fails (exit 1) when the gzip total of dist/widget exceeds --limit-kb, or a
// budget measured in a real browser run (target/size-budget.json, written by
// tests/e2e/budget.test.mjs) is exceeded, so a size regression fails
// `make test`. Names the toolchain that built the widget
// (target/widget-build/toolchain.txt, written by scripts/build-widget.sh).
// Also writes target/size-report.json.
//
//   node scripts/size-report.mjs [--limit-kb 60] [--dir dist/widget] [--json FILE]
//     [--budget FILE] [--toolchain FILE]
//
// gzip -9 is the system's `gzip -9 -n` (GNU gzip, as a host compresses and
// as the figures in README.md were measured); Node's own zlib is a
// Chromium fork whose output differs by a few hundred bytes on the modules,
// so it is only the fallback without a gzip on the PATH.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The build's target folder: CARGO_TARGET_DIR when set, as for cargo.
const TARGET = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');

const USAGE = `usage: size-report.mjs [--dir DIR] [--limit-kb LIMIT_KB] [--json JSON] [--budget BUDGET] [--toolchain TOOLCHAIN]

Size of the deployable widget: raw and gzip -9 bytes per file and in total.

options:
  --dir DIR              the widget folder (default: dist/widget of the checkout)
  --limit-kb LIMIT_KB    gzip total limit, KB of 1,024 bytes (default 60)
  --json JSON            the report written (default: target/size-report.json)
  --budget BUDGET        browser-measured sizes read (default: target/size-budget.json)
  --toolchain TOOLCHAIN  what built the widget (default: target/widget-build/toolchain.txt)
`;

let warnedFallback = false;
function gzipSize(data) {
  // -n: no name or time in the header, the same bytes give the same size.
  const gzip = spawnSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 30 });
  if (!gzip.error && gzip.status === 0) return gzip.stdout.length;
  if (!warnedFallback) {
    process.stderr.write("size-report: no working `gzip` on the PATH; using Node's zlib (sizes differ slightly)\n");
    warnedFallback = true;
  }
  return gzipSync(data, { level: 9 }).length;
}

/** Reads a file, or returns null when it does not exist. */
function readIfThere(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

/** The `key: value` lines of toolchain.txt, or null without one. */
function readToolchain(file) {
  const text = readIfThere(file);
  if (text === null) return null;
  const toolchain = {};
  for (const line of text.split(/\r\n|\n|\r/)) {
    const at = line.indexOf(': ');
    if (at >= 0) toolchain[line.slice(0, at)] = line.slice(at + 2);
  }
  return toolchain;
}

/** What tests/e2e/budget.test.mjs measured, or null before it ran. */
function readBudget(file) {
  const text = readIfThere(file);
  return text === null ? null : JSON.parse(text);
}

/** Every file under `folder` (symbolic links followed), as paths relative to it, in path order. */
function listFiles(folder) {
  const found = [];
  const walk = (dir, parts) => {
    let entries;
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      let info;
      try {
        info = statSync(full);
      } catch {
        continue;
      }
      if (info.isFile()) found.push([...parts, name]);
      else if (info.isDirectory()) walk(full, [...parts, name]);
    }
  };
  walk(folder, []);
  // By path segments, as a sorted list of paths: "a/b" before "a-c".
  const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  found.sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return compare(a[i], b[i]);
    return a.length - b.length;
  });
  return found.map((parts) => parts.join('/'));
}

/** 12345 -> "12,345". */
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Bytes as KB (1,024 bytes, the unit of the budgets: 35 KB is
 * 35,840 B) with one decimal. */
const KB = 1024;
const kb = (bytes) => (bytes / KB).toFixed(1);
const length = (text) => [...text].length;
const left = (text, width) => text + ' '.repeat(Math.max(0, width - length(text)));
const right = (text, width) => ' '.repeat(Math.max(0, width - length(String(text)))) + text;
/** JSON as Python's json.dumps(indent=2): non-ASCII escaped. */
const toJson = (value) =>
  JSON.stringify(value, null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function main() {
  let args;
  try {
    ({ values: args } = parseArgs({
      options: {
        dir: { type: 'string', default: path.join(ROOT, 'dist', 'widget') },
        'limit-kb': { type: 'string', default: '60' },
        json: { type: 'string', default: path.join(TARGET, 'size-report.json') },
        budget: { type: 'string', default: path.join(TARGET, 'size-budget.json') },
        toolchain: { type: 'string', default: path.join(TARGET, 'widget-build', 'toolchain.txt') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${USAGE}size-report.mjs: error: ${error.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const limitKb = Number(args['limit-kb'].trim());
  if (args['limit-kb'].trim() === '' || Number.isNaN(limitKb)) {
    process.stderr.write(`${USAGE}size-report.mjs: error: argument --limit-kb: invalid float value: '${args['limit-kb']}'\n`);
    return 2;
  }

  const widget = args.dir;
  const files = listFiles(widget);
  if (!files.length) {
    process.stderr.write(`size-report: no files in ${widget}; run \`make dist\` first\n`);
    return 1;
  }

  const rows = files.map((file) => {
    const data = readFileSync(path.join(widget, file));
    return { file, raw: data.length, gzip: gzipSize(data) };
  });
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const total = { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') };
  // One visitor of the built-in questionnaire, in Indonesian: every file
  // but the other language's pack and the validator (only `src` pages
  // load it). The browser-measured figure (below) is the one gated.
  const visitorRows = rows.filter((r) => !r.file.endsWith('.en.txt') && !r.file.includes('validate'));
  const visitor = { raw: sum(visitorRows, 'raw'), gzip: sum(visitorRows, 'gzip') };
  const limit = Math.round(limitKb * KB);

  const out = [];
  const print = (line) => out.push(line);
  const width = Math.max(...[...rows.map((r) => r.file), 'one visitor (script embed, id)'].map(length));
  const line = '-'.repeat(width + 24);
  print(`${left('dist/widget', width)} ${right('raw', 10)} ${right('gzip -9', 10)}`);
  print(line);
  for (const r of rows) print(`${left(r.file, width)} ${right(thousands(r.raw), 10)} ${right(thousands(r.gzip), 10)}`);
  print(line);
  print(`${left('total (every file)', width)} ${right(thousands(total.raw), 10)} ${right(thousands(total.gzip), 10)}`);
  print(`${left('one visitor (script embed, id)', width)} ${right(thousands(visitor.raw), 10)} ${right(thousands(visitor.gzip), 10)}`);
  print('  one visitor = every file except *.en.txt and the validator (loaded only for `src`)');
  const budget = readBudget(args.budget);
  let budgetOk = true;
  if (budget === null) {
    print(`measured in a browser: not yet (${args.budget} is missing; tests/e2e/budget.test.mjs writes it)`);
  } else {
    print('measured in a browser (every response for the widget, load to results, gzip -9):');
    const measured = Object.entries(budget.measured).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, result] of measured) {
      const limitBytes = budget.budgets[name === 'src' ? 'src' : 'builtin'];
      const fits = result.total <= limitBytes;
      budgetOk &&= fits;
      const what = name === 'src' ? 'a src visitor, the file aside' : `a visitor of the built-in, ${name.slice(-2)}`;
      print(`  ${fits ? 'ok  ' : 'FAIL'} ${left(what, 34)} ${right(thousands(result.total), 8)} B of ${thousands(limitBytes)} B`);
    }
  }
  const toolchain = readToolchain(args.toolchain);
  if (toolchain === null) {
    print(`built with: unknown (${args.toolchain} is missing; run \`make dist\`)`);
  } else {
    print(`built with: ${toolchain.rustc ?? '?'} (${toolchain.build ?? '?'})`);
    const tools = ['wasm-bindgen', 'wasm-opt', 'terser'].filter((name) => name in toolchain).map((name) => `${name} ${toolchain[name]}`);
    print(`            ${tools.join(', ')}`);
  }
  let ok = total.gzip <= limit;
  print(`${ok ? 'ok' : 'FAIL'}: gzip total ${kb(total.gzip)} KB, limit ${kb(limit)} KB`);
  ok &&= budgetOk;

  // The studio (dist/studio beside dist/widget), which only marketers
  // download: its code, the core module included, at most 150 KB; the
  // built-in questionnaire it can start from is data, listed apart.
  const studioDir = path.join(path.dirname(path.resolve(widget)), 'studio');
  const studio = listFiles(studioDir).map((file) => {
    const data = readFileSync(path.join(studioDir, file));
    return { file, raw: data.length, gzip: gzipSize(data) };
  });
  let studioReport = null;
  if (studio.length) {
    const code = studio.filter((r) => !r.file.endsWith('.json'));
    const studioTotal = { raw: sum(code, 'raw'), gzip: sum(code, 'gzip') };
    const studioLimit = 150 * KB;
    const studioOk = studioTotal.gzip <= studioLimit;
    print('');
    print(`${left('dist/studio', width)} ${right('raw', 10)} ${right('gzip -9', 10)}`);
    print(line);
    for (const r of studio) print(`${left(r.file, width)} ${right(thousands(r.raw), 10)} ${right(thousands(r.gzip), 10)}`);
    print(line);
    print(`${left('the studio\'s code (*.json aside)', width)} ${right(thousands(studioTotal.raw), 10)} ${right(thousands(studioTotal.gzip), 10)}`);
    print(`${studioOk ? 'ok' : 'FAIL'}: studio ${kb(studioTotal.gzip)} KB, limit ${kb(studioLimit)} KB`);
    ok &&= studioOk;
    studioReport = { files: studio, total: studioTotal, limit_gzip: studioLimit, ok: studioOk };
  }
  process.stdout.write(`${out.join('\n')}\n`);

  const report = { files: rows, total, visitor, limit_gzip: limit, ok, toolchain, browser: budget, studio: studioReport };
  mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
  writeFileSync(args.json, `${toJson(report)}\n`);
  return ok ? 0 : 1;
}

process.exitCode = main();
