// Assembles target/npm/package/ from the two wasm-pack builds, the widget
// and the sources in npm/ (called by scripts/build-npm.sh, which has already
// put the optimised wasm in lib/).
//
//   node npm/assemble.mjs <target/npm> <widget dir> '{"version", "license", "repository"}'

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [out, widgetDir, cargoJson] = process.argv.slice(2);
const src = path.dirname(new URL(import.meta.url).pathname);
const pkg = path.join(out, 'package');
const cargo = JSON.parse(cargoJson);

// package.json: the template, with what Cargo already knows. The template
// is private so that nobody publishes the source folder by mistake.
const manifest = JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8'));
delete manifest.private;
manifest.version = cargo.version;
manifest.license = cargo.license;
if (cargo.repository) manifest.repository = cargo.repository;
writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

for (const file of ['README.md', 'index.js', 'node.js']) copyFileSync(path.join(src, file), path.join(pkg, file));

// The glues share one wasm file (lib/readiness_wasm_bg.wasm): the web one
// finds it by import.meta.url, the nodejs one by __dirname. The nodejs glue
// is CommonJS, so it gets the .cjs extension in this "type": "module" package.
copyFileSync(path.join(out, 'web/readiness_wasm.js'), path.join(pkg, 'lib/readiness_wasm.js'));
copyFileSync(path.join(out, 'node/readiness_wasm.js'), path.join(pkg, 'lib/readiness_wasm.cjs'));

// The declarations are wasm-bindgen's for the nodejs build: the API without
// the web build's init functions, which index.js calls itself. One file for
// `import` and, as .d.cts, one for `require`.
let types = readFileSync(path.join(out, 'node/readiness_wasm.d.ts'), 'utf8');
// The API build has no widget (feature `api` only): its declarations must
// not mention the widget's class, nor DOM types a Node project may lack.
for (const name of ['Widget', 'ShadowRoot', 'InitInput']) {
  if (new RegExp(`\\b${name}\\b`).test(types)) throw new Error(`index.d.ts still mentions ${name}`);
}
types = types.replace(/\n{3,}/g, '\n\n');
writeFileSync(path.join(pkg, 'index.d.ts'), types);
writeFileSync(path.join(pkg, 'index.d.cts'), types);

// The widget: the loader and exactly the files it fetches from its own
// folder (www/readiness-check.js), plus the types of its element and events.
const WIDGET_FILES = [
  'readiness-check.js',
  'labels.id.txt',
  'labels.en.txt',
  'readiness_wasm_bg.wasm',
  'readiness_validate_bg.wasm',
  'social-media-strategy.id.txt',
  'social-media-strategy.en.txt',
];
mkdirSync(path.join(pkg, 'widget'));
for (const file of WIDGET_FILES) copyFileSync(path.join(widgetDir, file), path.join(pkg, 'widget', file));
copyFileSync(path.join(src, 'widget.d.ts'), path.join(pkg, 'widget/readiness-check.d.ts'));
