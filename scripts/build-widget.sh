#!/usr/bin/env bash
# Builds the deployable widget into dist/widget/: exactly the files a host
# page loads, nothing else. Needs scripts/install-tools.sh to have run, and
# the native CLI (target/native/readiness) for the questionnaire files.
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist/widget
build=target/widget-build
terser=node_modules/.bin/terser

# 1. Rust -> wasm with the size-tuned release profile. With a nightly
#    toolchain (scripts/install-tools.sh adds its rust-src), the standard
#    library is rebuilt with panic=immediate-abort: no panic messages,
#    locations or formatting code ship, about 10 KB gzipped less. Without
#    one, the stable build works the same, only larger.
wasm=target/wasm32-unknown-unknown/release/readiness_wasm.wasm
if rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src' &&
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" cargo +nightly build -p readiness-wasm --lib \
    --target wasm32-unknown-unknown --release -Zbuild-std=std,panic_abort --target-dir target/nightly; then
  wasm=target/nightly/wasm32-unknown-unknown/release/readiness_wasm.wasm
  echo "built with nightly, panic=immediate-abort"
else
  echo "warning: no nightly toolchain with rust-src; building with stable (larger)" >&2
  cargo build -p readiness-wasm --lib --target wasm32-unknown-unknown --release
fi

# 2. The JS bindings: an ES module a page can import, no bundler needed.
rm -rf "$build"
wasm-bindgen --target web --no-typescript --out-dir "$build" "$wasm"

rm -rf "$out"
mkdir -p "$out"

# 3. Shrink the module (the flags are shared with the npm build).
bash scripts/wasm-opt.sh "$build/readiness_wasm_bg.wasm" "$out/readiness_wasm_bg.wasm"

# 4. Minify the glue as an ES module (keeps its exports and import.meta).
"$terser" "$build/readiness_wasm.js" --module --ecma 2020 \
  --compress passes=2 --mangle --output "$out/readiness_wasm.js"

# 5. The loader and its stylesheet, minified like the glue; styles lose
#    comments and spaces.
"$terser" www/readiness-check.js --module --ecma 2020 --compress --mangle --output "$out/readiness-check.js"
python3 scripts/minify-css.py <www/readiness-check.css >"$out/readiness-check.css"

#    The iframe embed, for hosts that allow no scripts in a post, goes
#    beside the widget (dist/embed/), not in it: a page using the script
#    embed never loads it. embed.html + its script and style, and the
#    optional resizer the parent page includes.
embed=dist/embed
rm -rf "$embed" && mkdir -p "$embed"
for file in embed.js readiness-frame.js; do
  "$terser" "www/embed/$file" --module --ecma 2022 --compress --mangle --output "$embed/$file"
done
python3 scripts/minify-css.py <www/embed/embed.css >"$embed/embed.css"
cp www/embed/embed.html "$embed/"

# 6. The built-in questionnaire, one file per language, so a visitor
#    downloads only the texts of theirs.
cli=target/native/readiness
for lang in id en; do
  file="$out/social-media-strategy.$lang.json"
  if [ -x "$cli" ] && "$cli" questionnaire --lang "$lang" >"$file.tmp"; then
    # Compact: the visitor downloads it; indentation is for people.
    python3 -c 'import json, sys; json.dump(json.load(sys.stdin), sys.stdout, ensure_ascii=False, separators=(",", ":"))' \
      <"$file.tmp" >"$file"
    rm "$file.tmp"
  else
    rm -f "$file.tmp"
    echo "warning: could not write $file (build the CLI: cargo build -p readiness-cli --profile native)" >&2
  fi
done

echo "built $out:"
ls -l "$out"
