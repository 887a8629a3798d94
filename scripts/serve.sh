#!/usr/bin/env bash
# Serve newsmark on http://127.0.0.1:8080 with the five seed articles loaded, installing
# whatever is missing first. Extra arguments go to `trunk serve` (e.g. --port 9000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
cd "$ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec trunk serve "$@"
