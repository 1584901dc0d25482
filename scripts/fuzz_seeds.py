#!/usr/bin/env python3
"""Seed corpora for scripts/fuzz.sh, one directory per fuzz target, from the real fixtures.

Usage: fuzz_seeds.py FIXTURES REPO OUT

Feeds are cut to their first two entries (whole 400 KB feeds make each execution slow and teach
the fuzzer nothing the first entries do not); the entry HTML and its text are pulled out of every
feed for the HTML converter and the date reader; status-page captures, the example configs,
subscriber files and the CSV sample are copied as they are.
"""
import html
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

fixtures, repo, out = (pathlib.Path(a) for a in sys.argv[1:4])


def put(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


feeds = sorted((fixtures / "feeds").glob("*.xml")) + sorted(
    p for p in (fixtures / "statuspage").glob("*") if p.suffix in (".atom", ".rss"))
fragments = []
for feed in feeds:
    text = feed.read_text(encoding="utf-8", errors="replace")
    entry = re.compile(r"<(item|entry)[\s>].*?</\1>", re.S)
    matches = list(entry.finditer(text))
    cut = text if not matches else text[: matches[0].start()] + "".join(m.group(0) for m in matches[:2]) + text[matches[-1].end():]
    put("FuzzFeedParser", feed.name, cut)
    try:
        root = ET.fromstring(feed.read_bytes())
    except ET.ParseError:
        continue
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("content", "summary", "description", "encoded", "title") and element.text:
            fragments.append(element.text)

for i, fragment in enumerate(dict.fromkeys(fragments)):
    put("FuzzHTMLConverter", f"entry-{i:04}.html", fragment)
    put("FuzzHTMLAgainstLibXML2", f"entry-{i:04}.html", fragment)
    plain = html.unescape(re.sub(r"<[^>]*>", " ", fragment))
    put("FuzzNorwegianDates", f"entry-{i:04}.txt", plain)

for capture in sorted((fixtures / "statuspage").rglob("*.json")):
    put("FuzzStatusPage", capture.name, capture.read_bytes())

config = repo / "config"
for name in ("varselvakt.example.toml", "demo.toml", "catalog.toml", "lexicon.toml"):
    put("FuzzConfig", name, (config / name).read_bytes())
for name in ("subscribers.example.toml", "demo-subscribers.toml"):
    put("FuzzSubscribers", name, (config / name).read_bytes())
put("FuzzSubscriberCSV", "subscribers.example.csv", (config / "subscribers.example.csv").read_bytes())
