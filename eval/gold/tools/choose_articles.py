#!/usr/bin/env python3
"""Choose the AFP/Xinhua articles of the development gold set, once, before anyone reads aras's
output for them.

    python3 eval/gold/tools/choose_articles.py [--shared ../shared] [--n 48]

The choice looks only at the text: political wording (offices, forces, diplomacy, violence,
protest) at least 12 times, little market or sports wording, 1,200 to 5,000 bytes. Of the
articles that pass, a fixed-seed shuffle takes the first N. Prints one id a line.
"""
import argparse
import json
import random
import re
from pathlib import Path

POLITICAL = re.compile(
    r"\b(president|minister|government|troops|army|military|talks|attack\w*|killed|sanctions|"
    r"agreement|accord|treaty|protest\w*|rebels?|police|arrest\w*|visit\w*|summit|ambassador|"
    r"diplomat\w*|embassy|accused|condemn\w*|negotiat\w*|ceasefire|peace|election|parliament|"
    r"opposition|bomb\w*|clash\w*|demonstrat\w*|aid|expel\w*|warn\w*)\b",
    re.I,
)
MARKETS_OR_SPORT = re.compile(
    r"\b(shares?|stocks?|index|soccer|football|tennis|olympic|cup|championship|league|match|"
    r"GDP|exports?|yuan|percent)\b",
    re.I,
)
SEED = 20261202


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[4] / "shared"))
    ap.add_argument("--n", type=int, default=48)
    args = ap.parse_args()
    path = Path(args.shared) / "data/corpora/news_afp_xinhua_te3/articles.jsonl"
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        t = d["text"]
        if (
            1200 <= len(t) <= 5000
            and len(POLITICAL.findall(t)) >= 12
            and len(MARKETS_OR_SPORT.findall(t)) <= 3
        ):
            ids.append(d["id"])
    ids.sort()
    random.Random(SEED).shuffle(ids)
    for i in ids[: args.n]:
        print(i)


if __name__ == "__main__":
    main()
