#!/usr/bin/env node
// Writes the same synthetic survey as JSON Lines and as CSV.
//
// Deterministic (fixed seed): every run writes the same files. Answers are
// mostly 0 to 4, with some "dont-know", some unanswered, and "not-applicable"
// where a question allows it, so that every branch of scoring is exercised.
// The generator is Python's (MT19937 seeded as `random.Random(20240501)`,
// drawn as `random.choices`), so the files are byte for byte those the
// earlier Python generator wrote.
//
// Usage: node gen.mjs QUESTIONNAIRE.json COUNT OUT.jsonl OUT.csv

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/** The Mersenne Twister MT19937 with Python's seeding and random(). */
class PythonRandom {
  constructor(seed) {
    this.mt = new Uint32Array(624);
    this.index = 624;
    // random.seed(n) for an int n: init_by_array over its 32-bit words,
    // least significant first.
    const key = [];
    for (let n = BigInt(Math.abs(seed)); key.length === 0 || n > 0n; n >>= 32n) key.push(Number(n & 0xffffffffn));
    this.initByArray(key);
  }

  initGenrand(s) {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      mt[i] = Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    this.index = 624;
  }

  initByArray(key) {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i;
      i++;
      if (i >= 624) {
        mt[0] = mt[623];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  uint32() {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A float in [0, 1) with 53 random bits, as random.random(). */
  random() {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /** One of `population`, as random.choices(population, weights)[0]. */
  choice(population, cumWeights) {
    const x = this.random() * cumWeights[cumWeights.length - 1];
    // bisect_right over cumWeights[0 .. n-1).
    let lo = 0;
    let hi = population.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cumWeights[mid]) hi = mid;
      else lo = mid + 1;
    }
    return population[lo];
  }
}

function main() {
  if (process.argv.length !== 6) {
    process.stderr.write('usage: node gen.mjs QUESTIONNAIRE.json COUNT OUT.jsonl OUT.csv\n');
    process.exit(2);
  }
  const [questionnairePath, countText, jsonlPath, csvPath] = process.argv.slice(2);
  const count = Number.parseInt(countText, 10);
  const questionnaire = JSON.parse(readFileSync(questionnairePath, 'utf8'));
  const questions = questionnaire.factors.flatMap((factor) => factor.questions);
  const ids = questions.map((q) => q.id);
  // Per question: the answers it may get, weighted towards real values.
  const choices = questions.map((q) => {
    const answers = ['0', '1', '2', '3', '4', 'dont-know', ''];
    const weights = [18, 20, 22, 20, 12, 5, 3];
    if (q.allowNotApplicable) {
      answers.push('not-applicable');
      weights.push(4);
    }
    let sum = 0;
    return [answers, weights.map((w) => (sum += w))];
  });

  const rng = new PythonRandom(20240501);
  const jsonl = openSync(jsonlPath, 'w');
  const csv = openSync(csvPath, 'w');
  writeSync(csv, `${['respondent', ...ids].join(',')}\n`);
  let jsonlLines = [];
  let csvLines = [];
  const flush = () => {
    writeSync(jsonl, `${jsonlLines.join('\n')}\n`);
    writeSync(csv, `${csvLines.join('\n')}\n`);
    jsonlLines = [];
    csvLines = [];
  };
  for (let n = 1; n <= count; n++) {
    const cells = choices.map(([answers, cumWeights]) => rng.choice(answers, cumWeights));
    const respondent = `r-${n}`;
    const answers = {};
    ids.forEach((id, i) => {
      const cell = cells[i];
      if (cell === '') return;
      answers[id] = /^\d+$/.test(cell) ? Number(cell) : cell;
    });
    jsonlLines.push(JSON.stringify({ respondent, answers }));
    csvLines.push([respondent, ...cells].join(','));
    if (jsonlLines.length === 10000) flush();
  }
  if (jsonlLines.length) flush();
  closeSync(jsonl);
  closeSync(csv);
}

main();
