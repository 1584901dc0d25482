"""One probe round over N endpoints on 127.0.0.1, some slow, run by several peers in one run:
varselvakt's ProbeRunner (through a command such as `varselvakt bench probes FILE`), curl's
--parallel, a Python asyncio loop on raw sockets, and aiohttp. Each peer checks every URL once,
all at once, and must report N answers; we take wall time and CPU (user+sys) from
/usr/bin/time -v. A good round takes about as long as its slowest probe, not the sum.

The server (a subprocess, so its CPU is not counted) answers /ep/I with 401 (what Skatteetaten's
gateway says without a token), after sleeping --slow-ms for the first --slow endpoints.

usage: /usr/bin/python3 scripts/bench_probes.py [--n 200] [--slow 20] [--slow-ms 300] [--reps 5]
           [--varselvakt 'CMD {urls}']
       (internal) bench_probes.py serve N SLOW SLOW_MS | client-asyncio FILE | client-aiohttp FILE
"""
import argparse
import asyncio
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


# ---- the endpoint server -------------------------------------------------------------------

def serve(n, slow, slow_ms):
    async def handle(reader, writer):
        try:
            line = await reader.readline()
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            parts = line.split()
            path = parts[1].decode() if len(parts) > 1 else "/"
            m = re.fullmatch(r"/ep/(\d+)", path)
            if m and int(m.group(1)) < n:
                if int(m.group(1)) < slow:
                    await asyncio.sleep(slow_ms / 1000)
                status = b"401 Unauthorized"
            else:
                status = b"404 Not Found"
            body = b'{"message":"missing token"}'
            writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=4096)
        print(server.sockets[0].getsockname()[1], flush=True)
        loop = asyncio.get_running_loop()
        stop = loop.create_future()
        loop.add_reader(sys.stdin.fileno(), lambda: stop.done() or stop.set_result(None))
        await stop

    asyncio.run(main())


# ---- Python peers ----------------------------------------------------------------------------

def client_asyncio(path):
    """Raw sockets: connect, GET, read the status line, close; 10 s timeout each."""
    urls = open(path).read().split()

    async def probe(url):
        m = re.fullmatch(r"http://([^:/]+):(\d+)(/.*)", url)
        host, port, target = m.group(1), int(m.group(2)), m.group(3)
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: bench\r\n"
                         "Connection: close\r\n\r\n".encode())
            line = await asyncio.wait_for(reader.readline(), 10)
            writer.close()
            return int(line.split()[1])
        except Exception:
            return 0

    async def main():
        return await asyncio.gather(*(probe(u) for u in urls))

    codes = asyncio.run(main())
    print(f"probes={len(codes)} up={sum(1 for c in codes if c in (200, 401, 403, 404))}")


def client_aiohttp(path):
    import aiohttp

    urls = open(path).read().split()

    async def main():
        timeout = aiohttp.ClientTimeout(total=10, connect=5)
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            async def probe(url):
                try:
                    async with session.get(url, allow_redirects=False) as response:
                        await response.content.read(16384)
                        return response.status
                except Exception:
                    return 0
            return await asyncio.gather(*(probe(u) for u in urls))

    codes = asyncio.run(main())
    print(f"probes={len(codes)} up={sum(1 for c in codes if c in (200, 401, 403, 404))}")


# ---- the harness -----------------------------------------------------------------------------

def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall_s, cpu_s, max_rss_kb)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.monotonic()
        out = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + cmd, capture_output=True, text=True)
        wall = time.monotonic() - start
        text = report.read()
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    field = lambda name: float(re.search(re.escape(name) + r": ([\d.]+)", text).group(1))  # noqa: E731
    return out.stdout, wall, field("User time (seconds)") + field("System time (seconds)"), int(field("Maximum resident set size (kbytes)"))


def count(stdout, n):
    """(answers, up) from a peer's output: 'probes=N up=M' or one HTTP code per line (curl)."""
    m = re.search(r"probes=(\d+) up=(\d+)", stdout)
    if m:
        return int(m.group(1)), int(m.group(2))
    codes = [c for c in stdout.split() if c.isdigit()]
    return len(codes), sum(1 for c in codes if c in ("200", "401", "403", "404"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--slow", type=int, default=20)
    ap.add_argument("--slow-ms", type=int, default=300)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--varselvakt", help="command probing the URLs in {urls}, printing 'probes=N up=M ...'")
    a = ap.parse_args()

    server = subprocess.Popen([sys.executable, __file__, "serve", str(a.n), str(a.slow), str(a.slow_ms)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    work = tempfile.mkdtemp(prefix="bench-probes-")
    urls = os.path.join(work, "urls.txt")
    with open(urls, "w") as f:
        f.writelines(f"http://127.0.0.1:{port}/ep/{i}\n" for i in range(a.n))
    curlrc = os.path.join(work, "urls.curlrc")
    with open(curlrc, "w") as f:
        f.writelines(f'url = "http://127.0.0.1:{port}/ep/{i}"\noutput = "/dev/null"\n' for i in range(a.n))

    peers = []
    if a.varselvakt:
        peers.append(("varselvakt", shlex.split(a.varselvakt.replace("{urls}", urls))))
    peers.append(("curl-parallel", ["curl", "--parallel", "--parallel-immediate", "--parallel-max", str(a.n), "-s",
                                    "--max-time", "10", "-w", "%{http_code}\\n", "-K", curlrc]))
    peers.append(("python-asyncio", [sys.executable, __file__, "client-asyncio", urls]))
    try:
        import aiohttp  # noqa: F401
        peers.append(("python-aiohttp", [sys.executable, __file__, "client-aiohttp", urls]))
    except ImportError:
        print("aiohttp not installed (apt-get install python3-aiohttp): skipped", file=sys.stderr)

    ok = True
    try:
        for name, cmd in peers:
            walls, cpus, rsss = [], [], []
            for rep in range(a.reps):
                stdout, wall, cpu, rss = timed(cmd)
                answers, up = count(stdout, a.n)
                print(json.dumps({"peer": name, "rep": rep, "answers": answers, "up": up, "wall_s": round(wall, 3),
                                  "cpu_s": round(cpu, 3), "max_rss_kb": rss,
                                  "said": stdout.strip().splitlines()[-1] if "probes=" in stdout else ""}), file=sys.stderr)
                ok = ok and answers == a.n and up == a.n
                walls.append(wall), cpus.append(cpu), rsss.append(rss)
            cpu = statistics.median(cpus)
            print(f"RESULT {name} n={a.n} slow={a.slow}x{a.slow_ms}ms reps={a.reps} all_up={ok} "
                  f"median_wall_s={statistics.median(walls):.3f} median_cpu_s={cpu:.3f} "
                  f"cpu_per_probe_ms={cpu / a.n * 1000:.2f} median_max_rss_kb={int(statistics.median(rsss))}", flush=True)
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"slowest single probe >= {a.slow_ms / 1000:.3f} s; one at a time >= {a.slow * a.slow_ms / 1000:.3f} s",
          flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "client-asyncio":
        client_asyncio(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "client-aiohttp":
        client_aiohttp(sys.argv[2])
    else:
        main()
