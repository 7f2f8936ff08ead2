"""Shared helpers of the gold tools: where the shared data is, and a gold file's document body.

A gold file (score.py's format, `../shared/gold/ANNOTATING.md`) names its text with
`text_ref`: `{"path": P}` for a text file with front matter, or `{"path": P, "id": I}` for
the line of a JSON Lines file whose `id` is I; P is relative to `../shared`. The articles
themselves are never copied into the repository.
"""
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO / "eval" / "gold"


def shared_dir():
    """`$ARAS_SHARED`, else `../shared` beside the repository."""
    env = os.environ.get("ARAS_SHARED")
    return Path(env) if env else (REPO.parent / "shared")


def body_of_text_file(path):
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


_jsonl_cache = {}


def jsonl_doc(path, doc_id):
    path = str(path)
    if path not in _jsonl_cache:
        docs = {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d.get("id")] = d
        _jsonl_cache[path] = docs
    return _jsonl_cache[path][doc_id]


def body(gold, shared=None):
    """The document body a gold file annotates (str)."""
    shared = Path(shared) if shared else shared_dir()
    ref = gold["text_ref"]
    path = shared / ref["path"]
    if "id" in ref:
        return jsonl_doc(path, ref["id"])["text"]
    return body_of_text_file(path)


def gold_files(folder=None):
    folder = Path(folder) if folder else GOLD_DIR / "docs"
    return sorted(folder.glob("*.gold.json"))


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))
