#!/usr/bin/env node
// Serves dist/ on loopback for the demo and the end-to-end tests.
//
// A static server with the MIME types browsers insist on (a .wasm must be
// application/wasm for streaming compilation, a module script must be a
// JavaScript type), no caching (a rebuild shows at once), and a strict
// Content-Security-Policy under /csp/ to prove the widget needs no inline
// script or style.
//
// `--mount /test=tests/e2e/pages` serves another folder under a URL prefix
// (the e2e fixture pages); the policy then also applies under /test/csp/.
//
//   node scripts/serve.mjs [--port 8080] [--dir dist] [--quiet] [--mount /PREFIX=DIR]...
//
// --port 0 picks a free port. The first line printed, "serving DIR at
// http://127.0.0.1:PORT/", is read by the e2e helpers to learn the port.
// SIGTERM or Ctrl-C ends it with exit code 0.

import { createReadStream, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Ours, not a platform database (which varies by machine). Anything else is
// application/octet-stream.
const TYPES = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
};

const USAGE = `usage: serve.mjs [--port PORT] [--dir DIR] [--quiet] [--mount /PREFIX=DIR]...

Serve dist/ on loopback for the demo and the end-to-end tests.

options:
  --port PORT          0 picks a free port (default 8080)
  --dir DIR            the folder served at / (default: dist/ of the checkout)
  --quiet              no request log
  --mount /PREFIX=DIR  also serve DIR under /PREFIX/ (repeatable), e.g. /test=tests/e2e/pages
`;

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      dir: { type: 'string', default: path.join(ROOT, 'dist') },
      quiet: { type: 'boolean', default: false },
      mount: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`${USAGE}serve.mjs: error: ${error.message}`, 2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!/^\d+$/.test(args.port) || port > 65535) fail(`${USAGE}serve.mjs: error: --port: invalid port '${args.port}'`, 2);

const isDir = (folder) => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
};
if (!isDir(args.dir)) fail(`serve.mjs: ${args.dir} does not exist; run \`make dist\` first`);
const root = path.resolve(args.dir);

/** URL prefix ("/test") -> folder, from --mount. */
const mounts = new Map();
for (const mount of args.mount) {
  const sep = mount.indexOf('=');
  const prefix = `/${(sep < 0 ? mount : mount.slice(0, sep)).replace(/^\/+|\/+$/g, '')}`;
  const folder = sep < 0 ? '' : mount.slice(sep + 1);
  if (sep < 0 || prefix === '/' || !isDir(folder)) {
    fail(`serve.mjs: --mount ${mount}: expected /PREFIX=DIR with an existing DIR`);
  }
  mounts.set(prefix, path.resolve(folder));
}

/** [folder, rest of the path] if `urlPath` is under a mount, else null. */
function mounted(urlPath) {
  for (const [prefix, folder] of mounts) {
    if (urlPath === prefix || urlPath.startsWith(`${prefix}/`)) return [folder, urlPath.slice(prefix.length) || '/'];
  }
  return null;
}

/**
 * The file a URL path names, or null. Percent-escapes are decoded, and
 * ".", ".." and empty segments dropped: no way out of the folder. A
 * trailing slash is kept (it asks for a folder).
 */
function translate(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = urlPath;
  }
  const [folder, rest] = mounted(decoded) ?? [root, decoded];
  const parts = rest.split('/').filter((part) => part && part !== '.' && part !== '..' && !part.includes('\0'));
  let file = path.join(folder, ...parts);
  if (rest.endsWith('/')) file += path.sep;
  return file;
}

function typeOf(file) {
  const ext = path.extname(file);
  return TYPES[ext] ?? TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const REASONS = { 301: 'Moved Permanently', 404: 'File not found', 501: 'Unsupported method' };

/** Sends `status` with the headers every response carries. */
function send(req, res, status, headers, body) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  // On the raw path, as requested (not decoded).
  const rawPath = req.url.split('?', 1)[0];
  const mount = mounted(rawPath);
  if (rawPath.startsWith('/csp/') || (mount && mount[1].startsWith('/csp/'))) {
    res.setHeader('Content-Security-Policy', CSP);
  }
  if (body === undefined) return res;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(req.method === 'HEAD' ? undefined : body);
  return res;
}

function sendError(req, res, status, message = REASONS[status]) {
  const body = `<!DOCTYPE HTML>
<html lang="en">
<head><meta charset="utf-8"><title>Error response</title></head>
<body><h1>Error response</h1><p>Error code: ${status}</p><p>Message: ${escapeHtml(message)}.</p></body>
</html>
`;
  send(req, res, status, { 'Content-Type': 'text/html;charset=utf-8', Connection: 'close' }, body);
}

async function listing(req, res, folder, urlPath) {
  const names = (await readdir(folder, { withFileTypes: true }))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const title = `Directory listing for ${escapeHtml(decodeURIComponentSafe(urlPath))}`;
  const items = names.map((name) => `<li><a href="${encodeURI(name)}">${escapeHtml(name)}</a></li>`).join('\n');
  const body = `<!DOCTYPE HTML>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><hr><ul>
${items}
</ul><hr></body>
</html>
`;
  send(req, res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, body);
}

function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 501, `Unsupported method ('${req.method}')`);
  const [urlPath, query] = splitOnce(req.url.split('#', 1)[0], '?');
  let file = translate(urlPath);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // As a static host does: /csp -> /csp/, so relative links resolve.
      const location = `${urlPath}/${query === undefined ? '' : `?${query}`}`;
      return send(req, res, 301, { Location: location }, '');
    }
    let index = null;
    for (const name of ['index.html', 'index.htm']) {
      const candidate = path.join(file, name);
      const found = await stat(candidate).catch(() => null);
      if (found?.isFile()) {
        index = [candidate, found];
        break;
      }
    }
    if (!index) return listing(req, res, file, urlPath);
    [file, info] = index;
  }
  // A file asked for as a folder ("/a.js/") does not exist.
  if (!info?.isFile() || file.endsWith(path.sep)) return sendError(req, res, 404);

  const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  if (!req.headers['if-none-match'] && !Number.isNaN(since) && modified.getTime() <= since) {
    return send(req, res, 304, {}, '');
  }
  send(req, res, 200, {
    'Content-Type': typeOf(file),
    'Content-Length': info.size,
    'Last-Modified': modified.toUTCString(),
  });
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

const server = http.createServer((req, res) => {
  if (!args.quiet) {
    res.on('finish', () => {
      // [30/Nov/2026 00:51:45], local time, as the common log format has it.
      const now = new Date();
      const two = (n) => String(n).padStart(2, '0');
      const month = now.toLocaleString('en-US', { month: 'short' });
      const when = `${two(now.getDate())}/${month}/${now.getFullYear()} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
      process.stderr.write(`${req.socket.remoteAddress} - - [${when}] "${req.method} ${req.url} HTTP/${req.httpVersion}" ${res.statusCode} -\n`);
    });
  }
  handle(req, res).catch((error) => {
    process.stderr.write(`serve.mjs: ${req.url}: ${error.message}\n`);
    if (res.headersSent) res.destroy();
    else sendError(req, res, 500, 'Internal error');
  });
});

// SIGTERM (from the tests, or `kill`) ends the server like Ctrl-C: exit 0.
// Open keep-alive connections are not waited for.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));

server.on('error', (error) => fail(`serve.mjs: ${error.message}`));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`serving ${args.dir} at http://127.0.0.1:${server.address().port}/\n`);
});
