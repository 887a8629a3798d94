#!/usr/bin/env bash
# Idempotent installers for everything newsmark's build and tests need. Sourced by
# scripts/serve.sh and scripts/test.sh; each step checks first and prints what it installs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (takes 10-25 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly; Cargo.lock is the
# single place that version is written.
ensure_wasm_bindgen() {
  local want
  want="$(cd "$ROOT" && cargo pkgid wasm-bindgen | sed 's/.*[@#]//')"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] \
    || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $want (the version in Cargo.lock)"
    # Not --locked: its lock file pins a crate version the registry here lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm packages: Playwright, axe-core and binaryen's wasm-opt, exactly as package-lock.json says.
ensure_npm() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Debian's Chromium and ChromeDriver: test tools never download a browser of their own.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium and ChromeDriver are missing; install them with:" >&2
    echo "  sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  say "installing Chromium and ChromeDriver from Debian"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
}

# The independent checkers the annotation tests run: the W3C suite's JSON-Schema assertions
# (jsonschema) and a JSON-LD processor (PyLD), pinned, in target/python (not system-wide).
PYTHON_CHECKERS=("jsonschema==4.26.0" "PyLD==3.3.0")
ensure_python_checkers() {
  if ! PYTHONPATH="$ROOT/target/python${PYTHONPATH:+:$PYTHONPATH}" \
    python3 -c 'import jsonschema, referencing, pyld' 2>/dev/null; then
    say "installing ${PYTHON_CHECKERS[*]} into target/python"
    python3 -m pip install --quiet --disable-pip-version-check --target "$ROOT/target/python" \
      "${PYTHON_CHECKERS[@]}"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm
  ensure_wasm_bindgen
  ensure_trunk
}
