#!/usr/bin/env bash
# Status-page poll benchmark beside curl and Python (see scripts/bench_statuspage.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v curl >/dev/null || { echo "bench-statuspage: curl is needed (apt-get install curl)" >&2; exit 1; }
swift build -c release --product varselvakt 2>&1 | grep -E "error|Build complete" || true
exec /usr/bin/python3 scripts/bench_statuspage.py "$@"
