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
cat >&2 <<'BANNER'
varselvakt demo: what you will see
  1. The build (a first one takes a few minutes; its [n/N] progress follows).
  2. The daemon starts on config/demo.toml: its first poll of each source is a baseline (stored, no alerts).
  3. A local Norwegian status page (127.0.0.1:8765) has an incident that moves on by itself: after
     20 s "undersøkes", 40 s "identifisert", 60 s "løst", plus a maintenance announced for tomorrow.
     Each step is one alert to the demo subscribers, threaded under the first.
  4. After 20 s the Folkeregisteret feed is swapped for its next real build: exactly one new notice.
  5. Alerts land as files in var/demo/outbox/ (e-mails as a maildir, signed webhook bodies).
  6. KS support's web page: http://127.0.0.1:8080/ (status, notices, who was told).
  Ctrl-C stops it cleanly.
BANNER
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
echo "demo: built; starting. Alerts appear in var/demo/outbox/ about 20 s after start; in another shell try" >&2
echo "      .build/release/varselvakt deliveries --config config/demo.toml   (or open http://127.0.0.1:8080/)" >&2
.build/release/varselvakt run --config config/demo.toml
