#!/usr/bin/env python3
"""Check gold files against the rules of ANNOTATING.md, and check them with score.py itself.

    python3 eval/gold/tools/validate.py [GOLD.json ...]     # default: every file in eval/gold/docs

For each file: the text it names exists; every event and negative line exists and holds
one of the item's `keys`; codes are three-letter upper case, roots two-digit `01`..`20`;
each quote's `starts` follows a quotation mark on its line; each time's text is on its
line; each actor text occurs in the body; no acceptable coding of a gold event sets off a
negative on the same line. Then score.py (`../shared/tools/score.py`) scores an empty
prediction (event recall 0, nothing violated) and a prediction made from the gold itself
(recall 1 for events, quotes, times and actors, nothing violated). Exits 1 on any problem.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import goldlib

CODE = re.compile(r"^[A-Z]{3}$")
ROOTS = {f"{i:02d}" for i in range(1, 21)}
QUOTE_MARKS = ('"', "\u201c", "\u2018", "'", "``", "`")


def as_list(x):
    return x if isinstance(x, list) else [x]


def check(path, problems):
    def bad(msg):
        problems.append(f"{path.name}: {msg}")

    g = goldlib.load(path)
    for key in ("doc_id", "doc_date", "text_ref", "events", "negatives", "quotes", "times", "actors"):
        if key not in g:
            bad(f"missing key {key!r}")
            return None
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", g["doc_date"]):
        bad(f"doc_date {g['doc_date']!r} is not YYYY-MM-DD")
    try:
        body = goldlib.body(g)
    except (OSError, KeyError) as e:
        bad(f"text_ref does not resolve: {e}")
        return None
    lines = body.split("\n")
    low = [l.lower() for l in lines]

    def line_ok(n, what):
        if not isinstance(n, int) or n < 0 or n >= len(lines) or not lines[n].strip():
            bad(f"{what}: line {n} is not a non-empty body line")
            return False
        return True

    def keys_ok(item, ns, what):
        keys = item.get("keys") or []
        if not keys:
            bad(f"{what}: no keys (words of the event on its lines)")
            return
        for n in ns:
            if 0 <= n < len(low) and not any(k.lower() in low[n] for k in keys):
                bad(f"{what}: none of {keys} on line {n}: {lines[n][:100]!r}")

    def codes_ok(codes, what, allow_null=False, allow_star=False):
        for c in as_list(codes):
            if c is None and allow_null:
                continue
            if c == "*" and allow_star:
                continue
            if not isinstance(c, str) or not CODE.match(c):
                bad(f"{what}: {c!r} is not a three-letter code")

    ids = set()
    for e in g["events"]:
        what = f"event {e.get('id')}"
        if e.get("id") in ids:
            bad(f"{what}: duplicate id")
        ids.add(e.get("id"))
        for k in ("desc", "source", "target", "roots", "lines", "required"):
            if k not in e:
                bad(f"{what}: missing {k}")
        codes_ok(e.get("source"), what + " source")
        codes_ok(e.get("target"), what + " target", allow_null=True)
        if not e.get("roots") or any(r not in ROOTS for r in e.get("roots", [])):
            bad(f"{what}: roots {e.get('roots')} must be two-digit 01..20")
        for n in e.get("lines", []):
            line_ok(n, what)
        keys_ok(e, e.get("lines", []), what)
        if e.get("date") and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", e["date"]):
            bad(f"{what}: date {e['date']!r}")
    for n in g["negatives"]:
        what = f"negative {n.get('id')}"
        if n.get("id") in ids:
            bad(f"{what}: duplicate id")
        ids.add(n.get("id"))
        for k in ("desc", "line", "source", "target", "roots"):
            if k not in n:
                bad(f"{what}: missing {k}")
        codes_ok(n.get("source"), what + " source", allow_star=True)
        if n.get("target") != "*":
            codes_ok(n.get("target"), what + " target")
        if any(r not in ROOTS for r in n.get("roots", [])):
            bad(f"{what}: roots {n.get('roots')}")
        if line_ok(n.get("line"), what):
            keys_ok(n, [n["line"]], what)
        # No acceptable coding of a gold event on this line may set the negative off.
        for e in g["events"]:
            if n.get("line") not in e.get("lines", []):
                continue
            if not set(e.get("roots", [])) & set(n.get("roots", [])):
                continue
            pairs = [(s, t) for s in as_list(e["source"]) for t in as_list(e["target"])]
            if e.get("symmetric"):
                pairs += [(t, s) for s, t in pairs]
            for s, t in pairs:
                src_hit = n["source"] == "*" or s in as_list(n["source"])
                tgt_hit = n["target"] == "*" or t == n["target"]
                if src_hit and tgt_hit:
                    bad(f"{what}: a correct coding of event {e['id']} ({s}->{t}) would violate it")
                    break
    for q in g["quotes"]:
        what = f"quote {q.get('id')}"
        if line_ok(q.get("line"), what):
            line = lines[q["line"]]
            i = line.find(q["starts"])
            if i < 0:
                bad(f"{what}: {q['starts']!r} not on line {q['line']}")
            elif not line[:i].rstrip().endswith(QUOTE_MARKS):
                bad(f"{what}: {q['starts']!r} does not follow a quotation mark")
        if not q.get("speaker"):
            bad(f"{what}: no speaker names")
    for t in g["times"]:
        what = f"time {t.get('id')}"
        if line_ok(t.get("line"), what) and t["text"] not in lines[t["line"]]:
            bad(f"{what}: {t['text']!r} not on line {t['line']}")
        if not t.get("value"):
            bad(f"{what}: no value")
    for a in g["actors"]:
        if a["text"] not in body:
            bad(f"actor {a.get('id')}: {a['text']!r} not in the body")
        if not isinstance(a.get("code_prefix"), list) or not a["code_prefix"]:
            bad(f"actor {a.get('id')}: code_prefix must be a non-empty list")
    for a in g.get("actor_negatives", []):
        if a["text"] not in body:
            bad(f"actor negative {a.get('id')}: {a['text']!r} not in the body")
    for r in g.get("relations", []):
        if r.get("sign") not in ("+", "-", "mixed") or len(r.get("pair", [])) != 2:
            bad(f"relation {r}: pair of two codes and sign +, - or mixed")
    return g, body


def prediction_from_gold(g, body):
    """Records that code every gold item the first acceptable way."""
    b = body.encode("utf-8")
    starts = [0]
    for i, ch in enumerate(b):
        if ch == 10:
            starts.append(i + 1)
    doc = g["doc_id"]
    recs = []
    for k, e in enumerate(g["events"]):
        s = as_list(e["source"])[0]
        t = as_list(e["target"])[0]
        off = starts[e["lines"][0]]
        recs.append({"type": "event", "doc_id": doc, "id": f"e{k}",
                     "source": {"code": s, "country": s},
                     "target": None if t is None else {"code": t, "country": t},
                     "root": e["roots"][0], "cameo": e["roots"][0] + "0", "quad_class": None,
                     "date": e.get("date"), "negated": False, "modality": "asserted",
                     "evidence": {"start": off, "end": off + 1}})
    for k, a in enumerate(g["actors"]):
        i = b.find(a["text"].encode("utf-8"))
        recs.append({"type": "actor", "doc_id": doc, "id": f"m{k}", "start": i,
                     "end": i + len(a["text"].encode("utf-8")), "code": a["code_prefix"][0]})
    for k, q in enumerate(g["quotes"]):
        line = body.split("\n")[q["line"]]
        off = starts[q["line"]] + len(line[: line.find(q["starts"])].encode("utf-8"))
        recs.append({"type": "quote", "doc_id": doc, "id": f"q{k}", "text": q["starts"],
                     "start": off, "end": off + 1, "speaker": {"name": q["speaker"][0]}})
    for k, t in enumerate(g["times"]):
        off = starts[t["line"]]
        recs.append({"type": "time", "doc_id": doc, "id": f"t{k}", "text": t["text"],
                     "start": off, "end": off + 1, "value": t["value"][0]})
    return recs


def score(g, body, recs):
    shared = goldlib.shared_dir()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "texts").mkdir()
        (tmp / "gold").mkdir()
        (tmp / "texts" / "doc.txt").write_text(body, encoding="utf-8")
        gg = dict(g, text_file="texts/doc.txt")
        (tmp / "gold" / "g.json").write_text(json.dumps(gg), encoding="utf-8")
        (tmp / "pred.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(tmp / "gold" / "g.json"),
                              str(tmp / "pred.jsonl"), "--json"], capture_output=True, text=True)
        return json.loads(out.stdout)["figures"]


def main(args):
    files = [Path(a) for a in args] or goldlib.gold_files()
    problems = []
    n_req = 0
    for path in files:
        got = check(path, problems)
        if got is None:
            continue
        g, body = got
        n_req += sum(1 for e in g["events"] if e["required"])
        empty = score(g, body, [])
        if any(e["required"] for e in g["events"]) and empty["event_recall"] != 0:
            problems.append(f"{path.name}: an empty prediction scores event recall {empty['event_recall']}")
        full = score(g, body, prediction_from_gold(g, body))
        for k in ("event_recall", "quote_recall", "time_accuracy", "actor_recall"):
            if full[k] != 1.0:
                problems.append(f"{path.name}: the gold's own prediction scores {k}={full[k]}")
        if full["negatives_violated"]:
            problems.append(f"{path.name}: the gold's own prediction violates {full['negatives_violated']} negatives")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {n_req} required events, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
