#!/usr/bin/env bash
# Resident memory of the daemon (`varselvakt run`, release build) on the two real feeds:
# first poll (baseline of 517 + 42 notices), then a swap to the next real Folkeregisteret build
# (one new notice), then idle polling. Prints VmHWM (peak), VmRSS, RssAnon (the process's own
# memory) and RssFile (mapped code of the binary and shared libraries) after SECONDS (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
[ -x .build/release/varselvakt ] || swift build -c release --product varselvakt
work=$(mktemp -d /tmp/varselvakt-rss-XXXXXX)
cp config/snapshots/folkeregisteret-rss-2026-07-03.xml "$work/folkeregisteret.xml"
cat > "$work/varselvakt.toml" <<TOML
[store]
path = "$work/state.sqlite"
[catalog]
path = "$PWD/config/catalog.toml"
[probes]
enabled = false
[poll]
interval = "1s"
[[feeds]]
name = "folkeregisteret"
path = "$work/folkeregisteret.xml"
apis = ["folkeregisteret"]
[[feeds]]
name = "api"
path = "$PWD/config/snapshots/skatteetaten-atom-2024-01-22.xml"
TOML
MALLOC_ARENA_MAX=2 .build/release/varselvakt run --config "$work/varselvakt.toml" 2> "$work/daemon.log" &
pid=$!
sleep 4
cp config/snapshots/folkeregisteret-rss-2026-07-07-1158.xml "$work/next.xml" && mv "$work/next.xml" "$work/folkeregisteret.xml"
sleep "$((secs - 4))"
status=$(grep -E "VmHWM|VmRSS|RssAnon|RssFile" /proc/$pid/status | awk '{printf "%s=%s ", $1, $2}' | tr -d ':')
kill -TERM $pid; wait $pid
new=$(grep -c "] new: " "$work/daemon.log" || true)
echo "RESULT daemon_rss seconds=$secs new_alerts=$new ${status}(kB)"
rm -rf "$work"
