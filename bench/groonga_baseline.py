#!/usr/bin/python3
"""The other peer of issue 4: the same passages (`tsubo passages`) loaded into Groonga, indexed with
TokenMecab, and searched with Groonga's query syntax. Writes a run file like xapian_ngram_baseline.py
(one JSON line per query: {"qid", "query", "hits": [{"doc_id", "passage_id", "text"}]}) that
`tsubo eval --run` scores with exactly the measures used for tsubo itself.

Groonga joins the words of a query with AND; --operator OR joins them with OR instead (the n-gram
baseline's QueryParser default), so both readings of a multi-word query can be measured.

usage: groonga_baseline.py PASSAGES.jsonl QUERIES.tsv RUN.jsonl [--depth 100] [--operator AND|OR] [--db DIR]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import peer_run

SCHEMA = """table_create Passages TABLE_HASH_KEY ShortText
column_create Passages doc_id COLUMN_SCALAR ShortText
column_create Passages body COLUMN_SCALAR LongText
column_create Passages searchable COLUMN_SCALAR LongText
"""

# Built after the load, as Groonga recommends for bulk data.
INDEX = """table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenMecab --normalizer NormalizerNFKC100
column_create Terms passages_searchable COLUMN_INDEX|WITH_POSITION Passages searchable
"""


def groonga(db_path, commands, create=False):
    """Runs Groonga commands (one a line) on the database; returns one parsed answer per command."""
    args = ["groonga"] + (["-n"] if create else []) + [db_path]
    p = subprocess.run(args, input=commands, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"[groonga-baseline] groonga failed (exit {p.returncode}): {p.stderr[-500:]}")
    answers = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    for a in answers:
        if a[0][0] != 0:
            sys.exit(f"[groonga-baseline] groonga error: {a[0]}")
    return answers


def build(passages_path, db_path):
    records = []
    with open(passages_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            # Same context as tsubo and the n-gram baseline get: title and heading path, then the body.
            records.append({"_key": rec["passage_id"], "doc_id": rec["doc_id"], "body": rec["text"],
                            "searchable": "\n".join([rec.get("title", ""), rec.get("heading", ""), rec["text"]])})
    start = time.time()
    load = "load --table Passages\n" + json.dumps(records, ensure_ascii=False) + "\n"
    groonga(db_path, SCHEMA + load + INDEX, create=True)
    return len(records), time.time() - start


def quoted(value):
    """A value for Groonga's command syntax."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def query_text(text, operator):
    """The query in Groonga's syntax: words separated by spaces (AND) or by OR."""
    words = text.replace("\u3000", " ").split()
    return (" OR " if operator == "OR" else " ").join(words)


def search(db_path, queries_path, run_path, depth, operator):
    queries = peer_run.read_queries(queries_path)
    commands = "".join(
        f"select Passages --match_columns searchable --query {quoted(query_text(text, operator))} "
        f"--sort_keys -_score,_id --limit {depth} --output_columns _key,doc_id,body\n" for _, text in queries)
    results = []
    for (qid, text), answer in zip(queries, groonga(db_path, commands)):
        rows = answer[1][0][2:]  # after the hit count and the column names
        results.append((qid, text, [{"passage_id": key, "doc_id": doc_id, "text": body} for key, doc_id, body in rows]))
    peer_run.write_run(run_path, results)


def main():
    args = peer_run.arguments("Groonga + TokenMecab baseline over tsubo's passages", lambda ap: ap.add_argument(
        "--operator", choices=["AND", "OR"], default="AND", help="how the words of a query are joined"))
    if not shutil.which("groonga"):
        sys.exit("[groonga-baseline] groonga is not installed (Debian: groonga-bin groonga-tokenizer-mecab)")
    work = args.db or tempfile.mkdtemp(prefix="tsubo-groonga-")
    db_path = os.path.join(work, "db")
    try:
        n, secs = build(args.passages, db_path)
        print(f"[groonga-baseline] loaded and indexed {n} passages in {secs:.1f} s", file=sys.stderr)
        search(db_path, args.queries, args.run, args.depth, args.operator)
    finally:
        if not args.db:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
