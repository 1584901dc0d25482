#!/usr/bin/env bash
# Web benchmark beside Alertmanager (see scripts/bench_web.py): pages, API and /metrics under wrk
# with 10,000 notices, 100,000 deliveries and 1,000,000 probe results in the store.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
swift build -c release --product varselvakt 2>&1 | grep -E "error|Build complete" || true
exec /usr/bin/python3 scripts/bench_web.py "$@"
