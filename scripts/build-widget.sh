#!/usr/bin/env bash
# Builds the deployable widget into dist/widget/: exactly the files a host
# page loads, nothing else. Needs scripts/install-tools.sh to have run, and
# the native CLI (cargo build --release -p readiness-cli) for the
# questionnaire files. Honours CARGO_TARGET_DIR.
#
# Reproducible: two builds of the same sources with the same tools (the
# nightly pinned in scripts/toolchain.env,
# binaryen and terser from package-lock.json) give the same bytes, wherever
# the checkout, the cargo home and the toolchains are: paths are remapped.
# target/widget-build/toolchain.txt records the tools used; the size report
# prints it.
#
# WIDGET_FEATURES=compare builds the widget with the comparisons (with a
# questionnaire's benchmarks and with the visitor's last result; see
# wasm/Cargo.toml) into WIDGET_OUT (default dist/widget), and only the
# widget: the browser tests build it so into target/widget-compare/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.env

features=${WIDGET_FEATURES:-}
out=${WIDGET_OUT:-dist/widget}
target=${CARGO_TARGET_DIR:-target}
build=$target/widget-build${features:+-$features}
terser=node_modules/.bin/terser

# Paths compiled into the module (a panic location or two even with
# panic=immediate-abort) name no directory of this machine: the checkout
# and the cargo home are remapped, and so are the library sources of the
# nightly, to /rustc/<commit> as in rustup's prebuilt standard library.
# Passed encoded (one flag per 0x1f-separated field): paths with spaces
# stay whole.
cargo_home=${CARGO_HOME:-$HOME/.cargo}
remap=(
  "--remap-path-prefix=$PWD=/readiness"
  "--remap-path-prefix=$cargo_home=/cargo"
)
encode() { local IFS=$'\x1f'; printf '%s' "$*"; }

# 1. Rust -> wasm with the size-tuned `widget` profile (Cargo.toml), twice:
#    the widget itself (feature `widget`: reads packs, never JSON), and the
#    validator (feature `validator`) that only pages with `src` load. With
#    the pinned nightly (scripts/toolchain.env; scripts/install-tools.sh
#    installs it with its rust-src), the standard library is rebuilt with
#    panic=immediate-abort: no panic messages, locations or formatting code
#    ship, about 10 KB gzipped less. Without it, the stable build works the
#    same, only larger.
nightly=false
if rustup component list --toolchain "$WIDGET_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  sysroot=$(rustc "+$WIDGET_NIGHTLY" --print sysroot)
  commit=$(rustc "+$WIDGET_NIGHTLY" -vV | awk '/^commit-hash:/ { print $2 }')
  remap+=("--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rustc/$commit")
  nightly=true
else
  echo "warning: no $WIDGET_NIGHTLY with rust-src (scripts/install-tools.sh installs it); building with stable (larger)" >&2
fi

# build_wasm FEATURE NAME: builds the crate with one feature and copies the
# module to $build/NAME.wasm (both builds write the same file name).
build_wasm() {
  local feature=$1${features:+,$features} name=$2 wasm=
  if $nightly; then
    if CARGO_ENCODED_RUSTFLAGS=$(encode -Zunstable-options -Cpanic=immediate-abort "${remap[@]}") \
      cargo "+$WIDGET_NIGHTLY" build -p readiness-wasm --lib --target wasm32-unknown-unknown --profile widget \
      --no-default-features --features "$feature" -Zbuild-std=std,panic_abort --target-dir "$target/nightly"; then
      wasm=$target/nightly/wasm32-unknown-unknown/widget/readiness_wasm.wasm
      toolchain=$WIDGET_NIGHTLY
      how="$WIDGET_NIGHTLY, std rebuilt with panic=immediate-abort"
    else
      echo "warning: the build with $WIDGET_NIGHTLY failed; building with stable (larger)" >&2
    fi
  fi
  if [ -z "$wasm" ]; then
    CARGO_ENCODED_RUSTFLAGS=$(encode "${remap[@]}") \
      cargo build -p readiness-wasm --lib --target wasm32-unknown-unknown --profile widget \
      --no-default-features --features "$feature"
    wasm=$target/wasm32-unknown-unknown/widget/readiness_wasm.wasm
    toolchain=$(rustup show active-toolchain | awk '{ print $1 }')
    how="stable fallback, larger: panic messages and formatting code included"
  fi
  cp "$wasm" "$build/$name.wasm"
  echo "built $name with $how"
}
rm -rf "$build" && mkdir -p "$build"
build_wasm widget readiness_wasm
build_wasm validator readiness_validate
[ -z "$features" ] && build_wasm studio readiness_studio

rm -rf "$out"
mkdir -p "$out"

# 2. Shrink the modules (the flags are shared with the npm build). They
#    need no JS bindings: they trade strings through exports of their own
#    (wasm/src/exports.rs), and the loader is their glue.
for name in readiness_wasm readiness_validate; do
  bash scripts/wasm-opt.sh "$build/$name.wasm" "$out/${name}_bg.wasm"
done
studio=dist/studio
if [ -z "$features" ]; then
  rm -rf "$studio" && mkdir -p "$studio"
  bash scripts/wasm-opt.sh "$build/readiness_studio.wasm" "$studio/readiness_studio_bg.wasm"
fi

# 3. The loader and its stylesheet, minified (terser; lightningcss, from
#    package-lock.json, with no browser targets: nothing is rewritten for
#    older browsers, a warning fails the build).
minify_css() {
  node -e '
    const { transform } = require("lightningcss");
    const fs = require("fs");
    const [input, output] = process.argv.slice(1);
    const { code, warnings } = transform({ filename: input, code: fs.readFileSync(input), minify: true });
    for (const w of warnings) console.error(`${input}:${w.loc.line}:${w.loc.column}: ${w.message}`);
    if (warnings.length) process.exit(1);
    fs.writeFileSync(output, code);
  ' "$1" "$2"
}
#    The stylesheet goes into the loader (its `const CSS = ''`): one
#    request fewer on the way to the first screen.
#    The comparisons' styles only in the build that has them.
css=www/readiness-check.css
if [[ ,$features, == *,compare,* ]]; then
  cat www/readiness-check.css www/readiness-compare.css >"$build/styles.css"
  css=$build/styles.css
fi
minify_css "$css" "$build/readiness-check.css"
#    So do the words each language needs before its label file arrives
#    (the first four of wasm/labels/<lang>.txt, `const EARLY = {}`), whose
#    keys are the languages the loader accepts: a language is its file.
node -e '
  const fs = require("fs");
  const [loader, css, output, ...labelFiles] = process.argv.slice(1);
  let source = fs.readFileSync(loader, "utf8");
  const early = {};
  for (const file of labelFiles) {
    const lang = file.match(/([a-z]{2,3})\.txt$/)[1];
    const texts = fs.readFileSync(file, "utf8").split("\n").filter((line) => line && !line.startsWith("#"));
    early[lang] = texts.slice(0, 4).map((line) => line.slice(line.indexOf(": ") + 2));
  }
  for (const [slot, value] of [["const CSS = \x27\x27;", fs.readFileSync(css, "utf8")], ["const EARLY = {};", early]]) {
    if (source.split(slot).length !== 2) throw new Error(`${loader}: expected one ${slot}`);
    source = source.replace(slot, () => `${slot.split(" = ")[0]} = ${JSON.stringify(value)};`);
  }
  fs.writeFileSync(output, source);
' www/readiness-check.js "$build/readiness-check.css" "$build/readiness-check.js" wasm/labels/*.txt
"$terser" "$build/readiness-check.js" --module --ecma 2020 --compress --mangle --output "$out/readiness-check.js"

#    The iframe embed, for hosts that allow no scripts in a post, goes
#    beside the widget (dist/embed/), not in it: a page using the script
#    embed never loads it. embed.html + its script and style, and the
#    optional resizer the parent page includes.
embed=dist/embed
if [ -z "$features" ]; then
  rm -rf "$embed" && mkdir -p "$embed"
  for file in embed.js readiness-frame.js; do
    "$terser" "www/embed/$file" --module --ecma 2022 --compress --mangle --output "$embed/$file"
  done
  minify_css www/embed/embed.css "$embed/embed.css"
  cp www/embed/embed.html "$embed/"
fi

# 4. The built-in questionnaire as one pack per language (see
#    core/src/pack.rs): a visitor downloads only the texts of theirs, and
#    the widget reads them without a JSON reader or validator. The CLI
#    checks the questionnaire first: an invalid one fails the build here.
#    The widget's own words (wasm/labels/) ship as labels.<lang>.txt, the
#    texts without their names separated by U+001F (wasm/src/i18n.rs
#    checks the names), one file per language for every questionnaire:
#    built into each pack they would weigh 1.7 KB twice more in
#    dist/widget, for 0.2 KB less per visitor.
#    The first four labels are the loader's (above).
cli=$target/release/readiness
for file in wasm/labels/*.txt; do
  lang=$(basename "$file" .txt)
  # The comparisons' words follow `decimal`: cut without the feature.
  if [[ ,$features, == *,compare,* ]]; then cat "$file"; else sed '/^decimal: /q' "$file"; fi |
    grep -v '^#' | tail -n +5 | sed -E 's/^[a-z_]+: //' | tr '\n' '\037' | sed 's/\x1f$//' \
    >"$out/labels.$lang.txt"
  "$cli" pack --lang "$lang" >"$out/social-media-strategy.$lang.txt"
done

# 5. The studio (dist/studio/), which only marketers load: its pages and
#    scripts as written (www/studio/), the glue to its module, and the
#    built-in questionnaire as JSON to start from.
if [ -z "$features" ]; then
  cp -R www/studio/. "$studio/"
  "$terser" www/studio-core.js --module --ecma 2020 --compress --mangle --output "$studio/studio-core.js"
  "$cli" questionnaire >"$studio/social-media-strategy.json"
fi

# 6. What built it, for the size report (scripts/size-report.mjs).
{
  echo "rustc: $(rustc "+$toolchain" -V)"
  echo "toolchain: $toolchain"
  echo "build: $how"
  echo "wasm-opt: $(node_modules/.bin/wasm-opt --version | awk '{ print $3 }')"
  echo "terser: $("$terser" --version | awk '{ print $2 }')"
} >"$build/toolchain.txt"

echo "built $out:"
ls -l "$out"
echo "with:"
sed 's/^/  /' "$build/toolchain.txt"
