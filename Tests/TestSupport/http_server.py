#!/usr/bin/env python3
"""Scripted HTTP server for the Curl and FeedFetch tests (python3 stdlib only).

Binds 127.0.0.1 on a free port and prints the port as the first stdout line. With two
arguments CERT KEY it serves HTTPS with that certificate instead. Exits when stdin
reaches EOF (the test process closed it or died), so no server outlives its test.

Routes (query parameters in brackets):
  /conditional [etag, lm, bare304, file, text]  200 with ETag/Last-Modified; 304 when
        If-None-Match equals etag or If-Modified-Since equals lm (304 carries no validators
        when bare304=1). Body: the bytes of `file`, else `text`, else "feed body".
  /redirect [to, status]   3xx (default 302) to `to`.
  /loop                    302 to itself.
  /chain [n]               n redirects, then 200 "end of chain".
  /status [code, retry_after, text]  that status with an optional Retry-After header.
  /slow [ms]               sleeps, then 200 "slow done"; counted in /stats.
  /stats                   JSON {"started", "finished", "max_concurrent"} for /slow.
  /bytes [n, chunked]      n bytes of "x", with Content-Length unless chunked=1 (then the body
                           is close-delimited, so only the client's running count can stop it).
  /gzip [text, repeat]     text*repeat, gzip-encoded (Content-Encoding: gzip).
  /echo                    JSON of method, path, headers and body as received.
  /hook [id, seq, retry_after, location, text, ms]  a webhook receiver: records the request
        under `id` (method, path, headers in order, base64 body, client port) and answers the
        n-th request to that id with the n-th status of the comma-separated `seq` (the last one
        repeats; default 200), with Retry-After / Location when given, body `text` (default
        "ok"), after sleeping `ms` milliseconds when given.
  /hooklog [id]            JSON list of the requests /hook recorded under `id`.
  /hookcount               JSON {"ids": distinct ids, "total": requests} over every /hook request.
  /endless [ms, chunk]     200 with a close-delimited body that never ends: `chunk` bytes (default
                           4096) of "x" every `ms` milliseconds (default 0) until the client hangs up.
  /gzipbomb [mib]          200, Content-Encoding: gzip, a close-delimited stream that inflates to
                           `mib` MiB of zeros (default 4096 = 4 GiB) while only ~1/1000 of that is sent;
                           compressed as the client reads, so an aborting client costs little.
  /phase [id, file, then]  the first request under `id` gets the bytes of `file` (200); every later
                           one is answered as the path-and-query `then` (e.g. "/endless?ms=50").
"""
import zlib
import base64
import gzip
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

lock = threading.Lock()
phases = {}
stats = {"started": 0, "finished": 0, "max_concurrent": 0, "current": 0}
hooks = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route(send_body=True)

    def do_HEAD(self):
        self.route(send_body=False)

    def do_POST(self):
        self.route(send_body=True)

    def reply(self, status, body=b"", headers=(), send_body=True):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def route(self, send_body):
        try:
            self.dispatch(send_body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def dispatch(self, send_body):
        parts = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        if path == "/conditional":
            etag, lm = q.get("etag"), q.get("lm")
            validators = []
            if etag:
                validators.append(("ETag", etag))
            if lm:
                validators.append(("Last-Modified", lm))
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if (etag and inm == etag) or (lm and not inm and ims == lm):
                self.reply(304, headers=[] if q.get("bare304") else validators, send_body=False)
                return
            if "file" in q:
                with open(q["file"], "rb") as f:
                    body = f.read()
            else:
                body = q.get("text", "feed body").encode()
            self.reply(200, body, validators + [("Content-Type", "application/atom+xml")], send_body)
        elif path == "/redirect":
            self.reply(int(q.get("status", "302")), headers=[("Location", q["to"])], send_body=send_body)
        elif path == "/loop":
            self.reply(302, headers=[("Location", "/loop")], send_body=send_body)
        elif path == "/chain":
            n = int(q.get("n", "0"))
            if n > 0:
                self.reply(302, headers=[("Location", "/chain?n=%d" % (n - 1))], send_body=send_body)
            else:
                self.reply(200, b"end of chain", send_body=send_body)
        elif path == "/status":
            headers = [("Retry-After", q["retry_after"])] if "retry_after" in q else []
            self.reply(int(q.get("code", "500")), q.get("text", "status").encode(), headers, send_body)
        elif path == "/slow":
            with lock:
                stats["started"] += 1
                stats["current"] += 1
                stats["max_concurrent"] = max(stats["max_concurrent"], stats["current"])
            try:
                time.sleep(int(q.get("ms", "1000")) / 1000.0)
            finally:
                with lock:
                    stats["current"] -= 1
            with lock:
                stats["finished"] += 1
            self.reply(200, b"slow done", send_body=send_body)
        elif path == "/stats":
            with lock:
                body = json.dumps({k: stats[k] for k in ("started", "finished", "max_concurrent")}).encode()
            self.reply(200, body, [("Content-Type", "application/json")], send_body)
        elif path == "/bytes":
            n = int(q.get("n", "0"))
            if q.get("chunked"):
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                if send_body:
                    for _ in range(0, n, 4096):
                        self.wfile.write(b"x" * 4096)
            else:
                self.reply(200, b"x" * n, send_body=send_body)
        elif path == "/gzip":
            raw = (q.get("text", "gzip body") * int(q.get("repeat", "1"))).encode()
            self.reply(200, gzip.compress(raw), [("Content-Encoding", "gzip"), ("Content-Type", "text/plain")], send_body)
        elif path == "/echo":
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            payload = {
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body,
            }
            self.reply(200, json.dumps(payload).encode(), [("Content-Type", "application/json")], send_body)
        elif path == "/hook":
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length) if length else b""
            key = q.get("id", "")
            with lock:
                seen = hooks.setdefault(key, [])
                seen.append({
                    "method": self.command,
                    "path": self.path,
                    "headers": [[k, v] for k, v in self.headers.items()],
                    "body": base64.b64encode(body).decode("ascii"),
                    "client_port": self.client_address[1],
                })
                n = len(seen) - 1
            statuses = q.get("seq", "200").split(",")
            status = int(statuses[min(n, len(statuses) - 1)])
            if "ms" in q:
                time.sleep(int(q["ms"]) / 1000.0)
            headers = []
            if "retry_after" in q:
                headers.append(("Retry-After", q["retry_after"]))
            if "location" in q:
                headers.append(("Location", q["location"]))
            self.reply(status, q.get("text", "ok").encode(), headers, send_body)
        elif path == "/endless":
            self.stream_forever(int(q.get("ms", "0")), int(q.get("chunk", "4096")), send_body)
        elif path == "/gzipbomb":
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if send_body:
                compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
                zeros = bytes(1 << 20)
                for _ in range(int(q.get("mib", "4096"))):
                    self.wfile.write(compressor.compress(zeros))
                self.wfile.write(compressor.flush())
        elif path == "/phase":
            with lock:
                n = phases.get(q.get("id", ""), 0)
                phases[q.get("id", "")] = n + 1
            if n == 0:
                with open(q["file"], "rb") as f:
                    self.reply(200, f.read(), [("Content-Type", "application/rss+xml")], send_body)
            else:
                self.path = q["then"]
                self.dispatch(send_body)
        elif path == "/hookcount":
            with lock:
                body = json.dumps({"ids": len(hooks), "total": sum(len(v) for v in hooks.values())}).encode()
            self.reply(200, body, [("Content-Type", "application/json")], send_body)
        elif path == "/hooklog":
            with lock:
                body = json.dumps(hooks.get(q.get("id", ""), [])).encode()
            self.reply(200, body, [("Content-Type", "application/json")], send_body)
        else:
            self.reply(404, b"no such route", send_body=send_body)


    def stream_forever(self, ms, chunk, send_body):
        """A close-delimited body that only ends when the client hangs up (BrokenPipe)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if not send_body:
            return
        self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>endless</title>')
        while True:
            self.wfile.write(b"x" * chunk)
            self.wfile.flush()
            if ms:
                time.sleep(ms / 1000.0)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a probe round connects to many routes at once

    def handle_error(self, request, client_address):
        pass  # a client hanging up mid-response is part of the tests


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 3:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()
