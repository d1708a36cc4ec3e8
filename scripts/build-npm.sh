#!/usr/bin/env bash
# Builds the npm package `readiness-check` into target/npm/package/ and
# packs it into target/npm/readiness-check-<version>.tgz:
#   - the scoring API (cargo feature `api`) as wasm-bindgen's web build, for
#     browsers and bundlers, and its nodejs build, for Node;
#   - the <readiness-check> widget, copied from dist/widget/ (make dist).
# Safe to run again: it starts from an empty target/npm/package every time.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/npm
pkg=$out/package
widget=${WIDGET_DIR:-dist/widget}
wasm_opt=node_modules/.bin/wasm-opt

# The generated types of the questionnaire and the report (npm/*.d.ts) must
# match the core's JSON Schemas before they are compiled into the
# declarations.
node npm/gen-types.mjs --check

# wasm-opt comes from npm's binaryen (scripts/install-tools.sh), never from a
# download by wasm-pack (off in wasm/Cargo.toml) nor from Debian's, too old.
[ -x "$wasm_opt" ] || bash scripts/install-tools.sh

if [ ! -f "$widget/readiness-check.js" ]; then
  echo "error: the widget is not built ($widget/readiness-check.js is missing)." >&2
  echo "       Run \`make dist\` (or scripts/build-widget.sh) first, or set WIDGET_DIR." >&2
  exit 1
fi

# 1. Both builds of the API, with the size-tuned `widget` profile
#    (Cargo.toml; wasm-pack 0.15 takes --profile). `--no-default-features`
#    leaves out whatever the crate builds by default and the API does not
#    need. wasm-pack's own package.json is not used (--no-pack): ours is
#    assembled below; nor its wasm-opt (--no-opt): step 3 runs ours.
wasm-pack --quiet build wasm --profile widget --no-opt --target web --out-dir "../$out/web" --no-pack \
  -- --no-default-features --features api
wasm-pack --quiet build wasm --profile widget --no-opt --target nodejs --out-dir "../$out/node" --no-pack \
  -- --no-default-features --features api

# 2. One wasm file serves both glues: wasm-bindgen emits the same module for
#    both targets (same import names); only the JS loading it differs. If
#    that ever changes, stop rather than ship a module one glue cannot load.
cmp -s "$out/web/readiness_wasm_bg.wasm" "$out/node/readiness_wasm_bg.wasm" || {
  echo "error: the web and nodejs builds produced different wasm modules" >&2
  exit 1
}

rm -rf "$pkg"
mkdir -p "$pkg/lib"

# 3. Shrink it, with the flags of the widget build.
bash scripts/wasm-opt.sh "$out/web/readiness_wasm_bg.wasm" "$pkg/lib/readiness_wasm_bg.wasm"

# 4. package.json, entries, declarations, README and the widget.
version=$(cargo metadata --no-deps --format-version 1 |
  node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
           const p = m.packages.find((p) => p.name === "readiness-wasm");
           console.log(JSON.stringify({ version: p.version, license: p.license, repository: p.repository }))')
node npm/assemble.mjs "$out" "$widget" "$version"

# 5. Pack. The tarball is what `npm install` and `npm publish` would take.
rm -f "$out"/readiness-check-*.tgz
(cd "$pkg" && npm pack --silent --json --pack-destination .. >../pack.json)
node -e '
  const [info] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const f of info.files) console.log(`  ${String(f.size).padStart(8)}  ${f.path}`);
  const kb = (n) => (n / 1000).toFixed(1) + " KB";
  console.log(`${process.argv[2]}/${info.filename}: ${info.files.length} files, ${kb(info.size)} gzipped (the .tgz), ${kb(info.unpackedSize)} unpacked`);
' "$out/pack.json" "$out"
