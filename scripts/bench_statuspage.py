#!/usr/bin/python3
"""Status-page poll benchmark (issue 9): varselvakt beside curl and Python, in one run.

Starts scripts/bench_statuspage_server.py (a generated Norwegian page: 50 incidents in
incidents.json, 50 scheduled maintenances in scheduled-maintenances.json, strong ETags, 304 on
If-None-Match, /__advance adds one update to the newest incident) and times, one after another
against that one server:

  * varselvakt bench statuspage-poll: the daemon's PollCycle on a fresh SQLite store with
    config/catalog.toml. Unchanged poll = both documents 304 (poll log and feed state written);
    changed poll = incidents.json 200 (one new update), maintenances 304 with its stored body,
    decode both, diff 100 entries, classify and store the 1 changed notice, store the document.
    Wall and CPU (getrusage, all threads) per poll inside the process; medians.
  * curl -s, a whole process per rep, both documents in one command line (one connection):
    unconditional (200, both bodies) and with If-None-Match (304, both).
  * Python json.load of both documents, in-process, from bytes already in memory.
  * Python urllib "poll", in-process: conditional GET of both documents with the ETags from the
    previous poll, json.load of both bodies (the stored one for a 304) when anything changed.
    Unchanged = both 304; changed = the server advanced first (untimed), so incidents 200 and
    maintenances 304, as varselvakt sees it. No diff, no store: the floor of a Python poller.

CPU: varselvakt, getrusage of its own process around each poll; curl, wait4's rusage of each
child; Python in-process, time.process_time() (the server is another process, never counted).
Prints a Markdown table for BENCHMARKS.md and one JSON line (RESULT bench_statuspage ...).
Usage: scripts/bench-statuspage.sh [--reps N] [--json-out PATH]
"""
import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, ".build", "release", "varselvakt")
CATALOG = os.path.join(ROOT, "config", "catalog.toml")
INCIDENTS = "/api/v2/incidents.json"
MAINTENANCES = "/api/v2/scheduled-maintenances.json"

ap = argparse.ArgumentParser()
ap.add_argument("--reps", type=int, default=50)
ap.add_argument("--json-out")
args = ap.parse_args()
reps = args.reps


def med_ms(values):
    return statistics.median(values) * 1000


BUILDERS = {"swift-build", "swift-frontend", "swiftc", "swift-driver", "clang", "cc1", "cc1plus", "ld", "ld.gold",
            "ld.lld", "gcc", "g++", "rustc", "cargo", "go", "make", "ninja"}


def machine_note(label):
    """Load average and any compiler or build tool running beside the benchmark."""
    load = os.getloadavg()
    ps = subprocess.run(["ps", "-eo", "pid,comm"], capture_output=True, text=True).stdout.splitlines()[1:]
    builders = sorted({line.split(None, 1)[1] for line in ps if line.split(None, 1)[1] in BUILDERS})
    print(f"[{label}] load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; build tools running: "
          + (", ".join(builders) or "none"), file=sys.stderr)
    return {"loadavg": load, "build_tools_running": builders}


def child(cmd):
    """Runs cmd as a whole process: (wall seconds, CPU seconds user+sys, stdout)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, out.decode()


def get(url, etag=None):
    """(status, body, etag) by urllib; 304 comes back as an HTTPError."""
    req = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, resp.read(), resp.headers.get("ETag")
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return 304, None, e.headers.get("ETag") or etag
        raise


server = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "bench_statuspage_server.py"), "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
raw = {"reps": reps, "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
try:
    ready = dict(kv.split("=") for kv in server.stdout.readline().split()[1:])
    base = f"http://127.0.0.1:{ready['http']}"
    raw["server"] = ready
    print(f"server {base}: incidents.json {int(ready['incidents_bytes']):,} bytes, "
          f"scheduled-maintenances.json {int(ready['maintenances_bytes']):,} bytes", file=sys.stderr)
    raw["machine_before"] = machine_note("before")

    # 1. varselvakt: the daemon's poll cycle, unchanged and changed.
    out = child([BIN, "bench", "statuspage-poll", base, "--reps", str(reps), "--catalog", CATALOG, "--json"])[2]
    vv = json.loads(out.strip().splitlines()[-1])
    raw["varselvakt"] = vv
    print(f"varselvakt: unchanged {vv['unchanged_wall_ms']} ms wall / {vv['unchanged_cpu_ms']} ms CPU, "
          f"changed {vv['changed_wall_ms']} ms wall / {vv['changed_cpu_ms']} ms CPU", file=sys.stderr)

    # Current bodies and ETags (after varselvakt's advances).
    _, inc_body, inc_etag = get(base + INCIDENTS)
    _, mnt_body, mnt_etag = get(base + MAINTENANCES)
    raw["bytes"] = {"incidents": len(inc_body), "maintenances": len(mnt_body)}

    # 2. curl, a whole process per rep, both documents in one command line.
    c200 = [child(["curl", "-s", "-w", "%{http_code}\n", "-o", "/dev/null", base + INCIDENTS,
                   "-o", "/dev/null", base + MAINTENANCES]) for _ in range(reps)]
    assert all(r[2].split() == ["200", "200"] for r in c200), c200[0][2]
    c304 = [child(["curl", "-s", "-w", "%{http_code}\n", "-o", "/dev/null", "-H", f"If-None-Match: {inc_etag}",
                   base + INCIDENTS, "--next", "-s", "-w", "%{http_code}\n", "-o", "/dev/null", "-H",
                   f"If-None-Match: {mnt_etag}", base + MAINTENANCES]) for _ in range(reps)]
    assert all(r[2].split() == ["304", "304"] for r in c304), c304[0][2]
    raw["curl_200"] = {"wall_ms": med_ms([r[0] for r in c200]), "cpu_ms": med_ms([r[1] for r in c200])}
    raw["curl_304"] = {"wall_ms": med_ms([r[0] for r in c304]), "cpu_ms": med_ms([r[1] for r in c304])}

    # 3. Python json.load of both documents, from memory.
    jl_wall, jl_cpu = [], []
    for _ in range(reps):
        w0, c0 = time.perf_counter(), time.process_time()
        a = json.load(io.BytesIO(inc_body))
        b = json.load(io.BytesIO(mnt_body))
        jl_wall.append(time.perf_counter() - w0)
        jl_cpu.append(time.process_time() - c0)
        assert len(a["incidents"]) == 50 and len(b["scheduled_maintenances"]) == 50
    raw["python_json_load"] = {"wall_ms": med_ms(jl_wall), "cpu_ms": med_ms(jl_cpu)}

    # 4. Python urllib poll: conditional GET of both, json.load of both when anything changed.
    state = {INCIDENTS: (inc_etag, inc_body), MAINTENANCES: (mnt_etag, mnt_body)}

    def urllib_poll():
        changed = False
        for path in (INCIDENTS, MAINTENANCES):
            status, body, etag = get(base + path, state[path][0])
            if status == 200:
                state[path] = (etag, body)
                changed = True
        if changed:
            json.load(io.BytesIO(state[INCIDENTS][1]))
            json.load(io.BytesIO(state[MAINTENANCES][1]))
        return changed

    def timed(fn):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        return time.perf_counter() - w0, time.process_time() - c0, result

    u304 = [timed(urllib_poll) for _ in range(reps)]
    assert not any(r[2] for r in u304), "urllib: an unchanged poll saw a change"
    uchg = []
    for _ in range(reps):
        get(base + "/__advance")
        uchg.append(timed(urllib_poll))
    assert all(r[2] for r in uchg), "urllib: a changed poll saw no change"
    raw["python_urllib_304"] = {"wall_ms": med_ms([r[0] for r in u304]), "cpu_ms": med_ms([r[1] for r in u304])}
    raw["python_urllib_changed"] = {"wall_ms": med_ms([r[0] for r in uchg]), "cpu_ms": med_ms([r[1] for r in uchg])}
    raw["machine_after"] = machine_note("after")
finally:
    server.terminate()
    server.wait(10)

kb = raw["bytes"]
print(f"Page: incidents.json {kb['incidents']/1000:.0f} kB (50 incidents), scheduled-maintenances.json "
      f"{kb['maintenances']/1000:.0f} kB (50 maintenances); {reps} reps of every row; medians.")
print()
print("| peer | unchanged poll (both 304): wall | CPU | changed poll (one new update): wall | CPU |")
print("|---|---|---|---|---|")


def f(v):
    return "–" if v is None else f"{float(v):.2f} ms"


rows = [
    ("**varselvakt poll** (PollCycle: fetch both, decode, diff 100, classify, store; in-process)",
     vv["unchanged_wall_ms"], vv["unchanged_cpu_ms"], vv["changed_wall_ms"], vv["changed_cpu_ms"]),
    ("curl -s, both documents, whole process (304: If-None-Match; changed: unconditional 200 of both)",
     raw["curl_304"]["wall_ms"], raw["curl_304"]["cpu_ms"], raw["curl_200"]["wall_ms"], raw["curl_200"]["cpu_ms"]),
    ("Python json.load of both documents (in-process, from memory)", None, None,
     raw["python_json_load"]["wall_ms"], raw["python_json_load"]["cpu_ms"]),
    ("Python urllib poll: conditional GET of both + json.load of both (in-process, no diff, no store)",
     raw["python_urllib_304"]["wall_ms"], raw["python_urllib_304"]["cpu_ms"],
     raw["python_urllib_changed"]["wall_ms"], raw["python_urllib_changed"]["cpu_ms"]),
]
for label, uw, uc, cw, cc in rows:
    print(f"| {label} | {f(uw)} | {f(uc)} | {f(cw)} | {f(cc)} |")
print()
print(f"varselvakt stage split (wall, median): both documents fetched unconditionally at once "
      f"{float(vv['fetch_200_wall_ms']):.2f} ms; both bodies decoded into {vv['entries']} entries "
      f"{float(vv['decode_wall_ms']):.2f} ms (of which JSONDecoder into the Statuspage values {float(vv['json_decode_wall_ms']):.2f} ms); stored validators read (every poll, before its conditional GETs) "
      f"{float(vv['load_documents_wall_ms']):.2f} ms, changed document written (changed polls) "
      f"{float(vv['save_documents_wall_ms']):.2f} ms; priming (first) poll {float(vv['prime_wall_ms']):.1f} ms; "
      f"wall p10-p90: unchanged {vv['unchanged_wall_p10_ms']}-{vv['unchanged_wall_p90_ms']} ms, changed "
      f"{vv['changed_wall_p10_ms']}-{vv['changed_wall_p90_ms']} ms; CPU per poll, mean: unchanged {vv['unchanged_cpu_mean_ms']} ms, changed {vv['changed_cpu_mean_ms']} ms; "
      f"peak RSS {int(vv['peak_rss_kb'])/1024:.1f} MB")
print("RESULT bench_statuspage " + json.dumps(raw, separators=(",", ":"), ensure_ascii=False))
if args.json_out:
    with open(args.json_out, "w") as out_file:
        json.dump(raw, out_file, indent=1, ensure_ascii=False)
