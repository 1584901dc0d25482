#!/usr/bin/env python3
"""A static web site for tests: serves the files under one directory (python3 stdlib only).

Usage: site_server.py ROOT

Start-up and lifetime (same as http_server.py):
  Binds 127.0.0.1 on a free port and prints the port as the first stdout line, then nothing
  else on stdout. Exits when stdin reaches EOF (the test process closed it or died), so no
  server outlives its test.

Contract (GET and HEAD; other methods get 405):
  * A request path maps to the file ROOT/<path> (percent-decoded; the query string is
    ignored). `/` and any path ending in `/` serve `index.html` in that directory if present.
    Anything else (missing file, a directory, a path escaping ROOT with `..`) is 404 with a
    text/plain body. The site is read from disk on every request: a test may add, rewrite or
    delete files at any time and the next request sees the change.
  * Content-Type from the extension: .json application/json, .atom application/atom+xml,
    .rss application/rss+xml, .html text/html, .xml application/xml (all with
    "; charset=utf-8"); anything else application/octet-stream.
  * ETag: a strong validator, the quoted lower-case hex SHA-1 of the file's CURRENT bytes
    ("\"<sha1>\""), so a file rewritten twice within one second still gets a new ETag
    (unlike a Last-Modified, which has one-second resolution; none is sent).
  * Conditional GET: when If-None-Match lists the current ETag (or is `*`), the answer is
    304 with the ETag and no body. Weak comparison is not done: `W/"..."` never matches.
  * Cache-Control: no-cache, Content-Length always; no redirects, no compression.
  * Request log: GET /__log answers a JSON list, oldest first, of every request made before
    it (the /__log requests themselves are not recorded):
        {"path": "/api/v2/summary.json", "status": 200, "if_none_match": null | "<header>"}
    where `path` is the raw request path including any query string. GET /__log?clear=1
    answers the log and then empties it. The log path is reserved: a file named `__log`
    under ROOT is never served.
"""
import hashlib
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {
    ".json": "application/json",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".html": "text/html",
    ".xml": "application/xml",
}

root = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".")
lock = threading.Lock()
log = []


def resolve(path):
    """The file a request path names, or None (missing, a directory, outside ROOT)."""
    relative = unquote(urlsplit(path).path)
    if relative.endswith("/"):
        relative += "index.html"
    candidate = os.path.realpath(os.path.join(root, relative.lstrip("/")))
    if candidate != root and not candidate.startswith(root + os.sep):
        return None
    return candidate if os.path.isfile(candidate) else None


def etag_matches(header, etag):
    if header is None:
        return False
    return any(tag.strip() in ("*", etag) for tag in header.split(","))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.serve(send_body=True)

    def do_HEAD(self):
        self.serve(send_body=False)

    def do_POST(self):
        self.reply(405, b"method not allowed\n", "text/plain", send_body=True)

    def reply(self, status, body, content_type, send_body, etag=None):
        self.send_response(status)
        if etag is not None:
            self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        if status != 304:
            self.send_header("Content-Type", content_type + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Content-Length", "0")
        self.end_headers()
        if send_body and status != 304:
            self.wfile.write(body)

    def serve(self, send_body):
        if urlsplit(self.path).path == "/__log":
            with lock:
                body = json.dumps(log).encode()
                if "clear=1" in urlsplit(self.path).query:
                    log.clear()
            self.reply(200, body, "application/json", send_body)
            return
        if_none_match = self.headers.get("If-None-Match")
        file = resolve(self.path)
        data = None
        if file is not None:
            try:
                with open(file, "rb") as handle:
                    data = handle.read()
            except OSError:
                data = None
        # The log entry is written before the answer, so a client that reads /__log right
        # after its response always finds its own request there.
        if data is None:
            with lock:
                log.append({"path": self.path, "status": 404, "if_none_match": if_none_match})
            self.reply(404, b"not found\n", "text/plain", send_body)
            return
        etag = '"' + hashlib.sha1(data).hexdigest() + '"'
        extension = os.path.splitext(file)[1].lower()
        content_type = CONTENT_TYPES.get(extension, "application/octet-stream")
        status = 304 if etag_matches(if_none_match, etag) else 200
        with lock:
            log.append({"path": self.path, "status": status, "if_none_match": if_none_match})
        self.reply(status, data, content_type, send_body, etag=etag)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # EOF: the test is over
    server.shutdown()


if __name__ == "__main__":
    main()
