#!/usr/bin/env bash
# Tries the npm package as a new user would: packs it (build-npm.sh), then
# in a fresh temporary project installs the tarball and
#   1. scores every shared vector in Node (ESM; and once through `require`);
#   2. type-checks a typed example (tests/npm/example.ts, example-require.cts)
#      and the real outputs of every function (shapes.ts) with tsc --strict
#      against the tarball's declarations, then runs the example;
#   3. builds a Vite page that uses the API and the widget folder, and
#      checks in Chromium that both show the vector's score, and so does a
#      page that imports the package without a bundler.
# Ends with "npm: N passed, M failed"; exits non-zero on any failure.
# Needs the network only for npm's registry, and only when
# tests/npm/package-lock.json changed since its last install.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/tests/npm
export npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false

# The test tools (tsc, vite) from their lock, reinstalled only when the lock
# changes; playwright-core is the repository's (scripts/install-tools.sh).
stamp=$tools/node_modules/.package-lock.sha256
lock_hash=$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  (cd "$tools" && npm ci --silent)
  echo "$lock_hash" >"$stamp"
fi
[ -d node_modules/playwright-core ] || bash scripts/install-tools.sh

bash scripts/build-npm.sh
tarball=$(ls "$root"/target/npm/readiness-check-*.tgz)

project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
cd "$project"
npm init -y >/dev/null
npm pkg set type=module
# Offline: the package has no dependencies, and must not grow one unnoticed.
npm install --offline --silent "$tarball"
cp "$tools"/{vectors.mjs,shapes.mjs,example.ts,example-require.cts} .
cp -R "$tools"/page/. .
vector=$root/tests/vectors/builtin-mixed-en.json
# The pages score this vector's answers. The widget folder is served as it
# is, as the README tells Vite users to do; so is the whole package for the
# page without a bundler (public/plain.html).
node -e 'const fs = require("fs"); fs.writeFileSync("answers.json", JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1])).answers))' "$vector"
cp answers.json public/
cp -R node_modules/readiness-check/widget public/readiness-check
cp -R node_modules/readiness-check public/readiness-check-package

# Runs one check and carries on after a failure. A runner whose last line
# is "<word>: N passed, M failed" counts its own checks; any other command
# counts as one.
total_passed=0
total_failed=0
check() {
  local name=$1 out=$project/.check.log status=0 passed=0 failed=0
  shift
  echo "== $name"
  "$@" 2>&1 | tee "$out" || status=$?
  if [[ $(tail -n 1 "$out") =~ ^[a-z]+:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=${BASH_REMATCH[1]}
    failed=${BASH_REMATCH[2]}
  elif [ "$status" -eq 0 ]; then
    passed=1
  fi
  # Failing without a failure counted (a crash, a plain command) is one.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

tsc=$tools/node_modules/.bin/tsc
vite=$tools/node_modules/.bin/vite

check "Node: the shared vectors" node vectors.mjs "$root"
check "types: example.ts, example-require.cts and every function's real output (tsc --strict, Node)" \
  bash -c "node shapes.mjs '$root' && '$tsc' --strict --noEmit --module nodenext --target es2022 \
    --types node --typeRoots '$tools/node_modules/@types' example.ts example-require.cts shapes.ts"
check "example.ts runs" \
  bash -c "'$tsc' --strict --module nodenext --target es2022 --types node --typeRoots '$tools/node_modules/@types' \
    --outDir example-js example.ts && node example-js/example.js"
check "types: the Vite page (tsc --strict, bundler, DOM)" \
  "$tsc" --strict --noEmit --module esnext --moduleResolution bundler --target es2022 --lib es2022,dom \
  --resolveJsonModule main.ts widget-page.ts
check "vite build" "$vite" build --logLevel warn
check "Chromium: the page and the widget" node "$tools/browser.mjs" dist "$vector"

echo "npm: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
