"""What the peer baselines (xapian_ngram_baseline.py, groonga_baseline.py) share: their command line,
the judged queries they read and the run file they write for `tsubo eval --run` (one JSON line per
query: {"qid", "query", "hits": [{"doc_id", "passage_id", "text"}]})."""
import argparse
import json


def arguments(description, extra=None):
    """PASSAGES.jsonl QUERIES.tsv RUN.jsonl [--depth N] [--db DIR], plus what `extra(parser)` adds."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("passages", help="tsubo passages --db DB > PASSAGES.jsonl")
    ap.add_argument("queries", help="queries.tsv of a judgment set")
    ap.add_argument("run", help="run file to write")
    ap.add_argument("--depth", type=int, default=100, help="hits kept per query")
    ap.add_argument("--db", help="keep the peer's database here (default: a temporary one)")
    if extra:
        extra(ap)
    return ap.parse_args()


def read_queries(path):
    """[(qid, query)] from a queries.tsv (qid TAB query [TAB description])."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] and not parts[0].startswith("#"):
                out.append((parts[0], parts[1]))
    return out


def write_run(path, results):
    """results: [(qid, query, hits)], hits as dicts with doc_id, passage_id and text."""
    with open(path, "w", encoding="utf-8") as out:
        for qid, query, hits in results:
            out.write(json.dumps({"qid": qid, "query": query, "hits": hits}, ensure_ascii=False) + "\n")
