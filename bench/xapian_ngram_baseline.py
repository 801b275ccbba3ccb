#!/usr/bin/python3
"""The baseline of issue 4: the same passages (`tsubo passages`) indexed with Xapian's built-in CJK
n-gram mode and searched with its QueryParser. Writes a run file (one JSON line per query:
{"qid", "query", "hits": [{"doc_id", "passage_id", "text"}]}) that `tsubo eval --run` scores with
exactly the measures used for tsubo itself.

usage: xapian_ngram_baseline.py PASSAGES.jsonl QUERIES.tsv RUN.jsonl [--depth 100] [--db DIR]
"""
import json
import os
import shutil
import sys
import tempfile
import time

import xapian

import peer_run


def build(passages_path, db_path):
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    n = 0
    start = time.time()
    with open(passages_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            # Same context as tsubo gets: title and heading path, then the body.
            tg.index_text(rec.get("title", ""))
            tg.index_text(rec.get("heading", ""))
            tg.increase_termpos()
            tg.index_text(rec["text"])
            doc.set_data(json.dumps({"doc_id": rec["doc_id"], "passage_id": rec["passage_id"],
                                     "text": rec["text"]}, ensure_ascii=False))
            db.add_document(doc)
            n += 1
    db.commit()
    return n, time.time() - start


def search(db_path, queries_path, run_path, depth):
    db = xapian.Database(db_path)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_OR)
    flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM
    enquire = xapian.Enquire(db)
    results = []
    for qid, text in peer_run.read_queries(queries_path):
        enquire.set_query(qp.parse_query(text, flags))
        hits = [json.loads(m.document.get_data().decode("utf-8")) for m in enquire.get_mset(0, depth)]
        results.append((qid, text, hits))
    peer_run.write_run(run_path, results)


def main():
    args = peer_run.arguments("Xapian CJK n-gram baseline over tsubo's passages")
    db_path = args.db or tempfile.mkdtemp(prefix="tsubo-ngram-")
    try:
        n, secs = build(args.passages, db_path)
        print(f"[ngram-baseline] indexed {n} passages in {secs:.1f} s", file=sys.stderr)
        search(db_path, args.queries, args.run, args.depth)
    finally:
        if not args.db:
            shutil.rmtree(db_path, ignore_errors=True)


if __name__ == "__main__":
    main()
