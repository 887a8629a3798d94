#!/usr/bin/env bash
# Print the size of the release wasm in dist/, raw and gzipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for f in dist/*.wasm; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  awk -v f="$(basename "$f")" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "wasm size: %s %d bytes (%.0f KiB) raw, %d bytes (%.0f KiB) gzipped\n", f, r, r/1024, g, g/1024 }'
done
