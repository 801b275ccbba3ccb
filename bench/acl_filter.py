#!/usr/bin/env python3
"""What the access filter costs (issue 16): p50 and throughput of the same queries over the same
passages, once with a private collection that carries no access terms and once with the same
collection restricted to a group, searched as a member of that group. Both runs return the same
hits; only the filter's work differs. Run alone or from bench/bench.py (section "acl").

  bench/acl_filter.py --tsubo build/tsubo --db EVAL_DB --private DIR [--private DIR…] --queries FILE…"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

GROUP = "legal"


def warm_stats(tsubo, shards, queries, repeat):
    cmd = [tsubo, "latency", "--as-groups", GROUP, "--repeat", str(repeat)]
    for s in shards:
        cmd += ["--shard", s]
    for q in queries:
        cmd += ["--queries", q]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    m = re.search(r"^warm\s+n=\d+\s+p50\s+([\d.]+) ms.*mean\s+([\d.]+) ms", out, re.M)
    return float(m.group(1)), float(m.group(2))


def measure(tsubo, db, private, queries, work, passes=4, repeat=5):
    """[(label, p50 ms, mean ms, queries/s per core)] for no filter work and the filter, passes alternated."""
    copies = {}
    for label, acl in (("open", []), ("acl", ["--acl", GROUP])):
        path = os.path.join(work, f"private-{label}")
        done = subprocess.run([tsubo, "index", "-q", "--db", path, "--collection", "bench-private", *acl, *private],
                              capture_output=True, text=True)
        if done.returncode not in (0, 2):  # 2: some files skipped (the corpus has two rulings without text)
            raise SystemExit(f"[bench][acl] indexing the private copy failed: {done.stderr[-500:]}")
        copies[label] = path
    runs = {"open": [], "acl": []}
    for _ in range(passes):  # alternated, so that a busy machine slows both alike
        for label in ("open", "acl"):
            runs[label].append(warm_stats(tsubo, [db, copies[label]], queries, repeat))
    out = []
    for label in ("open", "acl"):
        p50 = statistics.median(r[0] for r in runs[label])
        mean = statistics.median(r[1] for r in runs[label])
        out.append((label, p50, mean, 1000.0 / mean if mean else 0.0))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsubo", default="build/tsubo")
    ap.add_argument("--db", required=True, help="the public index (e.g. statutes-core + rulings + guidance)")
    ap.add_argument("--private", action="append", required=True, help="folders indexed as the private collection")
    ap.add_argument("--queries", action="append", required=True)
    ap.add_argument("--passes", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tsubo-acl-bench-") as work:
        rows = measure(os.path.abspath(a.tsubo), a.db, a.private, a.queries, work, a.passes, a.repeat)
    (_, p50_open, _, qps_open), (_, p50_acl, _, qps_acl) = rows
    print(f"acl  no filter work   warm p50 {p50_open:.2f} ms  {qps_open:.0f} q/s per core")
    print(f"acl  filter, {GROUP:8}  warm p50 {p50_acl:.2f} ms  {qps_acl:.0f} q/s per core  "
          f"p50 {100 * (p50_acl / p50_open - 1):+.1f} %  throughput {100 * (qps_acl / qps_open - 1):+.1f} %")


if __name__ == "__main__":
    sys.exit(main())
