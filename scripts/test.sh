#!/usr/bin/env bash
# Run every test of newsmark, installing whatever is missing first:
#   1. native unit and integration tests (cargo test), with the W3C annotation test suite
#      and a JSON-LD round trip run on the exports
#   2. clippy for the native and the wasm32 target, warnings denied
#   3. browser tests (wasm-bindgen-test in headless Chromium)
#   4. the release build (trunk build --release) and its size
#   5. end-to-end tests (Playwright in headless Chromium against dist/ on 127.0.0.1)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_chromium
ensure_python_checkers
cd "$ROOT"

say "native tests"
cargo test

say "analysis quality on the seeds (gold labels)"
cargo test -q --test native gold -- --nocapture --test-threads=1 2>&1 \
  | grep -E '^(claims|entities|quotes|numbers)[: ]|accuracy|boilerplate detected'

say "entity model on the development data (typed overlap F1 per source)"
cargo test -q --test native ner::dev_scores -- --nocapture 2>&1 | grep -E '^(dev |ner dev:)'

say "quotes and speakers on the development data (ECB+ news, data/quotes)"
cargo test -q --test native quotes_dev::quotes_dev -- --nocapture 2>&1 | grep -E '^quotes dev'

say "clippy (native and wasm32), warnings denied"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

say "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

say "release build"
trunk build --release
scripts/size.sh

say "end-to-end tests (Playwright, headless Chromium)"
npx playwright test
node -e '
  const r = require("./test-results/e2e.json").stats;
  console.log(`e2e: ${r.expected + r.flaky} passed, ${r.unexpected} failed, ${r.skipped} skipped`);'
