#!/usr/bin/env bash
# The probe-round benchmark: one round over 200 endpoints on 127.0.0.1 (20 of them answer after
# 300 ms), checked by varselvakt's ProbeRunner and, in the same run on the same server, by
# curl --parallel, a Python asyncio loop (raw sockets) and aiohttp. Prints one RESULT line per
# peer (median wall, CPU user+sys, CPU per probe, max RSS); per-repetition JSON goes to stderr.
# A round should take about as long as its slowest probe (0.3 s), not the sum (6 s).
#
# usage: scripts/bench-probes.sh [REPS] [N] [SLOW] [SLOW_MS]     (defaults 5 200 20 300)
# VARSELVAKT_PROBES_CMD overrides how varselvakt is run ({urls} = file of URLs, one per line);
# default: the release build's `varselvakt bench probes {urls}`.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5} n=${2:-200} slow=${3:-20} slow_ms=${4:-300}
scripts/install-deps.sh --bench
cmd=${VARSELVAKT_PROBES_CMD:-}
if [ -z "$cmd" ]; then
  swift build -c release --product varselvakt 2>&1 | { grep -E "error|Compiling|Build complete" || true; } | tail -1
  cmd="$PWD/.build/release/varselvakt bench probes {urls}"
fi
exec /usr/bin/python3 scripts/bench_probes.py --reps "$reps" --n "$n" --slow "$slow" --slow-ms "$slow_ms" --varselvakt "$cmd"
