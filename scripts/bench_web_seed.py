#!/usr/bin/python3
"""Grows a real varselvakt store to the size the web benchmark asks for (issue 11):
10,000 notices, 100,000 deliveries and 1,000,000 probe results by default.

The store must already hold real notices (scripts/bench_web.py polls the fixture feeds into it
first), so every cloned row is a real row with only its keys changed: what the pages render is
what a real notice looks like. Columns are read from the schema (PRAGMA table_info), so the
script follows new migrations; full-text tables kept by triggers fill themselves.

    /usr/bin/python3 scripts/bench_web_seed.py STORE.sqlite [--notices N] [--deliveries N] [--probe-results N]
"""

import argparse
import datetime
import random
import sqlite3
import sys


def columns(db, table):
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def stamp(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"


def clone_notices(db, target):
    notice_cols = columns(db, "notice")
    version_cols = [c for c in columns(db, "noticeVersion") if c != "id"]
    change_cols = [c for c in columns(db, "noticeChange") if c != "id"]
    originals = [row[0] for row in db.execute("SELECT id FROM notice WHERE feedID != 'varselvakt-probes' ORDER BY id")]
    if not originals:
        sys.exit("bench_web_seed: the store holds no notices to clone (poll the fixture feeds first)")
    have = db.execute("SELECT count(*) FROM notice").fetchone()[0]
    change_ids = []
    n = 0
    while have < target:
        source = originals[n % len(originals)]
        new_id = f"{source}#bench{n}"
        n += 1
        select = ", ".join(
            "?" if c == "id" else ("entryID || ?" if c == "entryID" else ("NULL" if c == "cancelsNoticeID" else c))
            for c in notice_cols)
        params = []
        for c in notice_cols:
            if c == "id":
                params.append(new_id)
            elif c == "entryID":
                params.append(f"#bench{n}")
        db.execute(f"INSERT INTO notice ({', '.join(notice_cols)}) SELECT {select} FROM notice WHERE id = ?", (*params, source))
        vsel = ", ".join("?" if c == "noticeID" else c for c in version_cols)
        db.execute(
            f"INSERT INTO noticeVersion ({', '.join(version_cols)}) SELECT {vsel} FROM noticeVersion WHERE noticeID = ?",
            (new_id, source))
        csel = ", ".join("?" if c == "noticeID" else c for c in change_cols)
        db.execute(
            f"INSERT INTO noticeChange ({', '.join(change_cols)}) SELECT {csel} FROM noticeChange WHERE noticeID = ?",
            (new_id, source))
        change_ids.append((db.execute("SELECT last_insert_rowid()").fetchone()[0], new_id))
        have += 1
    return change_ids


def clone_deliveries(db, target, changes):
    cols = [c for c in columns(db, "delivery") if c != "id"]
    template = db.execute("SELECT id FROM delivery ORDER BY id LIMIT 1").fetchone()
    if not template:
        sys.exit("bench_web_seed: the store holds no delivery to clone (the benchmark's second poll queues some)")
    if not changes:
        changes = [tuple(r) for r in db.execute("SELECT id, noticeID FROM noticeChange")]
    have = db.execute("SELECT count(*) FROM delivery").fetchone()[0]
    rng = random.Random(11)
    statuses = ["sent"] * 90 + ["dead"] * 4 + ["failed"] * 3 + ["pending"] * 3
    start = datetime.datetime(2026, 1, 1)
    # Waiting deliveries are due far ahead: the daemon under test must not start sending them.
    overrides = {"changeID", "noticeID", "idempotencyKey", "status", "createdAt", "attempts", "nextAttemptAt"}
    select = ", ".join("?" if c in overrides else c for c in cols)
    i = 0
    while have < target:
        change_id, notice_id = changes[i % len(changes)]
        values = {
            "changeID": change_id, "noticeID": notice_id, "idempotencyKey": f"bench-{i}",
            "status": rng.choice(statuses), "createdAt": stamp(start + datetime.timedelta(minutes=5 * i)),
            "attempts": rng.randint(1, 6),
        }
        values["nextAttemptAt"] = "2099-01-01 00:00:00.000" if values["status"] in ("pending", "failed") else None
        db.execute(
            f"INSERT INTO delivery ({', '.join(cols)}) SELECT {select} FROM delivery WHERE id = ?",
            (*[values[c] for c in cols if c in overrides], template[0]))
        i += 1
        have += 1


def add_probe_results(db, target):
    have = db.execute("SELECT count(*) FROM probeResult").fetchone()[0]
    start = datetime.datetime(2026, 11, 1)
    rows = []
    for i in range(have, target):
        up = i % 97 != 0
        rows.append((
            ["folkeregisteret", "inntekt", "restanser", "summertskattegrunnlag"][i % 4], "production",
            "https://api.skatteetaten.no/health", stamp(start + datetime.timedelta(seconds=i)), 1 if up else 0,
            200 if up else 503, None if up else "status", None if up else "HTTP 503", 0.001, 0.002, 0.01, 0.03, 0.04))
        if len(rows) == 50_000:
            db.executemany(
                "INSERT INTO probeResult (api, environment, url, at, up, status, cause, detail, dns, connect, tls, firstByte, total)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows = []
    if rows:
        db.executemany(
            "INSERT INTO probeResult (api, environment, url, at, up, status, cause, detail, dns, connect, tls, firstByte, total)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--deliveries", type=int, default=100_000)
    parser.add_argument("--probe-results", type=int, default=1_000_000)
    args = parser.parse_args()
    db = sqlite3.connect(args.store)
    with db:
        changes = clone_notices(db, args.notices)
        clone_deliveries(db, args.deliveries, changes)
        add_probe_results(db, args.probe_results)
    db.execute("PRAGMA optimize")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("notice", "delivery", "probeResult")}
    print(f"bench_web_seed: {counts['notice']} notices, {counts['delivery']} deliveries, {counts['probeResult']} probe results")


if __name__ == "__main__":
    main()
