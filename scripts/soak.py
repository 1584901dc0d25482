#!/usr/bin/env python3
"""Soak run: the daemon under steady, varied work for a long time; its resources must stay flat.

Usage (from the project root, after `swift build -c release --product varselvakt`):
    /usr/bin/python3 scripts/soak.py [--minutes 30] [--change-every 3] [--probes 50] [--flapping 10]

Everything on 127.0.0.1:
* a feed served over HTTP (ETag and Last-Modified, so unchanged polls are 304s) that gains a new
  incident notice every --change-every seconds and rewrites an older one every fifth time;
* --probes probe endpoints (the catalog is generated), --flapping of them going down and up
  again on periods of 40 s to 2 min, so incidents open and resolve all the time;
* ten municipalities, each told by e-mail (Tests/TestSupport/smtp_server.py) and signed webhook
  (Tests/TestSupport/http_server.py);
* the web page and JSON API read every two seconds.

Every 30 s it samples the daemon's RSS, open file descriptors, threads, and the SQLite file and
WAL sizes. At the end the feed stops changing, the outbox must drain, and every log line at
warning or above is counted by message. Prints the samples, a summary and one RESULT line.
"""
import argparse
import email.utils
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faults_kill9 import BINARY, ROOT, free_port, start_server  # noqa: E402


class Source:
    """The feed and the probe endpoints, changing with time."""

    def __init__(self, flapping):
        self.lock = threading.Lock()
        self.entries = [self.entry(index, 0) for index in range(5)]
        self.version = 0
        self.modified = time.time()
        self.flapping = flapping
        self.started = time.time()

    @staticmethod
    def entry(index, revision):
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_790_000_000 + index * 600))
        extra = f" Oppdatering {revision}: vi jobber fortsatt med saken." if revision else ""
        return (
            f"<entry><id>urn:soak:{index}</id><title>Feil i Soak API 0 nummer {index}</title>"
            f"<updated>{at}</updated><published>{at}</published>"
            f"<content type=\"html\">&lt;p&gt;Soak API 0 svarer ikke (sak {index}).{extra}&lt;/p&gt;</content></entry>")

    def change(self):
        with self.lock:
            self.version += 1
            index = len(self.entries)
            self.entries.append(self.entry(index, 0))
            if self.version % 5 == 0:
                old = index // 2
                self.entries[old] = self.entry(old, self.version)
            # Keep the feed a feed's size: the oldest fall out (withdrawn after two polls).
            self.entries = self.entries[-60:]
            self.modified = time.time()

    def feed(self):
        with self.lock:
            body = (
                '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                "<title>Soak</title><id>urn:soak</id><updated>2026-11-01T00:00:00Z</updated>\n"
                + "\n".join(reversed(self.entries)) + "\n</feed>\n")
            return body.encode(), f'"v{self.version}"', self.modified

    def probe_up(self, number):
        if number >= self.flapping:
            return True
        period = 40 + number * 9  # seconds, 40 s ... about 2 min
        return int((time.time() - self.started) / period) % 2 == 0


def make_handler(source):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body=b"", headers=()):
            try:
                self.send_response(status)
                for key, value in headers:
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # a probe that timed out and hung up

        def do_GET(self):
            if self.path == "/feed.xml":
                body, etag, modified = source.feed()
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, headers=[("ETag", etag)])
                return self.send(200, body, [
                    ("Content-Type", "application/atom+xml"), ("ETag", etag),
                    ("Last-Modified", email.utils.formatdate(modified, usegmt=True))])
            match = re.fullmatch(r"/probe/(\d+)/?", self.path)
            if match:
                if source.probe_up(int(match.group(1))):
                    return self.send(401, b'{"message":"missing token"}', [("Content-Type", "application/json")])
                return self.send(503, b"down for the soak", [("Content-Type", "text/plain")])
            self.send(404, b"no such path")

    return Handler


def write_files(folder, source_port, smtp_port, hook_port, web_port, probes):
    with open(os.path.join(folder, "catalog.toml"), "w", encoding="utf-8") as out:
        out.write('[probe_defaults]\nenabled = true\nmethod = "GET"\nexpect = ["2xx", 401]\n'
                  'interval = "5s"\ntimeout = "2s"\nfailure_threshold = 2\nsuccess_threshold = 2\ntls_warn_days = 0\n\n')
        for number in range(probes):
            out.write(f'[[apis]]\nid = "soak{number:02d}"\nname = "Soak API {number}"\n'
                      f'url = "http://127.0.0.1:{source_port}/probe/{number}"\n\n')
    with open(os.path.join(folder, "subscribers.toml"), "w", encoding="utf-8") as out:
        for index in range(10):
            sid = f"k{index:02d}"
            apis = ", ".join(f'"{api}"' for api in sorted({"soak00", f"soak{index:02d}"}))
            out.write(
                f'[[subscriber]]\nid = "{sid}"\nkind = "municipality"\nname = "Kommune {index}"\n'
                f'org_number = "974760673"\nmunicipality_number = "{3000 + index}"\n'
                f'emails = ["drift@{sid}.example"]\napis = [{apis}]\n'
                f'[subscriber.webhook]\nurl = "http://127.0.0.1:{hook_port}/hook?id={sid}"\nsecret = "hemmelig-{sid}"\n\n')
    config = os.path.join(folder, "varselvakt.toml")
    with open(config, "w", encoding="utf-8") as out:
        out.write(f"""
[store]
path = "{folder}/state.sqlite"
[catalog]
path = "{folder}/catalog.toml"
[subscribers]
path = "{folder}/subscribers.toml"
[log]
level = "info"
[poll]
interval = "2s"
storm_threshold = 1000
[delivery]
templates = "{ROOT}/templates"
retry_initial = "1s"
allow_private_webhooks = ["127.0.0.1/32"]
[email]
url = "smtp://127.0.0.1:{smtp_port}"
security = "none"
from = "varselvakt@soak.invalid"
[probes]
enabled = true
environment = "production"
retention = "1h"
[web]
enabled = true
listen = "127.0.0.1:{web_port}"
[[feeds]]
name = "soak"
url = "http://127.0.0.1:{source_port}/feed.xml"
apis = ["soak00"]
""")
    return config


def sample(pid, folder):
    def status(key):
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def size(name):
        try:
            return os.path.getsize(os.path.join(folder, name))
        except OSError:
            return 0

    return {
        # RSS is the heap (RssAnon) plus the mapped store file's pages read so far (RssFile,
        # grows with the store and is the kernel's page cache, reclaimable).
        "t_s": None, "rss_kb": status("VmRSS"), "anon_kb": status("RssAnon"), "file_kb": status("RssFile"), "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": len(os.listdir(f"/proc/{pid}/task")), "db_kb": size("state.sqlite") // 1024,
        "wal_kb": size("state.sqlite-wal") // 1024,
    }


def outbox(folder):
    database = sqlite3.connect(f"file:{folder}/state.sqlite?mode=ro", uri=True, timeout=10)
    try:
        return dict(database.execute("SELECT status, count(*) FROM delivery GROUP BY status").fetchall())
    finally:
        database.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--change-every", type=float, default=3)
    parser.add_argument("--probes", type=int, default=50)
    parser.add_argument("--flapping", type=int, default=10)
    parser.add_argument("--sample-every", type=float, default=30)
    args = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"soak.py: build first: swift build -c release --product varselvakt ({BINARY})")
    folder = tempfile.mkdtemp(prefix="varselvakt-soak-")
    source = Source(args.flapping)
    http = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(source))
    threading.Thread(target=http.serve_forever, daemon=True).start()
    smtp, smtp_port = start_server("smtp_server.py")
    hooks, hook_port = start_server("http_server.py")
    mails = []
    threading.Thread(target=lambda: [mails.append(1) for _ in smtp.stdout], daemon=True).start()
    web_port = free_port()
    config = write_files(folder, http.server_address[1], smtp_port, hook_port, web_port, args.probes)
    log = open(os.path.join(folder, "daemon.log"), "w")
    daemon = subprocess.Popen([BINARY, "run", "--config", config], stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, MALLOC_ARENA_MAX="2"))
    base = f"http://127.0.0.1:{web_port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(base + "/readyz", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.1)

    if daemon.poll() is not None:
        sys.exit(f"soak.py: the daemon did not start; see {folder}/daemon.log")
    stop = threading.Event()
    web_errors = []

    def changer():
        while not stop.wait(args.change_every):
            source.change()

    def reader():
        paths = ["/", "/notices", "/deliveries", "/incidents", "/api/v1/notices?limit=20", "/api/v1/status", "/metrics"]
        turn = 0
        while not stop.wait(2):
            path = paths[turn % len(paths)]
            turn += 1
            try:
                with urllib.request.urlopen(base + path, timeout=10) as response:
                    response.read()
            except Exception as error:  # noqa: BLE001 - counted and reported
                web_errors.append(f"{path}: {error}")

    threads = [threading.Thread(target=changer, daemon=True), threading.Thread(target=reader, daemon=True)]
    for thread in threads:
        thread.start()
    started = time.time()
    samples = []
    end = started + args.minutes * 60
    while time.time() < end and daemon.poll() is None:
        row = sample(daemon.pid, folder)
        row["t_s"] = round(time.time() - started)
        row["outbox"] = outbox(folder)
        samples.append(row)
        print(json.dumps(row), flush=True)
        time.sleep(min(args.sample_every, max(0, end - time.time())))
    stop.set()
    # The feed stops changing; the outbox must drain (flapping probes still alert, so wait for
    # nothing pending or failed at one moment rather than for silence).
    drained = False
    deadline = time.time() + 120
    while time.time() < deadline and daemon.poll() is None:
        counts = outbox(folder)
        if counts.get("pending", 0) == 0 and counts.get("failed", 0) == 0:
            drained = True
            break
        time.sleep(0.5)
    final = sample(daemon.pid, folder) if daemon.poll() is None else {}
    final["t_s"] = round(time.time() - started)
    final["outbox"] = outbox(folder)
    alive = daemon.poll() is None
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(timeout=30)
    log.close()
    smtp.stdin.close()
    hooks.stdin.close()
    http.shutdown()

    levels = {}
    for line in open(os.path.join(folder, "daemon.log"), encoding="utf-8", errors="replace"):
        match = re.match(r"\S+ (warning|error|critical) (.*)", line)
        if match:
            message = re.sub(r"\d+", "N", match.group(2))[:160]
            levels[(match.group(1), message)] = levels.get((match.group(1), message), 0) + 1
    first = samples[0] if samples else {}
    summary = {
        "minutes": args.minutes, "alive_to_the_end": alive, "drained": drained, "first": first, "last": final,
        "peak_rss_kb": max((s["rss_kb"] for s in samples), default=0), "mails_received": len(mails),
        "web_errors": len(web_errors), "web_error_examples": web_errors[:3],
        "log": [{"level": level, "count": count, "message": message} for (level, message), count in
                sorted(levels.items(), key=lambda item: -item[1])],
        "folder": folder,
    }
    print(json.dumps(summary, indent=1))
    ok = alive and drained and not web_errors and not any(level in ("error", "critical") for level, _ in levels)
    print(f"RESULT soak minutes={args.minutes} rss_kb={first.get('rss_kb')}->{final.get('rss_kb')} "
          f"anon_kb={first.get('anon_kb')}->{final.get('anon_kb')} "
          f"fds={first.get('fds')}->{final.get('fds')} threads={first.get('threads')}->{final.get('threads')} "
          f"db_kb={first.get('db_kb')}->{final.get('db_kb')} wal_kb={first.get('wal_kb')}->{final.get('wal_kb')} "
          f"outbox={final.get('outbox')} mails={len(mails)} drained={drained} ok={ok}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
