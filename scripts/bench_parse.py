#!/usr/bin/python3
"""Parse and ingest benchmark, varselvakt side by side with its peers in one run.

For each file (the real Folkeregisteret RSS, the real API Atom feed, and the synthetic
5,000-entry Atom from ../shared/bench/gen_atom.py):
  * xmllint --stream --noout (libxml2's own streaming parse, the floor), fresh process per rep;
  * feedparser.parse() (what rss2email uses), in-process;
  * varselvakt bench parse: parse + extract (text, sanitized HTML, dates), in-process median;
  * varselvakt bench parse --reps 1 as a whole process (start-up included, like xmllint);
  * varselvakt bench ingest: parse, normalise, hash, diff, classify, store into fresh SQLite;
  * varselvakt bench routine-poll: the daemon's poll cycle on the newer real build after the
    previous one was polled (read, parse, diff, classify, store);
and once: varselvakt bench not-modified against a local HTTP server answering 304.
Prints a Markdown table for BENCHMARKS.md and one JSON line; --json-out keeps the raw numbers.
Run it from anywhere: scripts/bench-parse.sh [--reps N] [--json-out PATH].
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
FEEDS = os.path.join(SHARED, "fixtures", "feeds")
BIN = os.path.join(ROOT, ".build", "release", "varselvakt")

ap = argparse.ArgumentParser()
ap.add_argument("--reps", type=int, default=20)
ap.add_argument("--json-out")
args = ap.parse_args()

import feedparser  # noqa: E402  (Debian's python3-feedparser)

work = tempfile.mkdtemp(prefix="varselvakt-bench-parse-")
synthetic = os.path.join(work, "synthetic-atom-5000.xml")
subprocess.run(["/usr/bin/python3", os.path.join(SHARED, "bench", "gen_atom.py"), "--entries", "5000",
                "--out", synthetic], check=True, stdout=subprocess.DEVNULL)
files = {
    "folkeregisteret-rss-2026-07-07-1158.xml (518 items, 0.40 MB)": os.path.join(FEEDS, "folkeregisteret-rss-2026-07-07-1158.xml"),
    "skatteetaten-atom-2024-01-22.xml (42 entries, 0.05 MB)": os.path.join(FEEDS, "skatteetaten-atom-2024-01-22.xml"),
    "synthetic-atom-5000.xml (5,000 entries, 4.9 MB)": synthetic,
}
catalog = os.path.join(ROOT, "config", "catalog.toml")
PREVIOUS = {"folkeregisteret-rss-2026-07-07-1158.xml": os.path.join(FEEDS, "folkeregisteret-rss-2026-07-03.xml")}


def wall(cmd, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return json.loads(out)


rows = []
raw = {}
for label, path in files.items():
    xl = wall(["xmllint", "--stream", "--noout", path], args.reps)
    fp_times = []
    for _ in range(max(3, args.reps // 4)):
        t0 = time.perf_counter()
        feedparser.parse(path)
        fp_times.append(time.perf_counter() - t0)
    fp = statistics.median(fp_times)
    vp = bench_json([BIN, "bench", "parse", path, "--reps", str(args.reps), "--json"])
    vproc = wall([BIN, "bench", "parse", path, "--reps", "1", "--json"], args.reps)
    vi = bench_json([BIN, "bench", "ingest", path, "--reps", str(max(3, args.reps // 4)), "--catalog", catalog, "--json"])
    # A routine poll of the Folkeregisteret feed: the previous real build stored first.
    previous = PREVIOUS.get(os.path.basename(path))
    vr = bench_json([BIN, "bench", "routine-poll", path, "--after", previous, "--reps", str(args.reps), "--catalog", catalog,
                     "--json"]) if previous else None
    raw[label] = {"xmllint_stream_s": xl, "feedparser_s": fp, "varselvakt_parse": vp,
                  "varselvakt_parse_process_s": vproc, "varselvakt_ingest_first_poll": vi, "varselvakt_ingest_routine": vr}
    rows.append((label, xl, fp, vp["median_s"], vproc, vi["median_s"], vr["median_s"] if vr else None))
    print(f"{label}: xmllint {xl:.4f}s feedparser {fp:.4f}s varselvakt parse {vp['median_s']:.4f}s "
          f"(process {vproc:.4f}s) ingest {vi['median_s']:.4f}s", file=sys.stderr)

# 304 cost: a local HTTP server with Last-Modified / If-Modified-Since (the bench harness's feed server).
served = os.path.join(work, "served")
os.makedirs(served)
subprocess.run(["cp", os.path.join(FEEDS, "folkeregisteret-rss-2026-07-07-1158.xml"), os.path.join(served, "feed.xml")], check=True)
server = subprocess.Popen(["/usr/bin/python3", os.path.join(SHARED, "bench", "feed_server.py"), "--dir", served, "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    first = server.stdout.readline().strip()          # READY http=<port>
    port = int(first.split("http=")[1])
    nm = bench_json([BIN, "bench", "not-modified", f"http://127.0.0.1:{port}/feed.xml", "--reps", "200", "--json"])
finally:
    server.terminate()
    server.wait(10)
raw["not_modified"] = nm

print("| file | xmllint --stream (process) | feedparser.parse | varselvakt parse (in-process) | varselvakt parse (process) "
      "| parse / xmllint | ingest, first poll | ingest, routine poll | feedparser / routine ingest |")
print("|---|---|---|---|---|---|---|---|---|")
for label, xl, fp, vp, vproc, vi, vr in rows:
    routine = f"{vr*1000:.1f} ms" if vr else "–"
    ratio = f"{fp/vr:.0f}x" if vr else f"{fp/vi:.0f}x (first poll)"
    print(f"| {label} | {xl*1000:.1f} ms | {fp*1000:.1f} ms | {vp*1000:.1f} ms | {vproc*1000:.1f} ms "
          f"| {vp/xl:.2f}x ({vproc/xl:.2f}x as process) | {vi*1000:.1f} ms | {routine} | {ratio} |")
print()
print(f"304 poll (local HTTP, conditional GET, store write): median wall {nm['median_s']*1000:.3f} ms, "
      f"CPU {nm['cpu_per_poll_ms']} ms per poll, peak RSS {nm['peak_rss_kb']} kB")
print("RESULT bench_parse " + json.dumps(raw, separators=(",", ":")))
if args.json_out:
    with open(args.json_out, "w") as f:
        json.dump(raw, f, indent=1)
