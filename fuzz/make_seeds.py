#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets.

`--repo` writes the committed seeds that are derived from the project's own examples/
(store_records needs real `aras analyze` output: body, NUL, JSON Lines; run with the
release binary built). `--shared DIR OUT` writes run-time seeds from third-party data
under ../shared into OUT/<target>/ (never committed: fuzz/corpus is ignored by git).
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "fuzz")
ARAS = os.path.join(ROOT, "target", "release", "aras")


def bodies():
    """(name, body) of every example document."""
    text = open(os.path.join(ROOT, "examples", "baku-ceasefire.txt"), encoding="utf-8").read()
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    yield "baku", text
    for i, line in enumerate(open(os.path.join(ROOT, "examples", "feeds.jsonl"), encoding="utf-8")):
        if line.strip():
            yield f"feeds{i + 1}", json.loads(line)["text"]


def analyse(body):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "doc.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        return subprocess.run([ARAS, "analyze", "-q", path], check=True,
                              capture_output=True, text=True).stdout


def repo():
    for name, body in bodies():
        jsonl = analyse(body)
        with open(os.path.join(HERE, "seeds", "store_records", name), "wb") as f:
            f.write(body.encode() + b"\0" + jsonl.encode())


def write(out, target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def head(path, limit=8192):
    """The first whole lines of a file, at most `limit` bytes."""
    data = open(path, "rb").read(limit)
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut > 0 else data


def shared(shared_dir, out):
    corpus = os.path.join(shared_dir, "corpus")
    for sub in ("wikinews", "seed"):
        d = os.path.join(corpus, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d))[:10]:
            data = head(os.path.join(d, name), 4096)
            target = "ingest_jsonl" if name.endswith(".jsonl") else "ingest_text"
            write(out, target, f"shared-{sub}-{name}", data)
            write(out, "analyze", f"shared-{sub}-{name}", b"\x01" + data)
    ed = os.path.join(shared_dir, "data", "eventdata")
    # (selector byte, file): the selectors of fuzz_targets/dictionaries.rs.
    dicts = [
        (0, "petrarch2/PETR.Validate.actors.txt"),
        (1, "petrarch2/PETR.Validate.agents.txt"),
        (2, "petrarch2/PETR.Validate.verbs.txt"),
        (0, "Dictionaries/Phoenix.Countries.actors.txt"),
        (1, "Dictionaries/Phoenix.agents.txt"),
        (2, "Dictionaries/CAMEO.verbpatterns.txt"),
        (3, "TABARI-Dictionaries/Levant.080629.actors"),
        (4, "TABARI-Dictionaries/PSU.120522.agents"),
        (5, "TABARI-Dictionaries/CAMEO.080612.verbs"),
        (8, "petrarch2/PETR.UnitTest.records.xml"),
    ]
    for sel, rel in dicts:
        path = os.path.join(ed, rel)
        if os.path.isfile(path):
            write(out, "dictionaries", "shared-" + os.path.basename(rel), bytes([sel]) + head(path))
    ud = os.path.join(shared_dir, "data", "ud", "en_ewt-ud-dev.conllu")
    if os.path.isfile(ud):
        write(out, "conllu", "shared-en_ewt-dev", head(ud))


if __name__ == "__main__":
    if sys.argv[1:] == ["--repo"]:
        repo()
    elif len(sys.argv) == 4 and sys.argv[1] == "--shared":
        shared(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
