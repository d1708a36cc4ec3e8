#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ from the committed seeds in fuzz/seeds/<target>/,
# for every target in fuzz_targets/. The corpus is not committed (it grows
# with every run); run this before the first `cargo fuzz run`, and again
# after the seeds change. Existing corpus entries are kept.
#
# The seeds themselves are written by `node fuzz/make-seeds.mjs` (from the
# questionnaires, the vectors and the CLI's packs) and committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
status=0
for source in "$here"/fuzz_targets/*.rs; do
  target="$(basename "$source" .rs)"
  seeds="$here/seeds/$target"
  out="$here/corpus/$target"
  if [ ! -d "$seeds" ] || [ -z "$(ls -A "$seeds")" ]; then
    echo "no seeds for $target in $seeds (node fuzz/make-seeds.mjs writes them)" >&2
    status=1
    continue
  fi
  mkdir -p "$out"
  cp "$seeds"/* "$out"/
  echo "$target: $(ls "$seeds" | wc -l) seeds, $(ls "$out" | wc -l) inputs in corpus/$target"
done
exit "$status"
