#!/usr/bin/env bash
# Builds varselvakt and runs the daemon on the bundled demo configuration (config/demo.toml):
# SQLite under var/, real feed snapshots from config/snapshots/. Twenty seconds after start the
# Folkeregisteret snapshot is swapped for the next real build (2026-07-03 -> 2026-07-07), so the
# log shows a real poll finding exactly one new notice, and the subscribers of
# config/demo-subscribers.toml get their alerts as files in var/demo/outbox/ (a maildir of
# e-mails and the signed webhook bodies). Ctrl-C stops it cleanly.
#
# The main path today is a status page (Skatteetaten publishes driftsvarsler only there since
# September 2024): scripts/demo_statuspage.py serves a made-up Norwegian status page on
# 127.0.0.1:8765 whose incident moves on by itself (investigating after 20 s, identified after
# 40 s, resolved after 60 s, plus a maintenance announced for tomorrow), so the log and the
# outbox show the first alert, its updates threaded under it, and its resolution.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Build progress ([n/N] lines) stays visible: a first build takes a few minutes.
swift build -c release
# A fresh demo every time: the first poll is the baseline, the swap gives the one new notice.
rm -rf var/demo && mkdir -p var/demo
cp config/snapshots/folkeregisteret-rss-2026-07-03.xml var/demo/folkeregisteret.xml
( sleep 20 && cp config/snapshots/folkeregisteret-rss-2026-07-07-1158.xml var/demo/folkeregisteret.tmp \
    && mv var/demo/folkeregisteret.tmp var/demo/folkeregisteret.xml \
    && echo "demo: swapped in the 2026-07-07 Folkeregisteret snapshot" >&2 ) &
swapper=$!
python3 scripts/demo_statuspage.py 8765 20 &
statuspage=$!
# Wait until the page answers, so the daemon's first poll finds it.
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', 8765), 0.2)" 2>/dev/null && break
  sleep 0.1
done
trap 'kill $swapper $statuspage 2>/dev/null || true' EXIT
echo "demo: alerts appear in var/demo/outbox/ about 20 s after start; in another shell try" >&2
echo "      .build/release/varselvakt deliveries --config config/demo.toml" >&2
.build/release/varselvakt run --config config/demo.toml
