# The two entry points are `make demo` and `make test` (README.md).
# Every target is safe to run again: installs are skipped when present and
# cargo, npm and the scripts only redo what changed.

SHELL := bash
# Fail a recipe on the first failing command, also inside pipes (| tee).
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
# gzip -9 total of dist/widget, in KB of 1,024 bytes as the budgets count
# them (35 KB is 35,840 B; scripts/size-report.mjs): the two languages'
# packs, their words, and the validator module that only `src` pages load.
# What one visitor downloads is the budget that counts, measured in a
# browser by tests/e2e/budget.test.mjs: 35,840 B for the built-in
# questionnaire in one language, 56 KB for a marketer's `src` file (the
# file aside).
SIZE_LIMIT_KB ?= 60
LOGS := target/test-logs

# The wasm tests' browser: Debian's Chromium through its WebDriver, with the
# flags in wasm/webdriver.json (headless, no sandbox as root, no background
# network traffic on this closed network).
WASM_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/wasm/webdriver.json

.PHONY: help tools dist demo test size bench clean

help:
	@echo "make demo   build the widget and the demo blog into dist/, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test   fmt, clippy, docs, native tests, wasm tests in Chromium, e2e tests, size report"
	@echo "make dist   build only; make size: size report; make bench: core benchmarks; make clean"

tools:
	@echo "== tools"
	bash scripts/install-tools.sh

# The native CLI first (the release profile, as `cargo install` builds it):
# build-widget.sh uses it to write the built-in questionnaire once per
# language.
define build_dist
	@echo "== dist"
	cargo build -p readiness-cli --release
	rm -rf dist
	bash scripts/build-widget.sh
	cp -R www/site/. dist/
	node scripts/minify-css.mjs dist/site.css
endef

dist: tools
	$(build_dist)

demo: dist
	@echo "== demo: open http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	node scripts/serve.mjs --port $(PORT)

# Each stage's output goes to the terminal and to $(LOGS); the summary at
# the end counts the tests each layer ran from those logs.
test: tools
	@mkdir -p $(LOGS) && rm -f $(LOGS)/*.log
	@echo "== fmt"
	cargo fmt --all --check
	@echo "== clippy (native)"
	cargo clippy --workspace --all-targets -- -D warnings
	@echo "== clippy (wasm32)"
	cargo clippy -p readiness-wasm -p readiness-core --features readiness-wasm/api,readiness-wasm/studio \
		--target wasm32-unknown-unknown -- -D warnings
	@echo "== docs"
	RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --workspace
	@echo "== native tests"
	cargo test --workspace 2>&1 | tee $(LOGS)/native.log
	cargo test -p readiness-wasm --features studio --lib studio 2>&1 | tee -a $(LOGS)/native.log
	@echo "== wasm tests (headless Chromium)"
	$(WASM_TEST_ENV) cargo test -p readiness-wasm --target wasm32-unknown-unknown --features api \
		2>&1 | tee $(LOGS)/wasm.log
	$(build_dist)
	@echo "== the widget with the comparisons, for the browser tests (target/widget-compare)"
	WIDGET_FEATURES=compare WIDGET_OUT=target/widget-compare bash scripts/build-widget.sh
	@echo "== e2e tests (playwright-core, Chromium)"
	node --test --test-reporter=spec tests/e2e/ 2>&1 | tee $(LOGS)/e2e.log
	@echo "== npm package (Node, tsc --strict, Vite in Chromium)"
	bash scripts/test-npm.sh 2>&1 | tee $(LOGS)/npm.log
	@echo "== size"
	node scripts/size-report.mjs --limit-kb $(SIZE_LIMIT_KB)
	@echo "== summary"
	@printf 'native tests:  %s passed\n' "$$(awk '/^test result:/ { n += $$4 } END { print n+0 }' $(LOGS)/native.log)"
	@printf 'wasm tests:    %s passed\n' "$$(awk '/^test result:/ { n += $$4 } END { print n+0 }' $(LOGS)/wasm.log)"
	@printf 'npm tests:     %s\n' "$$(grep -E '^npm: ' $(LOGS)/npm.log | tail -n 1)"
	@printf 'e2e tests:     %s passed\n' "$$(awk 'NF == 3 && $$2 == "pass" { n += $$3 } END { print n+0 }' $(LOGS)/e2e.log)"

size:
	node scripts/size-report.mjs --limit-kb $(SIZE_LIMIT_KB)

bench:
	cargo bench -p readiness-core

# The widget's start-up against SurveyJS on the same questionnaire
# (scripts/bench-widget.mjs; not part of `make test`). SurveyJS comes from
# bench/surveyjs's own lock, installed once; dist/ is built if missing.
# BENCH_ARGS='--latency 150 --kbps 1600 --gzip' for a mobile link.
.PHONY: bench-widget
bench-widget:
	[ -d dist/widget ] || $(MAKE) dist
	[ -d bench/surveyjs/node_modules/survey-js-ui ] || npm ci --prefix bench/surveyjs --no-audit --no-fund
	node scripts/bench-widget.mjs $(BENCH_ARGS)

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
