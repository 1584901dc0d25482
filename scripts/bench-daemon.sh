#!/usr/bin/env bash
# The varselvakt side of ../shared/bench/peer_daemon.sh: writes a config into WORKDIR for the
# harness's feed, SMTP sink and webhook sink, then runs the daemon (release build) in the
# foreground. One subscriber per address / URL, so each mail is private and each webhook signed.
#
# usage (from the project root):
#   ../shared/bench/peer_daemon.sh --name varselvakt \
#     --cmd "$PWD/scripts/bench-daemon.sh {workdir} {feed_url} {smtp_port} {emails_file} {webhooks_file}"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
workdir=$1 feed_url=$2 smtp_port=$3 emails_file=$4 webhooks_file=$5
binary=${VARSELVAKT_BIN:-$root/.build/release/varselvakt}
[ -x "$binary" ] || { echo "bench-daemon.sh: build first: swift build -c release --product varselvakt" >&2; exit 2; }
/usr/bin/python3 "$root/scripts/bench_subscribers.py" "$emails_file" "$webhooks_file" "$workdir/subscribers.toml"
cat > "$workdir/varselvakt.toml" <<TOML
[store]
path = "$workdir/state.sqlite"
[catalog]
path = "$root/config/catalog.toml"
[subscribers]
path = "$workdir/subscribers.toml"
[log]
level = "${VARSELVAKT_LOG_LEVEL:-info}"
[probes]
enabled = false
[poll]
interval = "1s"
[delivery]
templates = "$root/templates"
per_host_concurrency = ${VARSELVAKT_PER_HOST:-16}
# The harness's webhook sink listens on loopback, which the SSRF guard refuses by default.
allow_private_webhooks = ["127.0.0.1/32"]
[email]
url = "smtp://127.0.0.1:$smtp_port"
security = "none"
from = "varselvakt@bench.invalid"
from_name = "KS varselvakt"
[[feeds]]
name = "folkeregisteret"
url = "$feed_url"
apis = ["folkeregisteret"]
max_bytes = "10MiB"
TOML
export MALLOC_ARENA_MAX=2
exec "$binary" run --config "$workdir/varselvakt.toml"
