#!/usr/bin/env bash
# The delivery benchmark of BENCHMARKS.md, side by side in one run on one machine: one new real
# Folkeregisteret notice fanned out to 1,000 subscribers, by rss2email (SMTP), Prometheus
# Alertmanager (webhooks) and varselvakt (both, then each channel alone), plus the sinks' own
# floor. Uses the harness in ../shared/bench (README.md there). Prints the RESULT lines and
# keeps the raw JSON in bench-results/ (not committed).
#
# usage: scripts/bench-delivery.sh [REPS]        (default 3; about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
bench=../shared/bench
out=$PWD/bench-results/delivery-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
scripts/install-deps.sh --bench
swift build -c release --product varselvakt 2>&1 | { grep -E "error|complete" || true; } | tail -1
daemon="$PWD/scripts/bench-daemon.sh {workdir} {feed_url} {smtp_port} {emails_file} {webhooks_file}"
run() {
  local name=$1; shift
  echo "== $name" >&2
  "$@" --json-out "$out/$name.json" 2> "$out/$name.log" | grep '^RESULT' | tee -a "$out/RESULTS.txt"
}
run rss2email-list       "$bench/peer_rss2email.sh" --reps "$reps"
run alertmanager-routes  "$bench/peer_alertmanager.sh" --reps "$reps"
run varselvakt-both      "$bench/peer_daemon.sh" --name varselvakt --reps "$reps" --cmd "$daemon"
run varselvakt-webhooks  "$bench/peer_daemon.sh" --name varselvakt --reps "$reps" --emails 0 --webhooks 1000 --cmd "$daemon"
run varselvakt-emails    "$bench/peer_daemon.sh" --name varselvakt --reps "$reps" --emails 1000 --webhooks 0 --cmd "$daemon"
echo "== sink-floor" >&2
"$bench/sink_floor.sh" 2> "$out/sink-floor.log" | grep '^RESULT' | tee -a "$out/RESULTS.txt"
echo "== smtp-floor (1,000 private copies of docs/examples/alert-new.eml)" >&2
/usr/bin/python3 scripts/bench_smtp_floor.py --reps "$reps" 2> "$out/smtp-floor.log" | tee -a "$out/RESULTS.txt"
echo "raw results: $out" >&2
