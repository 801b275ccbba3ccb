#!/usr/bin/env python3
"""Issue 19's hostile HTTP clients against a tsubo serve, with figures (no pass/fail).

Usage: bench/http_hostile_clients.py [tsubo binary] [database]
Starts `tsubo serve --port 0 --web ""` and prints, one line each: searches while 200 connections drip
header lines (answered, median and max ms), searches while 200 connections sit idle, 20 requests of
5 MB of header lines (status, seconds, server RSS before and after), 100 pipelined requests (answers),
a half-closing client (answered or not), an over-long request line (status and seconds).
"""
import os, re, socket, statistics, subprocess, sys, tempfile, threading, time

tsubo = sys.argv[1] if len(sys.argv) > 1 else "build/tsubo"
db = sys.argv[2] if len(sys.argv) > 2 else "data/index"
SEARCH = "GET /api/search?q=%E7%A7%98%E5%AF%86&size=10 HTTP/1.1\r\nHost: x\r\n"

log = tempfile.NamedTemporaryFile(delete=False)
server = subprocess.Popen([tsubo, "serve", "--db", db, "--port", "0", "--web", ""], stdout=log, stderr=log)
port = None
for _ in range(300):
    m = re.search(rb"http://127\.0\.0\.1:(\d+)", open(log.name, "rb").read())
    if m:
        port = int(m.group(1))
        break
    time.sleep(0.1)
if not port:
    sys.exit("tsubo serve did not start: " + open(log.name).read())


def rss_mb():
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


def connect(source="127.0.0.1", timeout=10):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    return s


def read_all(s):
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except OSError:
        pass
    return data


def one_search(timeout=10):
    start = time.monotonic()
    try:
        s = connect(timeout=timeout)
        s.sendall((SEARCH + "Connection: close\r\n\r\n").encode())
        ok = read_all(s).startswith(b"HTTP/1.1 200")
        s.close()
    except OSError:
        ok = False
    return ok, (time.monotonic() - start) * 1000


def searches_while(label, conns, drip):
    stop = threading.Event()

    def dripper():
        n = 0
        while not stop.is_set():
            for s in conns:
                try:
                    s.send(f"X-Drip-{n}: 1\r\n".encode())
                except OSError:
                    pass
            n += 1
            stop.wait(2)

    t = threading.Thread(target=dripper)
    if drip:
        t.start()
    results = [one_search(timeout=5) for _ in range(9)]
    stop.set()
    if drip:
        t.join()
    ok = [ms for good, ms in results if good]
    print(f"{label}: {len(ok)} of 9 searches answered" +
          (f", median {statistics.median(ok):.1f} ms, max {max(ok):.1f} ms" if ok else ""))
    for s in conns:
        s.close()


def open_many(n, partial):
    conns = []
    for i in range(n):
        try:
            s = connect(f"127.0.0.{2 + i % 4}")
            if partial:
                s.sendall(SEARCH.encode())
            conns.append(s)
        except OSError:
            break
    return conns


searches_while("200 connections dripping a header line every 2 s", open_many(200, True), True)
searches_while("200 idle connections", open_many(200, False), False)

huge = SEARCH.encode() + b"X-Line: 0123456789012345678901234567890123456789\r\n" * 100000 + b"\r\n"
before = rss_mb()
statuses, seconds = [], []
for _ in range(20):
    start = time.monotonic()
    try:
        s = connect()
        try:
            s.sendall(huge)
        except OSError:
            pass
        statuses.append(read_all(s)[:12].decode(errors="replace").split(" ")[-1] or "none")
        s.close()
    except OSError:
        statuses.append("error")
    seconds.append(time.monotonic() - start)
print(f"20 × {len(huge) / 1e6:.1f} MB of header lines: status {sorted(set(statuses))}, "
      f"median {statistics.median(seconds):.2f} s; RSS {before:.0f} → {rss_mb():.0f} MB")

s = connect()
s.sendall((SEARCH + "\r\n").encode() * 100)
s.shutdown(socket.SHUT_WR)
print(f"100 pipelined requests, then a half-close: {read_all(s).count(b'HTTP/1.1 200')} answered")
s.close()

start = time.monotonic()
s = connect()
s.sendall(b"GET /api/search?q=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
status = read_all(s)[:12].decode(errors="replace")
print(f"a 20 KB request line: «{status}» after {time.monotonic() - start:.2f} s")
s.close()

server.terminate()
server.wait()
os.unlink(log.name)
