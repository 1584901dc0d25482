#!/usr/bin/env python3
"""Turn the hand-written label lines in scripts/labels/raw/*.txt into labels/folkeregisteret.labels.json.

Each raw line (written by READING the notice printed by extract_notices.py at that index):
    INDEX | kinds | apis | window | environment | note
  kinds:       comma-separated, first = the one a reader would pick first
  apis:        F (= Folkeregisteret), * , null, or display names separated by ';'
  window:      -  or  START/END  (Oslo wall clock YYYY-MM-DDTHH:MM; END may be -)
  environment: test | both | production
  note:        optional free text
The id, title and published date come from the notice itself (newest build's text); split is
deterministic: SHA-1 of the id, "holdout" when its first byte < 0x4D (about 30 %), else "dev".
"""
import glob, hashlib, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_notices import load, DEFAULT_FEEDS

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "labels", "folkeregisteret.labels.json"))
KINDS = {"incident", "resolved", "maintenance", "change", "news", "cancelled"}
ENVS = {"test", "both", "production"}


def split_of(notice_id):
    return "holdout" if hashlib.sha1(notice_id.encode("utf-8")).digest()[0] < 0x4D else "dev"


def parse(line, where):
    parts = [p.strip() for p in line.split("|")]
    parts += [""] * (6 - len(parts))
    idx, kinds, apis, window, env, note = parts[:6]
    kinds = [k.strip() for k in kinds.split(",") if k.strip()]
    assert kinds and set(kinds) <= KINDS, f"{where}: kinds {kinds}"
    if apis == "null":
        apis = None
    else:
        apis = ["Folkeregisteret" if a.strip() == "F" else a.strip() for a in apis.split(";") if a.strip()]
        assert apis, f"{where}: apis"
    if window == "-":
        window = None
    else:
        start, end = window.split("/")
        window = [start, None if end == "-" else end]
    assert env in ENVS, f"{where}: environment {env!r}"
    return int(idx), kinds, apis, window, env, note


def main():
    notices, _ = load(DEFAULT_FEEDS)
    labels = {}
    for path in sorted(glob.glob(os.path.join(HERE, "raw", "*.txt"))):
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            idx, kinds, apis, window, env, note = parse(line, f"{os.path.basename(path)}:{n}")
            assert idx not in labels, f"index {idx} labelled twice"
            nt = notices[idx]
            rec = {"id": nt["id"], "title": nt["title"], "kinds": kinds, "apis": apis, "window_oslo": window,
                   "environment": env, "published": nt["published"], "split": split_of(nt["id"])}
            if note:
                rec["note"] = note
            labels[idx] = rec
    out = [labels[i] for i in sorted(labels)]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    dev = sum(r["split"] == "dev" for r in out)
    print(f"{len(out)} of {len(notices)} notices labelled ({dev} dev, {len(out) - dev} holdout) -> {OUT}")


if __name__ == "__main__":
    main()
