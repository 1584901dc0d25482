#!/usr/bin/env bash
# Parse/ingest/304 benchmark beside xmllint --stream and feedparser (see scripts/bench_parse.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
swift build -c release --product varselvakt 2>&1 | grep -E "error|Build complete" || true
exec /usr/bin/python3 scripts/bench_parse.py "$@"
