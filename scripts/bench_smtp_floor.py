"""How fast the benchmark's SMTP sink (../shared/bench/sinks/smtp_sink.py) absorbs 1,000 private
copies of a real varselvakt alert (docs/examples/alert-new.eml, about 6 KB), sent by Python's
smtplib over 16 connections: the floor under varselvakt's `emails=1000` figure, which sends the
same number of messages of the same size to the same sink.

usage: /usr/bin/python3 scripts/bench_smtp_floor.py [--n 1000] [--connections 16] [--reps 3]
"""
import argparse
import json
import os
import smtplib
import sys
import threading
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "..", "shared", "bench", "lib"))
import benchlib as B  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=1000)
ap.add_argument("--connections", type=int, default=16)
ap.add_argument("--reps", type=int, default=3)
a = ap.parse_args()
message = open(os.path.join(root, "docs", "examples", "alert-new.eml"), "rb").read()
sinks = B.Sinks(B.mkworkdir("smtp-floor-"), smtp=True, webhook=False)
port = sinks.smtp_port


def worker(first):
    s = smtplib.SMTP("127.0.0.1", port)
    for i in range(first, a.n, a.connections):
        s.sendmail("varselvakt@bench.invalid", [f"sub{i + 1:05d}@bench.invalid"], message)
    s.quit()


times = []
try:
    for rep in range(a.reps):
        sinks.smtp_reset()
        t0 = time.time()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(a.connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        s = sinks.smtp()
        times.append(s["last_ts"] - t0)
        print(json.dumps({"rep": rep + 1, "to_last_s": round(times[-1], 4), "messages": s["messages"]}), file=sys.stderr)
finally:
    sinks.stop()
print(f"RESULT smtp_floor n={a.n} connections={a.connections} bytes={len(message)} reps={a.reps} "
      f"median_to_last_s={B.median(times):.4f}")
