#!/usr/bin/env python3
"""Faults while the daemon works: a full disk, a database locked by a long backup, a webhook
receiver that answers 500 forever. Each runs the real daemon (`varselvakt run`) against the
recording servers in Tests/TestSupport (127.0.0.1 only) and a local Atom feed, and ends with
the same proof: nothing lost, every alert received once, or again only with the same key.

Usage (from the project root, after `swift build --product varselvakt`):
    /usr/bin/python3 scripts/faults_during_work.py [disk-full] [locked] [dead-webhook] [--rounds N]

disk-full     The store lives on its own 16 MiB tmpfs (needs root and a container that allows
              `mount`). After the first alert's webhook failed once, the rest of the file system
              is filled and the WAL emptied, so SQLite's next write gets ENOSPC (SQLITE_FULL).
              A new notice is published. Checked while full: the log names the store file and
              the failed write, /readyz is 503 with "store not writable", notices and outbox rows
              are as before, the receiver is not sent the waiting alert again and again. Then
              the filler is removed and, without a restart: the new notice is stored, its alerts
              are sent, /readyz is 200, every alert reached its receiver once.
locked        Another connection holds `BEGIN IMMEDIATE` (what a backup taking the write lock
              does) for 25 s, more than twice the store's 10 s busy timeout (so the poll's write
              and the outbox's write queued behind it both time out), while a new notice is
              published and an alert waits for a retry. The poll fails with "database is
              locked", is retried and stores the notice after the lock is gone; the outbox holds
              the result it could not record and sends nothing twice.
dead-webhook  `[delivery] max_age = "3s"`: a receiver answering 500 forever beside one that
              works. The first is dead after max_age with its last error in
              `varselvakt deliveries --status dead` and counted in /metrics
              (`varselvakt_outbox_deliveries{status="dead"} 1`); the other was delivered at once.

Prints one RESULT line per scenario and round; exit status 0 only if every check holds.
"""
import argparse
import base64
import email
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faults_kill9 import ROOT, atom, free_port, serve, start_server, write_config  # noqa: E402

BINARY = os.environ.get("VARSELVAKT_BIN", os.path.join(ROOT, ".build", "debug", "varselvakt"))


def wait_for(what, condition, seconds=60):
    """Polls `condition` every 100 ms until it holds; fails the scenario naming `what` if it never does."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class Rig:
    """A folder with a config, feed, SMTP and webhook receivers, and the daemon's web port."""

    def __init__(self, folder, hook_query, delivery_keys, subscribers=2):
        self.folder = folder
        self.smtp, smtp_port = start_server("smtp_server.py")
        self.http, self.http_port = start_server("http_server.py")
        self.mails = []
        threading.Thread(target=self._read_mail, daemon=True).start()
        self.web_port = free_port()
        self.ids = [f"k{index}" for index in range(subscribers)]
        self.config = write_config(
            folder, smtp_port, self.http_port, subscribers, hook_query=hook_query,
            web=f'listen = "127.0.0.1:{self.web_port}"', delivery=delivery_keys, ids=self.ids)
        self.log = os.path.join(tempfile.gettempdir(), f"varselvakt-{os.path.basename(folder)}.log")
        self.daemon = None

    def _read_mail(self):
        for line in self.smtp.stdout:
            self.mails.append(json.loads(line))

    def start(self):
        self.daemon = subprocess.Popen(
            [BINARY, "run", "--config", self.config], stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        wait_for("the web server", lambda: self.get("/healthz")[0] == 200)

    def stop(self):
        if self.daemon:
            self.daemon.terminate()
            self.daemon.wait(timeout=30)
        self.smtp.stdin.close()
        self.http.stdin.close()

    def get(self, path):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError as error:
            return 0, str(error)

    def log_text(self):
        with open(self.log, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def db(self, sql):
        database = sqlite3.connect(f"file:{self.folder}/state.sqlite?mode=ro", uri=True, timeout=30)
        try:
            return database.execute(sql).fetchall()
        finally:
            database.close()

    def rows(self):
        return self.db("SELECT id, idempotencyKey, status, attempts, channel, lastError, subscriberID FROM delivery ORDER BY id")

    def notices(self):
        return self.db("SELECT count(*) FROM notice")[0][0]

    def hooks(self):
        requests = []
        for sid in self.ids:
            url = f"http://127.0.0.1:{self.http_port}/hooklog?id={sid}"
            with urllib.request.urlopen(url, timeout=10) as response:
                requests.extend(json.load(response))
        return requests

    def received_keys(self):
        """Idempotency key -> how many times it arrived (mail and webhook)."""
        keys = [email.message_from_bytes(base64.b64decode(m["data"]))["X-Varselvakt-Idempotency-Key"] for m in self.mails]
        for request in self.hooks():
            keys += [value for name, value in request["headers"] if name.lower() == "varselvakt-idempotency-key"]
        counts = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        return counts


def sent_as_recorded(rows, received):
    """Every row reached its receiver exactly as often as the store counts its attempts: each
    503 answered once, the success once, nothing sent that the store does not know of."""
    wrong = [(r[6], r[4], r[3], received.get(r[1], 0)) for r in rows if received.get(r[1], 0) != r[3]]
    strangers = [key for key in received if key not in {r[1] for r in rows}]
    problems = []
    if wrong:
        problems.append(f"rows received a different number of times than attempted (subscriber, channel, attempts, received): {wrong}")
    if strangers:
        problems.append(f"{len(strangers)} messages with a key no row has")
    return problems


def disk_full(args, round_number):
    mount = tempfile.mkdtemp(prefix="varselvakt-diskfull-")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount], capture_output=True, text=True)
    if done.returncode != 0:
        return {"scenario": "disk-full", "skipped": f"cannot mount a tmpfs here: {done.stderr.strip()}"}
    # k0's webhook fails 3 times, then accepts: it is waiting for a retry when the disk fills.
    rig = Rig(mount, lambda index: "&seq=503,503,503,200" if index == 0 else "",
              'retry_initial = "1s"\nretry_max = "1s"')
    filler = os.path.join(mount, "filler")
    try:
        serve(mount, 3, 0)
        rig.start()
        wait_for("the baseline poll", lambda: rig.notices() == 3)
        serve(mount, 4, 1)
        wait_for("k0's webhook to fail once", lambda: any(r[3] >= 1 and r[2] == "failed" for r in rig.rows()))
        before_rows = rig.rows()
        staged = os.path.join(mount, "staged.xml")
        with open(staged, "w", encoding="utf-8") as out:
            out.write(atom(6))
        # Empty the WAL into the database so the next write must grow it, then fill the disk.
        database = sqlite3.connect(f"{mount}/state.sqlite", timeout=30)
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        with open(filler, "wb") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        full_at = time.time()
        # Two new notices, written before the disk filled: a rename needs no room.
        bump = time.time() + 2
        os.utime(staged, (bump, bump))
        os.replace(staged, os.path.join(mount, "feed.xml"))
        log_hit = wait_for(
            "the log to name the full disk",
            lambda: (lambda lines: lines if any("poll could not be stored" in line for line in lines) else None)(
                [line for line in rig.log_text().splitlines() if "database or disk is full" in line]))
        status, body = wait_for("/readyz to say 503", lambda: (lambda r: r if r[0] == 503 else None)(rig.get("/readyz")))
        # Stay full a while: the poller retries, the outbox must not resend what it could not record.
        time.sleep(args.full_seconds)
        during_rows = rig.rows()
        during_notices = rig.notices()
        during_hooks = rig.received_keys()
        os.remove(filler)
        freed_at = time.time()
        wait_for("the new notices after space returned", lambda: rig.notices() == 6)
        wait_for("every row sent", lambda: (lambda rows: rows and len(rows) == 3 * 2 * 2 and all(r[2] == "sent" for r in rows))(rig.rows()), 90)
        ready = wait_for("/readyz to say 200", lambda: rig.get("/readyz")[0] == 200)
        recovered_s = round(time.time() - freed_at, 2)
        rows = rig.rows()
        received = rig.received_keys()
        problems = []
        if during_notices != 4:
            problems.append(f"{during_notices} notices while full, expected the 4 stored before")
        kept = {r[0]: r for r in during_rows}
        if any(r[0] not in kept or r[1] != kept[r[0]][1] for r in before_rows):
            problems.append("outbox rows written before the disk filled changed or vanished")
        if not any(mount in line and "state.sqlite" in line for line in log_hit):
            problems.append("the log line does not name the store file")
        poll_lines = [line for line in log_hit if "poll could not be stored" in line and "store poll of folkeregisteret" in line]
        if not poll_lines:
            problems.append("no log line says the poll could not be stored")
        if "store not writable" not in body or "database or disk is full" not in body:
            problems.append(f"/readyz body does not say why: {body}")
        problems += sent_as_recorded(rows, received)
        twice = {k: n for k, n in received.items() if n > 1}
        result = {
            "scenario": "disk-full", "round": round_number, "full_for_s": round(freed_at - full_at, 2),
            "log_line": (poll_lines or log_hit)[0][:300], "readyz_while_full": body[:400], "during_hook_keys": len(during_hooks),
            "rows": len(rows), "recovered_s": recovered_s, "ready_again": bool(ready),
            "received_twice_same_key": twice, "problems": problems,
        }
        return result
    finally:
        rig.stop()
        subprocess.run(["umount", mount])


def locked(args, round_number):
    folder = tempfile.mkdtemp(prefix="varselvakt-locked-")
    rig = Rig(folder, lambda index: "&seq=503,200" if index == 0 else "", 'retry_initial = "2s"\nretry_max = "2s"')
    try:
        serve(folder, 3, 0)
        rig.start()
        wait_for("the baseline poll", lambda: rig.notices() == 3)
        serve(folder, 4, 1)
        wait_for("k0's webhook to fail once", lambda: any(r[2] == "failed" for r in rig.rows()))
        backup = sqlite3.connect(f"{folder}/state.sqlite", timeout=30, isolation_level=None)
        backup.execute("BEGIN IMMEDIATE")
        locked_at = time.time()
        serve(folder, 6, 2)
        log_hit = wait_for(
            "the log to say the store is locked",
            lambda: [line for line in rig.log_text().splitlines() if "database is locked" in line], 40)
        time.sleep(max(0.0, args.lock_seconds - (time.time() - locked_at)))
        during_notices = backup.execute("SELECT count(*) FROM notice").fetchone()[0]
        backup.execute("ROLLBACK")
        backup.close()
        released_at = time.time()
        wait_for("the new notices after the lock", lambda: rig.notices() == 6)
        wait_for("every row sent", lambda: (lambda rows: len(rows) == 12 and all(r[2] == "sent" for r in rows))(rig.rows()), 90)
        rows = rig.rows()
        received = rig.received_keys()
        problems = []
        if during_notices != 4:
            problems.append(f"{during_notices} notices while locked, expected 4")
        problems += sent_as_recorded(rows, received)
        twice = {k: n for k, n in received.items() if n > 1}
        return {
            "scenario": "locked", "round": round_number, "locked_for_s": round(released_at - locked_at, 2),
            "log_line": log_hit[0][:300], "rows": len(rows),             "received_twice_same_key": twice, "problems": problems,
        }
    finally:
        rig.stop()


def dead_webhook(args, round_number):
    folder = tempfile.mkdtemp(prefix="varselvakt-deadhook-")
    rig = Rig(folder, lambda index: "&seq=500&text=kaputt" if index == 0 else "",
              'retry_initial = "200ms"\nretry_max = "500ms"\nmax_age = "3s"')
    try:
        serve(folder, 3, 0)
        rig.start()
        wait_for("the baseline poll", lambda: rig.notices() == 3)
        serve(folder, 4, 1)
        started = time.time()
        dead = wait_for("the broken webhook to go dead", lambda: [r for r in rig.rows() if r[2] == "dead"], 30)
        dead_after = round(time.time() - started, 2)
        rows = rig.rows()
        status, metrics = rig.get("/metrics")
        listing = subprocess.run(
            [BINARY, "deliveries", "--config", rig.config, "--status", "dead"], capture_output=True, text=True).stdout
        problems = []
        if len(dead) != 1 or "HTTP 500" not in (dead[0][5] or "") or "gave up after" not in (dead[0][5] or ""):
            problems.append(f"dead rows: {dead}")
        if 'varselvakt_outbox_deliveries{status="dead"} 1' not in metrics:
            problems.append(f"/metrics ({status}) does not count the dead row")
        if "HTTP 500" not in listing:
            problems.append(f"`deliveries --status dead` does not show the error: {listing[:300]}")
        others = [r for r in rows if r[0] != dead[0][0]]
        if not all(r[2] == "sent" and r[3] == 1 for r in others):
            problems.append(f"other deliveries held up: {others}")
        return {
            "scenario": "dead-webhook", "round": round_number, "dead_after_s": dead_after, "attempts": dead[0][3],
            "last_error": dead[0][5], "problems": problems,
        }
    finally:
        rig.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenarios", nargs="*", default=["disk-full", "locked", "dead-webhook"])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--full-seconds", type=float, default=6)
    parser.add_argument("--lock-seconds", type=float, default=25)
    args = parser.parse_args()
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"faults_during_work.py: build first: swift build --product varselvakt ({BINARY})")
    runs = {"disk-full": disk_full, "locked": locked, "dead-webhook": dead_webhook}
    failed = False
    for name in args.scenarios:
        for round_number in range(1, args.rounds + 1):
            try:
                result = runs[name](args, round_number)
            except AssertionError as error:
                result = {"scenario": name, "round": round_number, "problems": [str(error)]}
            print(json.dumps(result))
            ok = not result.get("problems")
            failed = failed or not ok
            print(f"RESULT {name} round={round_number} ok={ok}" + (" skipped" if "skipped" in result else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
