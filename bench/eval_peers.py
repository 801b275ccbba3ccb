#!/usr/bin/python3
"""tsubo and its peers on the same passages, in the same run: tsubo's own ranking, Xapian's CJK n-gram
mode (xapian_ngram_baseline.py) and Groonga with TokenMecab (groonga_baseline.py, words joined by AND
and by OR), all scored by `tsubo eval` on one judgment set. Prints a table with tsubo's nDCG@10 as a
multiple of each peer's.

usage: eval_peers.py --db DB [--tsubo build/tsubo] [--set DIR] [--work DIR]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MEASURES = ("nDCG@10", "MRR", "P@5", "R@100", "nDCG@10 keywords", "nDCG@10 questions")


def mean_line(eval_output):
    """The averages from `tsubo eval` output, as floats in MEASURES order (the keyword and question
    nDCG@10 are 0 when the set has no questions)."""
    m = re.search(r"^mean\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", eval_output, re.M)
    if not m:
        sys.exit(f"[eval-peers] no averages in tsubo eval output:\n{eval_output[-1000:]}")
    kinds = [re.search(rf"^{kind}\s+([\d.]+)", eval_output, re.M) for kind in ("keywords", "questions")]
    return [float(x) for x in m.groups()] + [float(k.group(1)) if k else 0.0 for k in kinds]


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"[eval-peers] failed (exit {p.returncode}): {' '.join(cmd)}\n{p.stderr[-1000:]}")
    return p.stdout


def compare(tsubo, db, set_dir, work):
    """[(system, [nDCG@10, MRR, P@5, R@100])], tsubo first; a peer whose tools are missing is left out."""
    queries = os.path.join(set_dir, "queries.tsv")
    results = [("tsubo", mean_line(run([tsubo, "eval", "--db", db, "--set", set_dir])))]
    passages = os.path.join(work, "passages.jsonl")
    with open(passages, "w", encoding="utf-8") as out:
        subprocess.run([tsubo, "passages", "--db", db], stdout=out, check=True)
    peers = [("Xapian CJK n-gram", ["xapian_ngram_baseline.py"], "xapian"),
             ("Groonga TokenMecab (AND)", ["groonga_baseline.py", "--operator", "AND"], "groonga"),
             ("Groonga TokenMecab (OR)", ["groonga_baseline.py", "--operator", "OR"], "groonga")]
    for name, (script, *options), needs in peers:
        if needs == "groonga" and not shutil.which("groonga"):
            print(f"[eval-peers] {name}: groonga is not installed; left out", file=sys.stderr)
            continue
        run_file = os.path.join(work, "-".join([script.replace(".py", "")] + options) + ".jsonl")
        # Debian's python3, which has the xapian module (python3-xapian)
        run(["/usr/bin/python3", os.path.join(HERE, script), passages, queries, run_file] + options)
        results.append((name, mean_line(run([tsubo, "eval", "--run", run_file, "--set", set_dir]))))
    return results


def table(results):
    """Markdown lines: each system's averages and tsubo's nDCG@10 as a multiple of it."""
    ours = results[0][1][0]
    lines = ["| system | " + " | ".join(MEASURES) + " | tsubo nDCG@10 ÷ this |", "| --- " * (len(MEASURES) + 2) + "|"]
    for name, values in results:
        ratio = f"{ours / values[0]:.2f}×" if values[0] > 0 else "—"
        lines.append(f"| {name} | " + " | ".join(f"{v:.4f}" for v in values) + f" | {ratio} |")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="tsubo index of the judged corpus")
    ap.add_argument("--tsubo", default=os.path.join(HERE, "..", "build", "tsubo"))
    corpus = os.environ.get("TSUBO_CORPUS", os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--set", default=os.path.join(corpus, "eval", "dev"), help="folder with queries.tsv and qrels.tsv")
    ap.add_argument("--work", help="folder for the passages and run files (default: a temporary one)")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.set, "qrels.tsv")):
        sys.exit(f"[eval-peers] no judgments at {a.set} (--set DIR or TSUBO_CORPUS)")
    work = a.work or tempfile.mkdtemp(prefix="tsubo-peers-")
    os.makedirs(work, exist_ok=True)
    try:
        print("\n".join(table(compare(a.tsubo, a.db, a.set, work))))
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
