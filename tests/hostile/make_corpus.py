#!/usr/bin/env python3
"""Writes the hostile-input corpus of issue 16 into a directory (default: ./corpus).

Small cases are written the same way as large ones so that the whole corpus is one
script; nothing here is random (a fixed seed), so every run writes the same bytes.
Usage: make_corpus.py [DIR] [--small]   (--small: 1/10 of the large sizes, for a quick try)
"""
import json
import os
import random
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
small = "--small" in sys.argv
out = args[0] if args else "corpus"
scale = 10 if small else 1
os.makedirs(out, exist_ok=True)
rng = random.Random(16)
WORDS = ("the government said minister Baku talks army police Iran Israel Azerbaijan "
         "Armenia border officials met agreed attack troops president").split()


def path(name):
    return os.path.join(out, name)


def words(n_bytes, sep=" "):
    parts, size = [], 0
    while size < n_bytes:
        w = rng.choice(WORDS)
        parts.append(w)
        size += len(w) + len(sep)
    return sep.join(parts)


def write(name, data, mode="w"):
    with open(path(name), mode) as f:
        f.write(data)


# Good documents the runner puts around every case: their output must not change.
write("good-before.txt", "---\ntitle: Good before\n---\nAzerbaijan and Armenia agreed on "
      "Tuesday to hold new border talks in Baku, the foreign ministry said.\n")
write("good-after.txt", "---\ntitle: Good after\n---\nIran's foreign minister met his "
      "Turkish counterpart in Ankara on Monday, officials said.\n")

# Binary: NUL bytes at the start.
write("binary.txt", bytes([0, 1, 2, 255]) + bytes(rng.randrange(256) for _ in range(4096)), "wb")
# Invalid UTF-8 after a readable first line.
write("invalid-utf8.txt", b"Azerbaijan said on Monday it would talk.\nThen \xff\xfe bad bytes.\n", "wb")
# NUL byte on line 2 of a JSON Lines file: only that line is rejected.
lines = [json.dumps({"id": f"nul-{i}", "text": f"Document {i}: Armenia said talks went well."})
         for i in range(1, 11)]
lines[1] = lines[1].replace("Document", "Docu\x00ment")
write("nul-line2.jsonl", ("\n".join(lines) + "\n").encode("utf-8"), "wb")
# A 20 MB line without punctuation.
write("line-20mb.txt", words(20_000_000 // scale) + "\n")
# A 5 MB "sentence": words and commas, no sentence end.
write("sentence-5mb.txt", words(5_000_000 // scale, sep=", ") + "\n")
# 200,000 short lines.
write("lines-200k.txt", "".join(f"Line {i} short.\n" for i in range(200_000 // scale)))
# A 50 MB JSONL text (one record).
with open(path("text-50mb.jsonl"), "w") as f:
    f.write('{"id": "big", "text": "')
    target = 50_000_000 // scale
    chunk = "Azerbaijan said on Monday that Armenian troops had attacked its positions. "
    f.write(chunk * (target // len(chunk)))
    f.write('"}\n')
# Wrong JSON types and impossible dates.
write("wrong-types.jsonl", "\n".join([
    json.dumps({"id": "t1", "text": 5}),
    json.dumps({"id": "t2", "text": ["a", "b"]}),
    json.dumps([1, 2, 3]),
    json.dumps("just a string"),
    json.dumps({"id": 7, "title": {"x": 1}, "text": "Numbers as ids."}),
    json.dumps({"id": "d1", "date": "not a date", "text": "Armenia said so."}),
    json.dumps({"id": "d2", "date": "2025-02-31", "text": "Armenia said so."}),
    "{broken json",
]) + "\n")
# 100,000 nested divs.
n = 100_000 // scale
write("nested-divs.html", "<html><body>" + "<div>" * n + "Azerbaijan said talks went well."
      + "</div>" * n + "</body></html>\n")
# XML entity expansion ("billion laughs") and an external entity, in a feed.
lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "' + f"&lol{i-1};" * 10 + '">'
                                  for i in range(1, 10)]
write("entity-bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(lol) + ']>\n'
      '<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title>'
      '<description>&lol9;</description></item></channel></rss>\n')
write("external-entity.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM '
      '"file:///etc/passwd">]>\n<rss version="2.0"><channel><title>t</title><item>'
      '<title>x</title><description>&xxe;</description></item></channel></rss>\n')
# Front matter never closed.
write("unclosed-front-matter.txt", "---\ntitle: Never closed\ndate: 2025-01-01\n"
      "Azerbaijan said talks went well.\n")
# A directory with a symlink loop, a FIFO and an unreadable file among good ones.
d = path("dir")
os.makedirs(d, exist_ok=True)
with open(os.path.join(d, "a-good.txt"), "w") as f:
    f.write("Armenia and Azerbaijan agreed to meet again, officials said.\n")
for name, make in (("loop.txt", lambda p: os.symlink("loop.txt", p)),
                   ("fifo.txt", os.mkfifo)):
    p = os.path.join(d, name)
    if not os.path.lexists(p):
        make(p)
p = os.path.join(d, "unreadable.txt")
with open(p, "w") as f:
    f.write("Unreadable unless root.\n")
os.chmod(p, 0)
print(f"hostile corpus written to {out}")
