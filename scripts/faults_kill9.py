#!/usr/bin/env python3
"""kill -9 at random points of poll and fan-out, many times, then prove nothing was lost.

Usage (from the project root, after `swift build -c release --product varselvakt`):
    /usr/bin/python3 scripts/faults_kill9.py [--rounds 50] [--seed 7] [--subscribers 10]

Each round adds two notices to a local Atom feed (a new file renamed into place, as a deploy
does), starts the daemon, and kills it with SIGKILL after a random 0-2.5 s: before, during or
after its poll, in the middle of sending the round's alerts over SMTP and webhooks to the
recording servers in Tests/TestSupport (127.0.0.1 only). After the last round the daemon runs
until its outbox is empty. Then:

* every entry of the feed is a stored notice, every new notice has its alerting change, and
  every change has one outbox row per subscriber and channel: nothing lost;
* every outbox row is `sent`, and every one reached its receiver (mail by
  X-Varselvakt-Idempotency-Key, webhook by Varselvakt-Idempotency-Key);
* every message received carries the key of a stored row: a message sent twice (killed after
  sending, before the row was marked sent) carries the same key, so a receiver drops it.

Prints one RESULT line; exit status 0 only if every check holds.
"""
import argparse
import base64
import email
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BINARY = os.environ.get("VARSELVAKT_BIN", os.path.join(ROOT, ".build", "release", "varselvakt"))
SUPPORT = os.path.join(ROOT, "Tests", "TestSupport")


def start_server(script):
    process = subprocess.Popen(
        ["/usr/bin/python3", os.path.join(SUPPORT, script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(process.stdout.readline().strip())
    return process, port


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def atom(count):
    """An Atom feed of `count` incidents about Folkeregisteret, one hour apart."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feiltest</title><id>urn:faults</id>',
        "<updated>2026-11-01T00:00:00Z</updated>",
    ]
    start = 1_790_000_000
    for index in range(count):
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + index * 3600))
        lines.append(
            f"<entry><id>urn:faults:{index}</id><title>Feil i Folkeregisteret nummer {index}</title>"
            f"<updated>{at}</updated><published>{at}</published>"
            f"<content type=\"html\">&lt;p&gt;Folkeregisteret svarer ikke (sak {index}).&lt;/p&gt;</content></entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def serve(folder, count, serial):
    temp = os.path.join(folder, f"incoming-{serial}.xml")
    with open(temp, "w", encoding="utf-8") as out:
        out.write(atom(count))
    bump = time.time() + serial
    os.utime(temp, (bump, bump))
    os.replace(temp, os.path.join(folder, "feed.xml"))


def write_config(folder, smtp_port, http_port, subscribers, hook_query=lambda index: "", web="enabled = false",
                 delivery='retry_initial = "1s"', ids=None):
    """Writes subscribers.toml (each with mail and a webhook on the recording server, whose /hook
    query gets `hook_query(index)` appended) and varselvakt.toml; returns the config's path.
    `web` and `delivery` are the lines of those sections (scripts/faults_during_work.py sets them)."""
    ids = ids or [f"k{index:03d}" for index in range(subscribers)]
    with open(os.path.join(folder, "subscribers.toml"), "w", encoding="utf-8") as out:
        for index, sid in enumerate(ids):
            out.write(
                f'[[subscriber]]\nid = "{sid}"\nkind = "municipality"\nname = "Kommune {index}"\n'
                f'org_number = "974760673"\nmunicipality_number = "{3000 + index}"\n'
                f'emails = ["drift@{sid}.example"]\napis = ["folkeregisteret"]\n'
                f'[subscriber.webhook]\nurl = "http://127.0.0.1:{http_port}/hook?id={sid}{hook_query(index)}"\n'
                f'secret = "hemmelig-{sid}"\n\n')
    config = f"""
[store]
path = "{folder}/state.sqlite"
[catalog]
path = "{ROOT}/config/catalog.toml"
[subscribers]
path = "{folder}/subscribers.toml"
[log]
level = "warning"
[probes]
enabled = false
[web]
{web}
[poll]
interval = "1s"
storm_threshold = 1000
[delivery]
templates = "{ROOT}/templates"
{delivery}
allow_private_webhooks = ["127.0.0.1/32"]
[email]
url = "smtp://127.0.0.1:{smtp_port}"
security = "none"
from = "varselvakt@faults.invalid"
[[feeds]]
name = "folkeregisteret"
url = "file://{folder}/feed.xml"
apis = ["folkeregisteret"]
"""
    path = os.path.join(folder, "varselvakt.toml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(config)
    return path


def rows(folder):
    database = sqlite3.connect(f"file:{folder}/state.sqlite?mode=ro", uri=True, timeout=10)
    try:
        deliveries = database.execute(
            "SELECT idempotencyKey, status, changeID, subscriberID, channel FROM delivery").fetchall()
        notices = database.execute("SELECT count(*) FROM notice").fetchone()[0]
        changes = database.execute("SELECT id, change FROM noticeChange").fetchall()
        return deliveries, notices, changes
    except sqlite3.OperationalError:
        return [], 0, []
    finally:
        database.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--subscribers", type=int, default=10)
    parser.add_argument("--max-delay", type=float, default=2.5)
    args = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"faults_kill9.py: build first: swift build -c release --product varselvakt ({BINARY})")
    random.seed(args.seed)
    folder = tempfile.mkdtemp(prefix="varselvakt-kill9-")
    smtp, smtp_port = start_server("smtp_server.py")
    http, http_port = start_server("http_server.py")
    mails = []

    def read_mail():
        # smtp_server.py prints one JSON line per message: read them as they come, or the pipe
        # fills and the server stops answering.
        for line in smtp.stdout:
            mails.append(json.loads(line))

    reader = threading.Thread(target=read_mail, daemon=True)
    reader.start()

    config = write_config(folder, smtp_port, http_port, args.subscribers)
    entries = 3
    serve(folder, entries, 0)
    # The baseline: the first poll alerts nothing.
    subprocess.run([BINARY, "poll", "--config", config], check=True, stdout=subprocess.DEVNULL)
    kills = []
    for round_number in range(1, args.rounds + 1):
        entries += 2
        serve(folder, entries, round_number)
        daemon = subprocess.Popen([BINARY, "run", "--config", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = random.uniform(0, args.max_delay)
        time.sleep(delay)
        daemon.send_signal(signal.SIGKILL)
        daemon.wait()
        deliveries, _, _ = rows(folder)
        kills.append({"round": round_number, "after_s": round(delay, 3),
                      "sent_rows": sum(1 for d in deliveries if d[1] == "sent"), "rows": len(deliveries)})

    # The last run: no kill; wait for the facts (every row sent, every notice stored).
    daemon = subprocess.Popen([BINARY, "run", "--config", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    expected_rows = (entries - 3) * args.subscribers * 2
    deadline = time.time() + 180
    while time.time() < deadline:
        deliveries, notices, _ = rows(folder)
        if notices == entries and len(deliveries) == expected_rows and all(d[1] == "sent" for d in deliveries):
            break
        time.sleep(0.2)
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(timeout=30)

    deliveries, notices, changes = rows(folder)
    hooks = []
    for index in range(args.subscribers):
        with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/hooklog?id=k{index:03d}", timeout=10) as response:
            hooks.extend(json.load(response))
    smtp.stdin.close()
    http.stdin.close()
    reader.join(timeout=10)

    def header(request, name):
        for key, value in request["headers"]:
            if key.lower() == name.lower():
                return value
        return None

    mail_keys = [email.message_from_bytes(base64.b64decode(m["data"]))["X-Varselvakt-Idempotency-Key"] for m in mails]
    hook_keys = [header(h, "Varselvakt-Idempotency-Key") for h in hooks]
    stored = {d[0]: d for d in deliveries}
    alerting = [c for c in changes if c[1] in ("new", "changed", "withdrawn", "reappeared")]
    per_change = {}
    for d in deliveries:
        per_change[d[2]] = per_change.get(d[2], 0) + 1
    received = {}
    for key in mail_keys + hook_keys:
        received[key] = received.get(key, 0) + 1
    problems = []
    if notices != entries:
        problems.append(f"{notices} notices stored, the feed has {entries}")
    if len(alerting) != entries - 3:
        problems.append(f"{len(alerting)} alerting changes, expected {entries - 3}")
    wrong = [c[0] for c in alerting if per_change.get(c[0], 0) != args.subscribers * 2]
    if wrong:
        problems.append(f"{len(wrong)} changes without one row per subscriber and channel")
    unsent = [d for d in deliveries if d[1] != "sent"]
    if unsent:
        problems.append(f"{len(unsent)} outbox rows not sent: {sorted(set(d[1] for d in unsent))}")
    missing = [k for k in stored if k not in received]
    if missing:
        problems.append(f"{len(missing)} sent rows never reached their receiver")
    strangers = [k for k in received if k not in stored]
    if strangers:
        problems.append(f"{len(strangers)} messages with a key no row has")
    duplicates = sum(count - 1 for count in received.values() if count > 1)
    summary = {
        "rounds": args.rounds, "kills": len(kills), "notices": notices, "alerting_changes": len(alerting),
        "outbox_rows": len(deliveries), "mails_received": len(mail_keys), "webhooks_received": len(hook_keys),
        "resent_with_same_key": duplicates, "lost": len(missing), "problems": problems, "folder": folder,
        "kill_points_s": [k["after_s"] for k in kills],
        "rows_sent_at_each_kill": [k["sent_rows"] for k in kills],
    }
    print(json.dumps(summary))
    print(
        f"RESULT kill9 rounds={args.rounds} notices={notices} changes={len(alerting)} rows={len(deliveries)} "
        f"received={len(mail_keys) + len(hook_keys)} resent_same_key={duplicates} lost={len(missing)} "
        f"ok={not problems}")
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()
