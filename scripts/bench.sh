#!/usr/bin/env bash
# The benchmarks, installing whatever is missing first. They print figures; nothing is
# asserted.
#   1. analysis throughput, native (cargo bench): 1 MB and 10 MB, median of 5 runs
#   2. re-anchoring, native (cargo bench): annotations placed again in randomly edited
#      seeds, with the count of each outcome
#   3. tag latency on a 1 MB article in headless Chromium against the release build:
#      median and worst of 100 tags
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_chromium
cd "$ROOT"

say "analysis throughput (native)"
cargo bench --bench throughput

say "re-anchoring (native)"
cargo bench --bench anchoring

say "tag latency (release build, headless Chromium)"
trunk build --release
node bench/tag-latency.mjs dist 1000000
