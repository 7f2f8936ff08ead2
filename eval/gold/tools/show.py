#!/usr/bin/env python3
"""Print a document of the gold set with 0-based body line numbers, the way gold `line`
and `lines` count them.

    python3 eval/gold/tools/show.py AFP_ENG_19970401.0541          # an AFP/Xinhua id
    python3 eval/gold/tools/show.py corpus/wikinews/GUM_news_crane.txt
    python3 eval/gold/tools/show.py eval/gold/docs/X.gold.json      # the text a gold file names
"""
import json
import sys
from pathlib import Path

import goldlib

AFP = "data/corpora/news_afp_xinhua_te3/articles.jsonl"


def main(arg):
    shared = goldlib.shared_dir()
    if arg.endswith(".gold.json"):
        gold = goldlib.load(arg)
        text = goldlib.body(gold)
        meta = f"{gold['doc_id']} ({gold.get('doc_date')})"
    elif arg.endswith(".txt"):
        text = goldlib.body_of_text_file(shared / arg)
        meta = arg
    else:
        d = goldlib.jsonl_doc(shared / AFP, arg)
        text = d["text"]
        meta = f"{d['id']} date {d['date']} dateline {d.get('dateline')!r} title {d.get('title')!r}"
    print(f"# {meta}")
    for i, line in enumerate(text.split("\n")):
        if line.strip():
            print(f"{i:3d}| {line}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
