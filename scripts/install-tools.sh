#!/usr/bin/env bash
# Installs what `make dist` and `make test` need, skipping whatever is
# already there, so a second run installs nothing. One line per tool.
set -euo pipefail
cd "$(dirname "$0")/.."

# apt needs root; use sudo only when we are not root already.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# 1. The wasm32 target (rustup is the machine's only toolchain source).
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "ok: rustup target wasm32-unknown-unknown"
else
  echo "installing: rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The pinned nightly (scripts/toolchain.env) with its standard library
#     sources, for the smaller panic=immediate-abort widget build
#     (scripts/build-widget.sh). Optional: if rustup cannot provide it the
#     build falls back to stable, larger.
. scripts/toolchain.env
if rustup component list --toolchain "$WIDGET_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  echo "ok: $WIDGET_NIGHTLY with rust-src (smaller widget build)"
else
  echo "installing: $WIDGET_NIGHTLY with rust-src (smaller widget build; optional)"
  rustup toolchain install "$WIDGET_NIGHTLY" --profile minimal --component rust-src ||
    echo "warning: no $WIDGET_NIGHTLY with rust-src; the widget builds with stable, larger" >&2
fi

# 2. wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock
#    exactly: the CLI refuses modules built by another version.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$want" ] || { echo "error: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  echo "ok: wasm-bindgen-cli ($have)"
else
  echo "installing: wasm-bindgen-cli $want (found: ${have:-none})"
  # Not --locked: the CLI's own lock file pins crates that no longer build
  # with current rustc.
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. wasm-pack, for the npm package's two builds (scripts/build-npm.sh),
#    which name the `widget` profile with --profile: 0.15 has it (older
#    releases may not), so an older one is replaced. The widget's build
#    calls wasm-bindgen directly, and wasm-opt comes from npm, never from
#    wasm-pack's download.
have=$(wasm-pack --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -n "$have" ] && [ "$(printf '%s\n' 0.15.0 "$have" | sort -V | head -n 1)" = 0.15.0 ]; then
  echo "ok: wasm-pack ($have)"
else
  echo "installing: wasm-pack (found: ${have:-none}; need >= 0.15.0)"
  cargo install wasm-pack --locked --force
fi

# 4. npm packages from the committed lock file. npm ci deletes and
#    reinstalls node_modules every time, so it runs only when the lock file
#    changed since the last install (a hash stamp inside node_modules).
stamp=node_modules/.package-lock.sha256
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  echo "ok: npm packages (package-lock.json unchanged)"
else
  echo "installing: npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" >"$stamp"
fi
# Debian's binaryen (wasm-opt 108) produces modules that fail to load;
# only the npm one (>= 116) is used.
wasm_opt_version=$(node_modules/.bin/wasm-opt --version | awk '{ print $3 }')
if [ "${wasm_opt_version:-0}" -lt 116 ]; then
  echo "error: node_modules/.bin/wasm-opt is version $wasm_opt_version, need >= 116" >&2
  exit 1
fi
echo "ok: wasm-opt ($wasm_opt_version, npm binaryen)"

# 5. Debian's Chromium and its WebDriver, for the wasm tests and e2e tests.
#    (A test tool's own browser download fails on this network.)
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "ok: chromium ($(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')), chromedriver"
else
  echo "installing: chromium chromium-driver"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi
