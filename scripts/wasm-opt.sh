#!/usr/bin/env bash
# Shrinks a wasm-bindgen module: scripts/wasm-opt.sh IN OUT. Used by the
# widget and npm builds alike.
#
# wasm-opt comes from npm's binaryen (scripts/install-tools.sh): Debian's is
# too old and produces modules Chromium rejects. The features enabled are
# exactly those rustc's wasm32 target emits (its target_features section):
# wasm-opt must know them to validate, and enabling more (--all-features)
# lets it emit instructions browsers lack. The metadata sections go last.
#
# Flattening and re-looping the control flow before two -Oz rounds finds
# about 1% more to remove than -Oz alone (measured on the widget: 350 B
# gzipped); compiler flags and other binaryen passes found nothing more.
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/wasm-opt --flatten --rereloop -Oz -Oz \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  --enable-multivalue --enable-call-indirect-overlong \
  --strip-debug --strip-producers --strip-target-features \
  -o "$2" "$1"
