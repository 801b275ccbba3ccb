#!/usr/bin/env python3
"""tsubo's benchmark (issue 6), run by bench/run.sh: indexing against raw MeCab, query latency cold and
warm, HTTP throughput with wrk, Groonga (TokenMecab) and grep on the same text, local and remote shards.
Everything is written under --work (default /tmp/tsubo-bench), never into the checkout; prints a table."""
import argparse
import atexit
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

import acl_filter
import eval_peers

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = []  # (section, measure, value, note)


def row(section, measure, value, note=""):
    ROWS.append((section, measure, value, note))
    print(f"  {section:9} {measure:42} {value:>16}  {note}", flush=True)


def log(msg):
    print(f"[bench] {msg}", flush=True)


def run_timed(cmd, **kw):
    """Runs cmd under GNU time; returns (wall s, user+sys s, peak RSS MB, stdout)."""
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M"] + cmd, capture_output=True, text=True, **kw)
    wall = time.monotonic() - t0
    m = re.search(r"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", p.stderr)
    if p.returncode not in (0, 2) or not m:
        sys.exit(f"[bench] failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return wall, float(m.group(2)) + float(m.group(3)), int(m.group(4)) / 1024, p.stdout


def du_mb(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1e6


def disk_mb(path):
    """Blocks in use: Groonga's files are sparse (grown ahead of use), so their length overstates them."""
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.stat(os.path.join(root, f)).st_blocks * 512 for f in files)
    return total / 1e6


def text_files(folder):
    return sorted(f for f in glob.glob(os.path.join(folder, "*.txt")))


def read_queries(paths):
    out = []
    for p in paths:
        for line in open(p, encoding="utf-8"):
            if line.startswith("#") or "\t" not in line:
                continue
            out.append(line.rstrip("\n").split("\t")[1])
    return out


def plain_words(query):
    """The words of a tsubo query, operators and quotes dropped (for grep and Groonga)."""
    words = re.sub(r'[()"]', " ", query).replace("\u3000", " ").split()
    return [w for w in words if w not in ("AND", "OR", "NOT") and not w.startswith("-")]


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100 * len(v)))] if v else 0.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def same_top(x, y):
    """Two `tsubo latency --show` lines rank alike: the same scores, and the same passages above the
    lowest score of the list (passages tied there may be cut off in another order: with several
    databases Xapian breaks ties by an interleaved document id)."""
    def entries(line):
        return [(e.rsplit(" ", 1)[0], round(float(e.rsplit(" ", 1)[1]), 3)) for e in line.split("\t")[2:]]
    a, b = entries(x), entries(y)
    if [s for _, s in a] != [s for _, s in b]:
        return False
    floor = min((s for _, s in a), default=0)  # type mixing may place a lower-scored passage above others
    return {p for p, s in a if s > floor} == {p for p, s in b if s > floor}


def filtered_scores_agree(tsubo, db, queries):
    """How many passages a type filter finds score what they score unfiltered (a filter narrows the
    ranking and must not change it; Xapian 1.4.22 broke this for some query shapes)."""
    def hits(args):
        p = subprocess.run([tsubo, "search", "--json", "--db", db, "--rank", "mix_rank=0"] + args, capture_output=True, text=True)
        return json.loads(p.stdout)["hits"] if p.returncode == 0 else []
    agree = compared = 0
    for q in queries:
        unfiltered = {h["passage_id"]: h["score"] for h in hits(["--limit", "1000", "--", q])}
        for t in ("statute", "ruling", "guidance"):
            for h in hits(["--limit", "10", "--type", t, "--", q]):
                if h["passage_id"] in unfiltered:
                    compared += 1
                    agree += abs(h["score"] - unfiltered[h["passage_id"]]) < 1e-6
    return agree, compared


def latency(tsubo, target_args, query_files, repeat, show=False):
    cmd = [tsubo, "latency", *target_args, "--repeat", str(repeat)] + sum((["--queries", q] for q in query_files), [])
    if show:
        cmd.append("--show")
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        log(f"latency failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr[-500:]}")
        return None, [], []
    stats = {}
    for m in re.finditer(r"^(open|cold|warm)\s+n=\d+\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms\s+p99\s+([\d.]+) ms"
                         r"(?:.*mean\s+([\d.]+) ms)?", p.stdout, re.M):
        stats[m.group(1)] = tuple(float(x) for x in m.groups()[1:4])
        if m.group(5):
            stats[m.group(1) + "_mean"] = float(m.group(5))
    answers = [l for l in p.stdout.splitlines() if "\t" in l] if show else []
    missing = [l for l in p.stdout.splitlines() if l.startswith("missing shard:")]
    return stats, answers, missing


def ms3(t):
    return f"{t[0]:.2f}/{t[1]:.2f}/{t[2]:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tsubo", default="build/tsubo")
    ap.add_argument("--corpus", default=os.environ.get("TSUBO_CORPUS") or os.path.join(os.path.dirname(HERE), "..", "shared", "corpus"))
    ap.add_argument("--work", help="scratch folder outside the checkout (default: a new temporary one, removed after)")
    ap.add_argument("--statutes", help="unpacked statutes-2013 folder (default: unpack the archive into --work)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--smoke", action="store_true", help="small corpus (statutes-core), short runs: for ctest")
    ap.add_argument("--wrk-duration", default=None)
    ap.add_argument("--skip", default="", help="comma list of: acl,eval,groonga,grep,http,shards,mecab,versions")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    tsubo = os.path.abspath(a.tsubo)
    corpus = os.path.abspath(a.corpus)
    if not os.path.isdir(os.path.join(corpus, "statutes-core")):
        msg = f"[bench] no corpus at {corpus} (set TSUBO_CORPUS or --corpus)"
        if os.environ.get("CI") == "true":
            sys.exit(msg)
        print(msg + "; skipped")
        sys.exit(77)  # ctest SKIP_RETURN_CODE
    work = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix="tsubo-bench-")
    if not a.work:
        atexit.register(shutil.rmtree, work, True)
    repo = os.path.dirname(HERE)
    if work == repo or work.startswith(repo + os.sep):
        sys.exit("[bench] --work must be outside the checkout")
    if not os.path.exists(tsubo):
        sys.exit(f"[bench] no tsubo binary at {tsubo} (build first, or --tsubo PATH)")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    cores = a.jobs
    rulings, guidance = os.path.join(corpus, "rulings"), os.path.join(corpus, "guidance")
    dev_queries = os.path.join(corpus, "eval", "dev", "queries.tsv")
    query_files = [q for q in (dev_queries, os.path.join(HERE, "queries.tsv")) if os.path.exists(q)]
    queries = read_queries(query_files)

    # The scale corpus: statutes-2013 (or statutes-core for a smoke run).
    archive = None  # when set, tsubo indexes the statutes straight from it (its unpacking timed too)
    if a.smoke:
        statutes = os.path.join(corpus, "statutes-core")
    elif a.statutes:
        statutes = os.path.abspath(a.statutes)
    else:
        archive = os.path.join(corpus, "statutes-2013.tar.xz")
        log(f"unpacking {archive}")
        with tarfile.open(archive) as t:
            t.extractall(os.path.join(work, "archive"))
        statutes = os.path.dirname(glob.glob(os.path.join(work, "archive", "**", "index.tsv"), recursive=True)[0])
    files = text_files(statutes)
    text_mb = sum(os.path.getsize(f) for f in files) / 1e6
    load = os.getloadavg()
    print(f"tsubo benchmark: {len(files)} statute files, {text_mb:.1f} MB; {cores} jobs; load before "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {os.cpu_count()} cores\n", flush=True)
    info = subprocess.run([tsubo, "--help"], capture_output=True, text=True)
    del info

    # Raw MeCab: the ceiling of any MeCab-based indexer, on exactly the same text.
    mecab_mbs = None
    if "mecab" not in skip and shutil.which("mecab"):
        joined = os.path.join(work, "statutes.txt")
        with open(joined, "wb") as out:
            for f in files:
                with open(f, "rb") as src:
                    shutil.copyfileobj(src, out)
        dic = os.environ.get("TSUBO_MECAB_DIC", "/var/lib/mecab/dic/ipadic-utf8")
        times = []
        for _ in range(1 if not a.smoke else 3):
            wall, cpu, _, _ = run_timed(["mecab", "-r", "/dev/null", "-d", dic, joined, "-o", "/dev/null"])
            times.append(wall)
        mecab_mbs = text_mb / statistics.median(times)
        row("mecab", "raw MeCab, 1 core (ipadic)", f"{mecab_mbs:.1f} MB/s", f"{statistics.median(times):.1f} s")
        os.remove(joined)

    # tsubo index: one core on a sample, all cores on everything (shard A: statutes).
    sample = os.path.join(work, "sample")
    os.makedirs(sample)
    for f in files[: min(len(files), 800)]:
        os.symlink(f, os.path.join(sample, os.path.basename(f)))
    if os.path.exists(os.path.join(statutes, "index.tsv")):
        os.symlink(os.path.join(statutes, "index.tsv"), os.path.join(sample, "index.tsv"))
    sample_mb = sum(os.path.getsize(f) for f in files[:800]) / 1e6
    wall, cpu, rss, _ = run_timed([tsubo, "index", "-q", "-j", "1", "--db", os.path.join(work, "db-j1"), sample])
    row("index", f"tsubo -j1, {min(len(files), 800)} files ({sample_mb:.1f} MB)", f"{sample_mb / wall:.2f} MB/s",
        f"{wall:.1f} s, cpu {cpu:.1f} s, RSS {rss:.0f} MB" +
        (f", {sample_mb / wall / mecab_mbs:.0%} of MeCab" if mecab_mbs else ""))
    shutil.rmtree(os.path.join(work, "db-j1"))

    shard_a, shard_b, db = (os.path.join(work, n) for n in ("shard-statutes", "shard-others", "db"))
    wall, cpu, rss, _ = run_timed([tsubo, "index", "-q", "-j", str(cores), "--db", shard_a, archive or statutes])
    ratio = f", {text_mb / wall / (mecab_mbs * cores):.0%} of MeCab x {cores}" if mecab_mbs else ""
    row("index", f"tsubo -j{cores}, all {len(files)} statutes" + (" from the .tar.xz" if archive else ""),
        f"{text_mb / wall:.2f} MB/s", f"{wall:.1f} s, cpu {cpu:.1f} s{ratio}")
    row("index", "peak RSS / index size", f"{rss:.0f} MB", f"index {du_mb(shard_a):.0f} MB = "
        f"{du_mb(shard_a) / text_mb:.2f} x text")
    wall_b, cpu_b, _, _ = run_timed([tsubo, "index", "-q", "-j", str(cores), "--db", shard_b, rulings, guidance])
    # Groonga loads the passages of both shards: compare with both tsubo runs together.
    index_figures = {"wall": wall + wall_b, "cpu": cpu + cpu_b, "mb": disk_mb(shard_a) + disk_mb(shard_b)}
    # One database of everything: Xapian's own compaction of the two shards.
    run_timed(["xapian-compact", "-q", shard_a, shard_b, db] if shutil.which("xapian-compact") else
              sys.exit("[bench] xapian-compact missing (Debian xapian-tools)"))
    info = subprocess.run([tsubo, "info", "--db", db], capture_output=True, text=True).stdout
    analyzer = re.search(r"analyzer:\s+(.*)", info)
    passages = re.search(r"passages:\s+(\d+)", info).group(1)
    print(f"  analyzer: {analyzer.group(1) if analyzer else '?'}; {passages} passages in the search index\n")

    # Ranking must not move: nDCG@10 on the evaluation index.
    if "eval" not in skip and os.path.exists(dev_queries) and not a.smoke:
        evdb = os.path.join(work, "eval-db")
        run_timed([tsubo, "index", "-q", "--db", evdb] + [os.path.join(corpus, s) for s in ("statutes-core", "rulings", "guidance")])
        peers = eval_peers.compare(tsubo, evdb, os.path.dirname(dev_queries), work)
        ours = peers[0][1][0]
        row("quality", "mean nDCG@10 (dev, evaluation index)", f"{ours:.4f}")
        for name, values in peers[1:]:
            row("quality", f"{name}, same passages", f"{values[0]:.4f}", f"tsubo / peer: {ours / max(values[0], 1e-9):.2f}")

    # In-process query latency.
    repeat = 1 if a.smoke else 5
    stats, answers_one, _ = latency(tsubo, ["--db", db], query_files, repeat, show=True)
    row("query", f"in-process cold p50/p95/p99 ({len(queries)} q)", ms3(stats["cold"]) + " ms", "fresh Searcher per query")
    row("query", "in-process warm p50/p95/p99", ms3(stats["warm"]) + " ms",
        f"{repeat} passes, mean {stats.get('warm_mean', 0):.2f} ms")
    # Questions in plain Japanese against keyword queries (issue 15: a question within 3x a keyword p50).
    if os.path.exists(dev_queries):
        split_latency(tsubo, db, dev_queries, os.path.join(HERE, "questions.tsv"), work, repeat)
    if not a.smoke:
        agree, compared = filtered_scores_agree(tsubo, db, queries)
        row("query", "type-filtered scores = unfiltered scores", f"{agree}/{compared}",
            "first 10 statutes / rulings / guidance passages per query, against the unfiltered top 1000")

    # Statute versions (issue 13): the same archive with every revision of the four IP laws beside it.
    # Folding versions (the filter to the text in force today) must cost at most 20 % of p50.
    versions_dir = os.path.join(corpus, "statute-versions")
    if "versions" not in skip and os.path.isdir(versions_dir):
        versions_bench(tsubo, shard_a, shard_b, versions_dir, work, query_files, repeat)

    # The access filter (issue 16): the rulings and guidance again as a private collection, with and
    # without access terms, searched as a member of its group (the same hits): at most 10 % at p50.
    if "acl" not in skip:
        (_, p50_open, _, qps_open), (_, p50_acl, _, qps_acl) = acl_filter.measure(
            tsubo, db, [rulings, guidance], query_files, work, passes=2 if a.smoke else 4, repeat=repeat)
        row("acl", "warm p50, private copy without / with ACL", f"{p50_open:.2f}/{p50_acl:.2f} ms",
            f"{100 * (p50_acl / p50_open - 1):+.1f} % (target <= 10 %)")
        row("acl", "throughput per core, without / with ACL", f"{qps_open:.0f}/{qps_acl:.0f} q/s",
            f"{100 * (qps_acl / qps_open - 1):+.1f} %, from the mean warm latency")

    # HTTP: tsubo serve + wrk on loopback.
    if "http" not in skip and shutil.which("wrk"):
        port = free_port()
        server = subprocess.Popen([tsubo, "serve", "--db", db, "--port", str(port), "--web", ""],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if wait_port(port):
                import urllib.parse
                import urllib.request
                lat = []
                for q in queries:
                    url = f"http://127.0.0.1:{port}/api/search?q={urllib.parse.quote(q)}&size=10"
                    t0 = time.monotonic()
                    try:
                        urllib.request.urlopen(url).read()
                    except Exception:
                        pass
                    lat.append((time.monotonic() - t0) * 1000)
                row("http", "HTTP /api/search p50/p95/p99 (1 client)", ms3((pct(lat, 50), pct(lat, 95), pct(lat, 99))) + " ms")
            else:
                row("http", "tsubo serve", "did not start")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=10)
        # Throughput: bench/http_wrk.sh (one query, with facets, the whole query set; cache off and on).
        dur = a.wrk_duration or ("3s" if a.smoke else "30s")
        out = subprocess.run(["bash", os.path.join(HERE, "http_wrk.sh"), tsubo, db], capture_output=True, text=True,
                             env={**os.environ, "DURATION": dur, "TSUBO_CORPUS": corpus}).stdout
        for line in out.splitlines():
            f = line.split()
            if len(f) == 7 and f[0].startswith(("uncached", "cached")):
                row("http", f"wrk -t2 -c32 -d{dur} {f[0]}", f"{float(f[1]):.0f} req/s",
                    f"p50 {f[2]} p90 {f[3]} p99 {f[4]} ms; non-2xx {f[5]}; socket errors {f[6]}")
                if f[0] == "uncached-query-set":
                    stats["wrk_query_set"] = float(f[1])

    # Shards: the two shards searched locally as one, then through two xapian-tcpsrv on loopback.
    if "shards" not in skip:
        st, answers_local, _ = latency(tsubo, ["--shard", shard_a, "--shard", shard_b], query_files, repeat, show=True)
        if st is None:
            row("shards", "2 local shards", "FAILED", "tsubo latency --shard crashed (see log above)")
            skip.add("remote")
        else:
            same = sum(1 for x, y in zip(answers_one, answers_local) if same_top(x, y))
            row("shards", "2 local shards warm p50/p95/p99", ms3(st["warm"]) + " ms",
                f"same top-10 as one db (up to tie order): {same}/{len(answers_one)}")
        if shutil.which("xapian-tcpsrv") and "remote" not in skip:
            servers, urls = [], []
            try:
                for shard in (shard_a, shard_b):
                    port = free_port()
                    # A session of its own: on SIGTERM xapian-tcpsrv signals its whole process group
                    # (to stop its forked children), which would otherwise take this benchmark with it.
                    servers.append(subprocess.Popen(["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port), shard],
                                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
                    wait_port(port)
                    urls.append(f"tcp://127.0.0.1:{port}")
                args = sum((["--shard", u] for u in urls), [])
                st_r, answers_remote, _ = latency(tsubo, args, query_files, repeat, show=True)
                st_r = st_r or {"warm": (0, 0, 0)}
                same = sum(1 for x, y in zip(answers_one, answers_remote) if same_top(x, y))
                row("shards", "2 xapian-tcpsrv shards warm p50/p95/p99", ms3(st_r["warm"]) + " ms",
                    f"same top-10 as one db (up to tie order): {same}/{len(answers_one)}")
                row("shards", "remote overhead, warm p50 (remote - local)", f"{st_r['warm'][0] - st['warm'][0]:+.2f} ms",
                    f"one db {stats['warm'][0]:.2f} ms")
                servers[1].terminate()
                servers[1].wait()
                qfile = os.path.join(work, "one-query.tsv")
                open(qfile, "w").write("X1\t秘密管理性\n")
                _, ans, missing = latency(tsubo, args, [qfile], 1, show=True)
                row("shards", "one tcpsrv down: degraded answer", f"{len(ans)} answer(s)", missing[0] if missing else "NOT NAMED")
            finally:
                for s in servers:
                    if s.poll() is None:
                        s.terminate()
                        s.wait()

    # Peers on the same passages: Groonga with TokenMecab, grep over the raw text.
    if "grep" not in skip:
        lat = []
        for q in queries:
            words = plain_words(q)
            if not words:
                continue
            t0 = time.monotonic()
            subprocess.run(["grep", "-rlF", "--include=*.txt", "-e", words[0], statutes, rulings, guidance],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            lat.append((time.monotonic() - t0) * 1000)
        row("grep", "grep -rlF first word p50/p95/p99", ms3((pct(lat, 50), pct(lat, 95), pct(lat, 99))) + " ms",
            f"x{pct(lat, 50) / max(stats['warm'][0], 1e-3):.0f} tsubo warm p50")
    if "groonga" not in skip and shutil.which("groonga"):
        groonga_bench(tsubo, db, work, queries, text_mb, stats, index_figures,
                      a.wrk_duration or ("3s" if a.smoke else "30s"))

    print("\n| section | measure | value | note |\n| --- | --- | --- | --- |")
    for r in ROWS:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")
    if any(r[2] == "FAILED" for r in ROWS):
        sys.exit(1)


def split_latency(tsubo, db, dev_queries, extra_questions, work, repeat):
    """Warm latency of the keyword queries and of the questions ([question] in the set's description,
    and bench/questions.tsv) apart, on the same database."""
    keywords, questions = [], []
    with open(dev_queries, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] != "qid":
                (questions if len(parts) > 2 and parts[2].startswith("[question]") else keywords).append(parts[:2])
    if os.path.exists(extra_questions):
        with open(extra_questions, encoding="utf-8") as f:
            questions += [l.rstrip("\n").split("\t")[:2] for l in f if "\t" in l and not l.startswith("#")]
    results = {}
    for name, rows in (("keywords", keywords), ("questions", questions)):
        path = os.path.join(work, f"latency-{name}.tsv")
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(f"{qid}\t{q}\n" for qid, q in rows)
        stats, _, _ = latency(tsubo, ["--db", db], [path], repeat)
        if stats:
            results[name] = stats["warm"]
            row("query", f"warm p50/p95/p99, {name} ({len(rows)} q)", ms3(stats["warm"]) + " ms")
    if len(results) == 2 and results["keywords"][0] > 0:
        row("query", "questions p50 / keywords p50", f"{results['questions'][0] / results['keywords'][0]:.2f} x", "target <= 3")


def current_revisions(versions_dir, work):
    """A folder of the revision of each law in force today (<law id>_<yyyymmdd>_<amending>.xml)."""
    today = time.strftime("%Y%m%d")
    out = os.path.join(work, "current-revisions")
    os.makedirs(out, exist_ok=True)
    for law in sorted(glob.glob(os.path.join(versions_dir, "*", ""))):
        dated = sorted((os.path.basename(f).split("_")[1], f) for f in glob.glob(os.path.join(law, "*.xml")))
        in_force = [f for d, f in dated if d <= today] or [dated[0][1]]
        os.symlink(in_force[-1], os.path.join(out, os.path.basename(in_force[-1])))
    return out


def versions_bench(tsubo, shard_a, shard_b, versions_dir, work, query_files, repeat):
    """The archive with each IP law's current text against the archive with all its versions: the same
    texts visible by default, so the difference is what versions cost (index size, the in-force filter)."""
    shard_v, shard_c = os.path.join(work, "shard-versions"), os.path.join(work, "shard-current")
    db_v, db_c = os.path.join(work, "db-versions"), os.path.join(work, "db-current")
    wall, _, _, _ = run_timed([tsubo, "index", "-q", "--db", shard_v, versions_dir])
    run_timed([tsubo, "index", "-q", "--db", shard_c, current_revisions(versions_dir, work)])
    run_timed(["xapian-compact", "-q", shard_a, shard_b, shard_v, db_v])
    run_timed(["xapian-compact", "-q", shard_a, shard_b, shard_c, db_c])
    size_c, size_v = du_mb(db_c), du_mb(db_v)
    row("versions", "index size: current texts / all versions", f"{size_c:.0f} / {size_v:.0f} MB",
        f"+{size_v - size_c:.0f} MB (+{(size_v / size_c - 1):.1%}); all versions indexed in {wall:.1f} s")
    # Interleaved pairs (the machine is noisy): warm p50 of each, median over the pairs.
    current, versioned = [], []
    for _ in range(3):
        for target, out in ((db_c, current), (db_v, versioned)):
            stats, _, _ = latency(tsubo, ["--db", target], query_files, repeat)
            if stats:
                out.append(stats["warm"])
    if current and versioned:
        p50_c = statistics.median(t[0] for t in current)
        p50_v = statistics.median(t[0] for t in versioned)
        row("versions", "warm p50/p95/p99, current texts only", ms3(sorted(current)[len(current) // 2]) + " ms",
            f"median p50 {p50_c:.2f} ms")
        row("versions", "warm p50/p95/p99, all versions, folded", ms3(sorted(versioned)[len(versioned) // 2]) + " ms",
            f"median p50 {p50_v:.2f} ms = {p50_v / p50_c:.2f} x (target <= 1.20)")


def groonga_bench(tsubo, db, work, queries, text_mb, stats, index_figures, wrk_duration):
    gdb = os.path.join(work, "groonga", "db")
    os.makedirs(os.path.dirname(gdb))
    load = os.path.join(work, "groonga", "load.grn")
    n = 0
    with open(load, "w", encoding="utf-8") as out:
        out.write("table_create Passages TABLE_HASH_KEY ShortText\ncolumn_create Passages text COLUMN_SCALAR LongText\n"
                  "load --table Passages\n[\n")
        p = subprocess.Popen([tsubo, "passages", "--db", db], stdout=subprocess.PIPE, text=True)
        for line in p.stdout:
            r = json.loads(line)
            out.write(("," if n else "") + json.dumps({"_key": r["passage_id"], "text": r.get("heading", "") + "\n" + r["text"]},
                                                     ensure_ascii=False) + "\n")
            n += 1
        p.wait()
        out.write("]\n")
        # Index built after the load, as Groonga recommends for bulk data.
        out.write("table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenMecab --normalizer NormalizerNFKC100\n"
                  "column_create Terms passages_text COLUMN_INDEX|WITH_POSITION Passages text\n")
    wall, cpu, rss, _ = run_timed(["groonga", "-n", gdb], stdin=open(load))
    row("groonga", f"load + TokenMecab index, {n} passages", f"{text_mb / wall:.2f} MB/s",
        f"{wall:.1f} s (statute MB / time), cpu {cpu:.1f} s, RSS {rss:.0f} MB, db {disk_mb(os.path.dirname(gdb)):.0f} MB "
        f"on disk ({du_mb(os.path.dirname(gdb)):.0f} MB of sparse files)")
    # tsubo's side: its two index runs (statutes from the .tar.xz, then rulings and guidance), with
    # parsing, unpacking and compaction; Groonga's: the load of a prepared JSON file, then its index.
    g_mb = disk_mb(os.path.dirname(gdb))
    row("groonga", "tsubo index ÷ Groonga load + index",
        f"{index_figures['wall'] / max(wall, 1e-3):.2f}x time",
        f"wall {index_figures['wall']:.1f} / {wall:.1f} s; cpu {index_figures['cpu']:.1f} / {cpu:.1f} s = "
        f"{index_figures['cpu'] / max(cpu, 1e-3):.2f}x; on disk {index_figures['mb']:.0f} / {g_mb:.0f} MB = "
        f"{index_figures['mb'] / max(g_mb, 1e-3):.2f}x")

    # Two forms: ids and scores only, and the same work tsubo does for a page (ten hits with the
    # passage text and a highlighted snippet, Groonga's snippet_html).
    def select(q, same_work=False):
        words = plain_words(q)
        query = " ".join(words).replace("\\", "\\\\").replace('"', '\\"')
        columns = "_key,_score,text,snippet_html(text)" if same_work else "_key,_score"
        return (f'select Passages --match_columns text --query "{query}" --limit 10 --output_columns \'{columns}\' '
                f'--sort_keys -_score\n')

    def elapsed(cmds):
        p = subprocess.run(["groonga", gdb], input="".join(cmds), capture_output=True, text=True)
        failed = re.search(r"^\[\[(-\d+),[\d.]+,[\d.e-]+,(\"[^\"]*\")", p.stdout, re.M)
        if failed:
            sys.exit(f"[bench] groonga refused a select ({failed.group(1)}): {failed.group(2)}")
        return [float(m) * 1000 for m in re.findall(r"^\[\[-?\d+,[\d.]+,([\d.e-]+)\]", p.stdout, re.M)]

    cold = [elapsed([select(q)])[0] for q in queries[:30]]
    warm = elapsed([select(q) for q in queries] * 3)[len(queries):]
    row("groonga", "select cold p50/p95/p99 (30 q)", ms3((pct(cold, 50), pct(cold, 95), pct(cold, 99))) + " ms", "new process per query")
    row("groonga", "select warm p50/p95/p99", ms3((pct(warm, 50), pct(warm, 95), pct(warm, 99))) + " ms",
        f"tsubo warm p50 / groonga: {stats['warm'][0] / max(pct(warm, 50), 1e-3):.2f}")
    same = elapsed([select(q, True) for q in queries] * 3)[len(queries):]
    row("groonga", "select warm p50/p95/p99, text + snippet_html", ms3((pct(same, 50), pct(same, 95), pct(same, 99))) + " ms",
        f"the same work as tsubo's page; tsubo warm p50 / groonga: {stats['warm'][0] / max(pct(same, 50), 1e-3):.2f}")
    if shutil.which("wrk"):
        groonga_http(gdb, work, queries, stats, wrk_duration)


def groonga_http(gdb, work, queries, stats, duration):
    """Groonga's own HTTP server, the same query set through wrk as tsubo serve uncached (bench/http_wrk.sh),
    each select doing the work of tsubo's page: ten hits with the text and snippet_html."""
    import urllib.parse
    paths = os.path.join(work, "groonga", "http-paths")
    with open(paths, "w", encoding="utf-8") as out:
        for q in queries:
            params = {"table": "Passages", "match_columns": "text", "query": " ".join(plain_words(q)), "limit": "10",
                      "output_columns": "_key,_score,text,snippet_html(text)", "sort_keys": "-_score"}
            out.write("/d/select?" + urllib.parse.urlencode(params) + "\n")
    port = free_port()
    server = subprocess.Popen(["groonga", "-s", "--protocol", "http", "--bind-address", "127.0.0.1", "--port", str(port),
                               "--max-threads", "2", gdb], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_port(port):
            row("groonga", "HTTP server", "did not start")
            return
        out = subprocess.run(["wrk", "-t2", "-c32", f"-d{duration}", "--latency", "-s", os.path.join(HERE, "rotate.lua"),
                              f"http://127.0.0.1:{port}"], capture_output=True, text=True,
                             env={**os.environ, "WRK_PATHS": paths}).stdout
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    req_s = float(rps.group(1)) if rps else 0
    ours = stats.get("wrk_query_set")
    row("groonga", f"HTTP wrk -t2 -c32 -d{duration} query set, text + snippet_html", f"{req_s:.0f} req/s",
        f"p50 {p50.group(1) if p50 else '?'}; non-2xx {non2xx.group(1) if non2xx else 0}"
        + (f"; tsubo uncached query set / groonga: {ours / max(req_s, 1e-3):.2f}" if ours else ""))


if __name__ == "__main__":
    main()
