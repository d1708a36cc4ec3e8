// Scores the shared vectors (tests/vectors/*.json, format in tests/README.md)
// through the installed package, as a Node user would import it, and
// compares with what the native core produced: the report for the valid
// cases, the problems for the rejected ones. Prints "N passed, M failed".
//
//   node vectors.mjs <repository root>
//
// Run from a project that has the packed tarball installed.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { score } from 'readiness-check';

const root = process.argv[2];
const vectorsDir = path.join(root, 'tests/vectors');
const read = (file) => readFileSync(file, 'utf8');

function questionnaireOf(vector) {
  const q = vector.questionnaire;
  if (q === undefined) return vector.questionnaireText;
  if (q === 'builtin') return undefined;
  if (typeof q === 'string') return read(path.join(root, 'tests/questionnaires', `${q}.json`));
  return q;
}

function run(vector) {
  try {
    return { report: score(questionnaireOf(vector), vector.answers, vector.lang) };
  } catch (error) {
    if (!Array.isArray(error.problems)) throw error;
    return { problems: error.problems };
  }
}

let passed = 0;
let failed = 0;
for (const file of readdirSync(vectorsDir).filter((name) => name.endsWith('.json')).sort()) {
  const vector = JSON.parse(read(path.join(vectorsDir, file)));
  try {
    // Both sides are parsed values, so numbers compare as numbers (70 and
    // 70.0 are the same number).
    assert.deepStrictEqual(run(vector), vector.expect);
    passed++;
  } catch (error) {
    failed++;
    console.error(`FAIL ${file}\n${error.message}`);
  }
}

// `require` gets the same build as `import`: one check is enough.
try {
  const cjs = createRequire(path.join(process.cwd(), 'package.json'))('readiness-check');
  const answers = { 'touchpoints-executive-sponsorship': 4 };
  assert.deepStrictEqual(cjs.score(undefined, answers, 'id'), score(undefined, answers, 'id'));
  passed++;
} catch (error) {
  failed++;
  console.error(`FAIL require('readiness-check')\n${error.message}`);
}

console.log(`node: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 1 ? 0 : 1);
