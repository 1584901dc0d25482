#!/usr/bin/python3
"""Web benchmark (issue 11): the daemon's pages and API under wrk, beside Alertmanager's API.

1. A store made real: the fixture feeds are polled into it (a baseline, then the next build of
   Folkeregisteret's feed, which queues real deliveries), then grown by scripts/bench_web_seed.py
   to 10,000 notices, 100,000 deliveries and 1,000,000 probe results.
2. `varselvakt run` (release build) serves it on loopback; wrk (Debian) runs CONNECTIONS clients
   on two threads for DURATION against each path; p50/p99 from wrk's latency distribution.
3. The daemon's RSS (VmRSS after the runs, VmHWM peak) from /proc.
4. The peer, in the same run: Prometheus Alertmanager (Debian) holding 10,000 alerts, its
   /api/v2/alerts (one alert by filter, and all), /api/v2/status and /metrics under the same wrk.

    /usr/bin/python3 scripts/bench_web.py [--connections 20] [--duration 10s] [--skip-peer]
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "..", "shared", "fixtures", "feeds")
BINARY = os.path.join(ROOT, ".build", "release", "varselvakt")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, check, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.05)
    sys.exit(f"bench_web: timed out waiting for {what}")


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench_web: {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def wrk(url, connections, duration):
    out = run("wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", url)
    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"p50_ms": ms("50"), "p99_ms": ms("99"), "rps": rps, "errors": int(non2xx.group(1)) if non2xx else 0}


def rss_kb(pid):
    status = open(f"/proc/{pid}/status").read()
    return {k: int(re.search(rf"{k}:\s+(\d+)", status).group(1)) for k in ("VmRSS", "VmHWM", "RssAnon", "RssFile")}


def prepare_store(folder, web_port):
    feed = os.path.join(folder, "folkeregisteret.xml")
    shutil.copy(os.path.join(FIXTURES, "folkeregisteret-rss-2026-07-03.xml"), feed)
    shutil.copy(os.path.join(FIXTURES, "skatteetaten-atom-2024-01-22.xml"), os.path.join(folder, "api.xml"))
    with open(os.path.join(folder, "subscribers.toml"), "w") as f:
        f.write("""
[[subscriber]]
id = "oslo"
kind = "municipality"
name = "Oslo kommune"
org_number = "974760673"
municipality_number = "0301"
emails = ["drift@oslo.kommune.no"]
all = true
""")
    config = os.path.join(folder, "varselvakt.toml")
    with open(config, "w") as f:
        f.write(f"""
[store]
path = "varselvakt.sqlite"

[[feeds]]
name = "api"
path = "api.xml"

[[feeds]]
name = "folkeregisteret"
path = "folkeregisteret.xml"
apis = ["folkeregisteret"]
interval = "1h"

[subscribers]
path = "subscribers.toml"

[delivery]
file_sink = "outbox"
templates = "{os.path.join(ROOT, 'templates')}"

[email]
url = "smtp://127.0.0.1:25"
security = "none"
from = "varselvakt@ks.no"

[probes]
enabled = false

[web]
listen = "127.0.0.1:{web_port}"
""")
    os.makedirs(os.path.join(folder, "outbox"))
    run(BINARY, "poll", "--config", config)
    shutil.copy(os.path.join(FIXTURES, "folkeregisteret-rss-2026-07-07-1158.xml"), feed)
    run(BINARY, "poll", "--config", config)
    print(run("/usr/bin/python3", os.path.join(ROOT, "scripts", "bench_web_seed.py"), os.path.join(folder, "varselvakt.sqlite")).strip())
    return config


def bench_varselvakt(args, folder):
    port = free_port()
    config = prepare_store(folder, port)
    base = f"http://127.0.0.1:{port}"
    daemon = subprocess.Popen([BINARY, "run", "--config", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for("varselvakt /readyz", lambda: urllib.request.urlopen(base + "/readyz", timeout=1).status == 200)
        notices = json.load(urllib.request.urlopen(base + "/api/v1/notices?limit=1", timeout=10))["items"]
        one = "/notices/" + urllib.parse.quote(notices[0]["id"], safe="")
        rows = []
        for label, path in [
            ("notices page", "/notices"),
            ("notices page, free text", "/notices?q=vedlikehold"),
            ("notices page, one API", "/notices?api=folkeregisteret"),
            ("one notice page", one),
            ("deliveries page", "/deliveries"),
            ("deliveries API", "/api/v1/deliveries"),
            ("deliveries API, dead", "/api/v1/deliveries?status=dead"),
            ("status page", "/"),
            ("/metrics", "/metrics"),
        ]:
            rows.append(("varselvakt", label, path, wrk(base + path, args.connections, args.duration)))
        memory = rss_kb(daemon.pid)
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
    return rows, memory


def bench_alertmanager(args, folder):
    port = free_port()
    with open(os.path.join(folder, "alertmanager.yml"), "w") as f:
        f.write("route:\n  receiver: blackhole\n  group_by: ['alertname']\n  group_wait: 30s\n  group_interval: 5m\n"
                "  repeat_interval: 4h\nreceivers:\n  - name: blackhole\n")
    am = subprocess.Popen(
        ["/usr/bin/prometheus-alertmanager", f"--config.file={folder}/alertmanager.yml", f"--storage.path={folder}/am-data",
         f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn",
         # By default Alertmanager serves max(GOMAXPROCS, 8) GETs at once and answers the rest 503
         # at once: let it take all the clients, as varselvakt does.
         f"--web.get-concurrency={args.connections}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for("alertmanager /-/ready", lambda: urllib.request.urlopen(base + "/-/ready", timeout=1).status == 200)
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
        for batch in range(20):
            alerts = [{"labels": {"alertname": "Driftsvarsel", "notice": f"n{batch * 500 + i}", "api": "folkeregisteret"},
                       "annotations": {"title": "Driftsproblemer Folkeregisteret", "text": "Vi har driftsproblemer" * 10},
                       "startsAt": now, "endsAt": end} for i in range(500)]
            req = urllib.request.Request(base + "/api/v2/alerts", data=json.dumps(alerts).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=30)
        wait_for("10,000 alerts in alertmanager", lambda: len(json.load(urllib.request.urlopen(base + "/api/v2/alerts", timeout=30))) >= 10_000)
        rows = []
        one = "/api/v2/alerts?filter=" + urllib.parse.quote('notice="n42"')
        for label, path in [("one alert by filter", one), ("all 10,000 alerts", "/api/v2/alerts"),
                            ("status", "/api/v2/status"), ("/metrics", "/metrics")]:
            rows.append(("Alertmanager", label, path, wrk(base + path, args.connections, args.duration)))
        memory = rss_kb(am.pid)
    finally:
        am.terminate()
        am.wait(timeout=30)
    return rows, memory


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--skip-peer", action="store_true")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="varselvakt-bench-web-")
    rows, memory = bench_varselvakt(args, folder)
    peer_rows, peer_memory = ([], None) if args.skip_peer else bench_alertmanager(args, folder)
    print(f"\n{args.connections} connections, 2 wrk threads, {args.duration} per path, loopback, release build\n")
    print("| server | what | path | p50 ms | p99 ms | req/s | non-2xx |")
    print("|---|---|---|---|---|---|---|")
    for server, label, path, r in rows + peer_rows:
        print(f"| {server} | {label} | `{path[:60]}` | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['rps']:.0f} | {r['errors']} |")
    for name, m in (("varselvakt", memory), ("Alertmanager", peer_memory)):
        if m:
            print(f"\n{name} RSS after the runs {m['VmRSS'] // 1024} MB (heap and other private {m['RssAnon'] // 1024} MB,"
                  f" mapped files {m['RssFile'] // 1024} MB), peak {m['VmHWM'] // 1024} MB")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
