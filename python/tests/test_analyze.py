import datetime
import json
import subprocess
import threading

import pytest

import aras


def cli_records(aras_bin, docs):
    """What `aras analyze -` writes for these JSONL lines, one list of dicts per line."""
    stdin = "".join(json.dumps(d) + "\n" for d in docs)
    run = subprocess.run([aras_bin, "analyze", "-q", "-"], input=stdin.encode(),
                         capture_output=True, check=True)
    records = [json.loads(line) for line in run.stdout.decode().split("\n") if line]
    per_doc = []
    for r in records:
        if r["type"] == "document":
            per_doc.append([])
        per_doc[-1].append(r)
    return per_doc


def example_docs(repo):
    docs = [json.loads(line) for line in (repo / "examples/feeds.jsonl").read_text().splitlines()
            if line.strip()]
    docs.append({"id": "baku-ceasefire", "date": "2025-06-18",
                 "text": (repo / "examples/baku-ceasefire.txt").read_text()})
    docs.append({"id": "smoke", "date": "2024-03-04", "text": "Germany attacked France on Monday."})
    return docs


def test_smoke():
    records = aras.analyze("Germany attacked France on Monday.", date="2024-03-04")
    assert [r["type"] for r in records] == ["document", "actor", "actor", "time", "event"]
    event = records[-1]
    assert (event["source"]["code"], event["target"]["code"]) == ("DEU", "FRA")
    assert event["date"] == "2024-03-04"
    assert records[0]["doc_id"] == "stdin-1"


def test_equals_cli_field_for_field(repo, aras_bin):
    docs = example_docs(repo)
    expected = cli_records(aras_bin, [{k: d[k] for k in ("id", "date", "text")} for d in docs])
    assert len(expected) == len(docs)
    for doc, want in zip(docs, expected):
        got = aras.analyze(doc["text"], date=doc["date"], id=doc["id"])
        assert got[0]["type"] == "document"
        # The document record carries input metadata; everything else is equal as is.
        assert got[1:] == want[1:], doc["id"]
        assert {k: got[0][k] for k in ("doc_id", "date", "sha256", "bytes", "sentences",
                                       "tokens", "schema")} == \
               {k: want[0][k] for k in ("doc_id", "date", "sha256", "bytes", "sentences",
                                        "tokens", "schema")}
        assert any(r["type"] == "actor" for r in got)


def test_metadata_in_document_record_equals_cli(repo, aras_bin):
    docs = example_docs(repo)[:2]  # these carry title, source and lang
    expected = cli_records(aras_bin, docs)
    got = aras.analyze_batch(docs, threads=2)
    assert got == expected


def test_batch_flat_is_the_cli_stream(repo, aras_bin):
    docs = [d["text"] for d in example_docs(repo)]
    expected = [r for recs in cli_records(aras_bin, [{"text": t} for t in docs]) for r in recs]
    assert aras.analyze_batch(docs, threads=2, flat=True) == expected


def test_batch_order_and_ids():
    texts = [f"Germany attacked France on Monday. {i}" for i in range(20)]
    out = aras.analyze_batch(iter(texts), threads=2)
    assert [recs[0]["doc_id"] for recs in out] == [f"stdin-{i}" for i in range(1, 21)]
    assert out[0][1:] == aras.analyze(texts[0])[1:]
    assert aras.analyze_batch([]) == []


def test_date_objects():
    a = aras.analyze("Germany attacked France on Monday.", date=datetime.date(2024, 3, 4))
    b = aras.analyze("Germany attacked France on Monday.", date="2024-03-04")
    assert a == b
    c = aras.analyze("Germany attacked France on Monday.",
                     date=datetime.datetime(2024, 3, 4, 10, 0))
    assert c[-1]["date"] == "2024-03-04"


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "March 4, 2024", "2024-3-4",
                                  "20240304", ""])
def test_bad_dates_are_value_errors(date):
    with pytest.raises(ValueError, match="date"):
        aras.analyze("Germany attacked France.", date=date)


def test_type_errors():
    with pytest.raises(TypeError):
        aras.analyze(b"bytes are not text")
    with pytest.raises(TypeError):
        aras.analyze_batch([42])
    with pytest.raises(ValueError, match="unknown field"):
        aras.analyze_batch([{"text": "x", "body": "y"}])
    with pytest.raises(ValueError, match="no 'text'"):
        aras.analyze_batch([{"id": "x"}])
    with pytest.raises(ValueError, match="threads"):
        aras.analyze_batch(["x"], threads=0)
    with pytest.raises(ValueError, match="timeout"):
        aras.analyze("x", timeout=-1)


def test_gil_is_released_while_analysing():
    # A Python thread keeps running while the native analysis runs on the main thread
    # (called directly, so no Python code of the wrapper runs meanwhile).
    from aras import _aras

    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    aras.load()
    doc = {"text": "Germany attacked France on Monday. " * 2000}
    t = threading.Thread(target=tick)
    t.start()
    stop.wait(0.01)
    before = len(ticks)
    _aras.analyze_json([doc], 1, None)
    during = len(ticks) - before
    stop.set()
    t.join()
    assert during > 5


def test_corpus_equals_cli(repo, aras_bin):
    """The AFP/Xinhua articles (../shared, or $ARAS_CORPUS), when present: 200 documents."""
    import os
    import pathlib

    path = pathlib.Path(os.environ.get(
        "ARAS_CORPUS", repo.parent / "shared/data/corpora/news_afp_xinhua_te3/articles.jsonl"))
    if not path.is_file():
        pytest.skip(f"{path} not found (set ARAS_CORPUS to a JSONL file)")
    with path.open() as f:
        docs = [json.loads(line) for _, line in zip(range(200), f)]
    docs = [{k: v for k, v in d.items() if k in aras.FIELDS} for d in docs]
    assert aras.analyze_batch(docs, threads=2) == cli_records(aras_bin, docs)
