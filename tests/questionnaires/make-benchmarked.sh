#!/usr/bin/env bash
# Makes tests/questionnaires/benchmarked.json: the built-in questionnaire
# with a `benchmarks` section that `readiness benchmark` made from 1,000
# responses grouped by sector (Retail, Manufacturing, Services).
#
# THE NUMBERS ARE SYNTHETIC. No organisation answered: the responses are
# drawn here from a seeded generator, so the file is the same on every run
# and machine. They are plausible, not real: each organisation has one
# maturity that all its answers follow (with a lean per factor and noise
# per answer), and the sectors differ a little, so the distributions have
# a shape (not flat) the way a survey's do. The label says so too. Use the
# file for tests and demos, never as a published benchmark.
#
# Usage: tests/questionnaires/make-benchmarked.sh
# (builds the release CLI; honours CARGO_TARGET_DIR; needs node.)

set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/tests/questionnaires/benchmarked.json"
target="${CARGO_TARGET_DIR:-$root/target}"

cargo build --release --quiet -p readiness-cli --manifest-path "$root/Cargo.toml"
readiness="$target/release/readiness"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$readiness" questionnaire > "$work/questionnaire.json"

node - "$work/questionnaire.json" > "$work/responses.csv" <<'JS'
const fs = require("fs");
const q = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

// mulberry32: a small seeded generator, the same everywhere.
let seed = 20260101;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
// Roughly normal: the sum of four uniforms, centred, with this spread.
function normal(spread) {
  return (random() + random() + random() + random() - 2) * spread;
}

// Each sector's share of the 1,000 and how far ahead it leans.
const sectors = [
  ["Retail", 0.4, 0.3],
  ["Manufacturing", 0.3, -0.35],
  ["Services", 0.3, 0.05],
];
// Some factors are further along than others everywhere.
const factorLean = { audience: 0.2, alignment: 0, operations: -0.35, touchpoints: -0.1 };

const ids = q.factors.flatMap((f) => f.questions.map((question) => question.id));
const rows = [["respondent", "sector", ...ids].join(",")];
for (let n = 1; n <= 1000; n++) {
  let pick = random();
  const [sector, , lean] = sectors.find(([, share]) => (pick -= share) < 0) || sectors[sectors.length - 1];
  // The organisation's maturity, on the 0-4 answer scale.
  const maturity = 1.7 + lean + normal(1.1);
  const cells = [];
  for (const factor of q.factors) {
    const level = maturity + (factorLean[factor.id] || 0) + normal(0.5);
    for (const question of factor.questions) {
      if (random() < 0.03) {
        cells.push("dont-know");
        continue;
      }
      const answer = Math.round(level + normal(0.8));
      cells.push(String(Math.min(4, Math.max(0, answer))));
    }
  }
  rows.push([`org-${String(n).padStart(4, "0")}`, sector, ...cells].join(","));
}
process.stdout.write(rows.join("\n") + "\n");
JS

"$readiness" benchmark "$work/responses.csv" --by sector \
  --label en="1,000 organisations (synthetic test data)" \
  --label id="1.000 organisasi (data uji sintetis)" > "$out"
"$readiness" validate "$out"
