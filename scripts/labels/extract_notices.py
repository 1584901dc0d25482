#!/usr/bin/env python3
"""Print every distinct notice of the Folkeregisteret RSS fixture builds, compactly, for labelling.

Union by guid over ../shared/fixtures/feeds/folkeregisteret-rss-*.xml; when a guid appears in several
builds, the NEWEST build's text is kept (file names sort by build time). Order: as in the newest build
containing them, newest builds first (so roughly newest notice first).

usage: extract_notices.py [--feeds DIR] [--start N] [--count N] [--ids-only] [--json] [--variants]
"""
import argparse, glob, html, json, os, re, sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FEEDS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "fixtures", "feeds"))


def plain(desc):
    """HTML description -> plain text (entities decoded, tags dropped, whitespace folded)."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</h\d>", "\n", desc or "")
    text = re.sub(r"(?i)<li[^>]*>", "- ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    lines = [re.sub(r"[ \t\u00a0]+", " ", l).strip() for l in text.split("\n")]
    return "\n".join(l for l in lines if l)


def iso(pub):
    if not pub:
        return None
    try:
        return parsedate_to_datetime(pub.strip()).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return None


def load(feeds_dir):
    files = sorted(glob.glob(os.path.join(feeds_dir, "folkeregisteret-rss-*.xml")))
    notices, order, variants = {}, [], {}
    for path in reversed(files):  # newest build first
        build = os.path.basename(path)
        for item in ET.parse(path).getroot().iter("item"):
            guid = (item.findtext("guid") or item.findtext("link") or "").strip()
            rec = {
                "id": guid,
                "title": (item.findtext("title") or "").strip(),
                "published": iso(item.findtext("pubDate")),
                "text": plain(item.findtext("description")),
                "build": build,
            }
            if guid not in notices:
                notices[guid] = rec
                order.append(guid)
            else:
                newest = notices[guid]
                if (rec["title"], rec["text"]) != (newest["title"], newest["text"]):
                    variants.setdefault(guid, []).append(rec)
                if newest["published"] is None and rec["published"]:
                    pass  # keep newest text; pubDate of the newest build wins
    return [notices[g] for g in order], variants


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", default=DEFAULT_FEEDS)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--ids-only", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--variants", action="store_true", help="print guids whose text differs between builds")
    a = ap.parse_args()
    notices, variants = load(a.feeds)
    if a.variants:
        for g, recs in variants.items():
            n = next(x for x in notices if x["id"] == g)
            print(f"{g}\n  newest [{n['build']}] {n['title']}")
            for r in recs:
                print(f"  older  [{r['build']}] {r['title']}  (text {'same' if r['text'] == n['text'] else 'differs'})")
        return
    sel = notices[a.start: None if a.count is None else a.start + a.count]
    if a.json:
        json.dump(sel, sys.stdout, ensure_ascii=False, indent=1)
        return
    for i, n in enumerate(sel, a.start):
        if a.ids_only:
            print(n["id"])
            continue
        slug = n["id"].rsplit("/", 1)[-1]
        print(f"#{i} {slug} | {n['published']} | {n['title']}")
        print("   " + n["text"].replace("\n", "\n   "))
    print(f"-- {len(notices)} distinct notices", file=sys.stderr)


if __name__ == "__main__":
    main()
