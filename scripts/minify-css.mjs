// Minifies stylesheets in place with lightningcss (from package-lock.json),
// as the widget's build does its own: `node scripts/minify-css.mjs FILE…`.
// Used for the demo site's stylesheet, which a visitor of the demo page
// downloads before the widget's first screen. A warning fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { transform } = createRequire(import.meta.url)('lightningcss');
for (const file of process.argv.slice(2)) {
  const { code, warnings } = transform({ filename: file, code: readFileSync(file), minify: true });
  for (const w of warnings) console.error(`${file}:${w.loc.line}:${w.loc.column}: ${w.message}`);
  if (warnings.length) process.exit(1);
  writeFileSync(file, code);
}
