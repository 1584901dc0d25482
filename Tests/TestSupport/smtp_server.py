#!/usr/bin/env python3
"""Recording SMTP server for the Curl tests (Debian's python3-aiosmtpd, run with /usr/bin/python3).

Usage: smtp_server.py [--reject ADDR | --defer ADDR]...

Binds 127.0.0.1 on a free port and prints the port as the first stdout line. Every accepted
message is then printed as one JSON line {"from", "to": [...], "data": base64 of the raw bytes
after dot-unstuffing, CRLFs intact}. RCPT TO:<ADDR> for a --reject address is answered with
550 (permanent), for a --defer address with 450 (try again later). Exits when stdin reaches EOF, so no server outlives its test.
"""
import base64
import json
import socket
import sys
import threading

from aiosmtpd.controller import Controller

lock = threading.Lock()


class Recorder:
    def __init__(self, rejected, deferred):
        self.rejected = {address.lower() for address in rejected}
        self.deferred = {address.lower() for address in deferred}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.rejected:
            return "550 5.1.1 <%s>: recipient rejected" % address
        if address.lower() in self.deferred:
            return "450 4.2.1 <%s>: mailbox busy, try later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        line = json.dumps({
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "data": base64.b64encode(envelope.original_content).decode("ascii"),
        })
        with lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        return "250 OK queued"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    args = sys.argv[1:]
    rejected, deferred, port = [], [], None
    while len(args) >= 2 and args[0] in ("--reject", "--defer", "--port"):
        if args[0] == "--port":
            port = int(args[1])
        else:
            (rejected if args[0] == "--reject" else deferred).append(args[1])
        args = args[2:]
    if port is None:
        port = free_port()
    controller = Controller(Recorder(rejected, deferred), hostname="127.0.0.1", port=port)
    controller.start()
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
