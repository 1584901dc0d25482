#!/usr/bin/env bash
# Builds varselvakt and runs the daemon on the bundled demo configuration (config/demo.toml):
# SQLite under var/, real feed snapshots from config/snapshots/. Twenty seconds after start the
# Folkeregisteret snapshot is swapped for the next real build (2026-07-03 -> 2026-07-07), so the
# log shows a real poll finding exactly one new notice, and the subscribers of
# config/demo-subscribers.toml get their alerts as files in var/demo/outbox/ (a maildir of
# e-mails and the signed webhook bodies). Ctrl-C stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release 2>&1 | grep -E "error|Compiling|Build complete" | tail -3
# A fresh demo every time: the first poll is the baseline, the swap gives the one new notice.
rm -rf var/demo && mkdir -p var/demo
cp config/snapshots/folkeregisteret-rss-2026-07-03.xml var/demo/folkeregisteret.xml
( sleep 20 && cp config/snapshots/folkeregisteret-rss-2026-07-07-1158.xml var/demo/folkeregisteret.tmp \
    && mv var/demo/folkeregisteret.tmp var/demo/folkeregisteret.xml \
    && echo "demo: swapped in the 2026-07-07 Folkeregisteret snapshot" >&2 ) &
swapper=$!
trap 'kill $swapper 2>/dev/null || true' EXIT
echo "demo: alerts appear in var/demo/outbox/ about 20 s after start; in another shell try" >&2
echo "      .build/release/varselvakt deliveries --config config/demo.toml" >&2
.build/release/varselvakt run --config config/demo.toml
