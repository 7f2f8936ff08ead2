"""The Spark recipe (python/spark/aras_spark.py) in local[2] mode on 500 AFP/Xinhua
articles: both routes' event rows equal what `aras analyze` writes for the same
documents, record for record and field for field, in the schema of `aras export`."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python" / "spark"))

N_ARTICLES = 500


def _corpus():
    shared = pathlib.Path(os.environ.get("ARAS_SHARED") or REPO / ".." / "shared")
    return shared / "data" / "corpora" / "news_afp_xinhua_te3" / "articles.jsonl"


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark not installed: pip install pyspark")
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install pyarrow")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("no Java for Spark: install a JRE 17 (apt-get install openjdk-17-jre-headless)")
    import aras_spark

    session = aras_spark.session("local[2]", "aras-test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    corpus = _corpus()
    if not corpus.is_file():
        pytest.skip(f"skipped: ../shared not found at {corpus} (set ARAS_SHARED)")
    path = tmp_path_factory.mktemp("corpus") / "articles-500.jsonl"
    with open(corpus, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n == N_ARTICLES:
                break
            dst.write(line)
    return path


@pytest.fixture(scope="module")
def expected(aras_bin, articles, tmp_path_factory):
    """`aras analyze`'s records for the articles: the JSON Lines, and the Parquet events
    of `--format parquet` (the Rust conversion to `aras export`'s schema)."""
    import aras_spark

    out = tmp_path_factory.mktemp("expected")
    jsonl = subprocess.run([aras_bin, "analyze", "--quiet", str(articles)], check=True,
                           capture_output=True).stdout.decode()
    records = [json.loads(line) for line in jsonl.splitlines()]
    subprocess.run([aras_bin, "analyze", "--quiet", "--format", "parquet", "--tables", "events",
                    "--out", str(out / "dataset"), str(articles)], check=True)
    return records, aras_spark.read_events(str(out / "dataset"))


def _rows(table):
    return sorted(table.to_pylist(), key=lambda r: (r["doc_id"], int(r["event_id"][1:])))


def _check(summary, out, expected):
    import aras_spark

    records, table = expected
    events = [r for r in records if r["type"] == "event"]
    assert len(events) > 500, "the articles should give hundreds of events"
    got = aras_spark.read_events(out)
    assert got.schema.equals(table.schema, check_metadata=True), (got.schema, table.schema)
    assert got.schema.metadata[b"aras.schema"] == b"events/2"
    want_rows, got_rows = _rows(table), _rows(got)
    assert len(got_rows) == len(want_rows) == len(events) == summary["rows"]["events"]
    for want, have in zip(want_rows, got_rows):
        assert have == want, (want["doc_id"], want["event_id"])
    # And against the JSON Lines directly, for the fields both carry.
    by_id = {(e["doc_id"], e["id"]): e for e in events}
    for row in got_rows:
        ev = by_id[(row["doc_id"], row["event_id"])]
        assert row["cameo"] == ev["cameo"] and row["modality"] == ev["modality"]
        assert (row["evidence_start"], row["evidence_end"]) == (ev["evidence"]["start"],
                                                                ev["evidence"]["end"])
        assert row["date_text"] == ev["date"] and row["trigger"] == ev["trigger"]["text"]
    # Hive layout: every file sits under its rows' publication day.
    for f in pathlib.Path(out, "events").rglob("*.parquet"):
        import pyarrow.parquet as pq

        days = {d.isoformat() if d else "__HIVE_DEFAULT_PARTITION__"
                for d in pq.read_table(f).column("published").to_pylist()}
        assert days == {f.parent.name.split("=", 1)[1]}, f
    assert pathlib.Path(out, "_SUCCESS").exists()


def test_spark_package_route_equals_aras_analyze(spark, articles, expected, tmp_path):
    pytest.importorskip("aras")
    import aras_spark

    out = str(tmp_path / "coded")
    started = time.monotonic()
    docs = aras_spark.read_corpus(spark, str(articles), partitions=2)
    summary = aras_spark.code_with_package(docs, out)
    seconds = time.monotonic() - started
    print(f"\nspark package route, local[2], {N_ARTICLES} articles: {seconds:.1f} s, {summary}")
    assert summary["documents"] == N_ARTICLES
    _check(summary, out, expected)
    # Spark reads the dataset back (partition pruning on the Hive directories).
    assert spark.read.parquet(os.path.join(out, "events")).count() == summary["rows"]["events"]


def test_spark_pipe_route_equals_aras_analyze(spark, articles, expected, aras_bin, tmp_path):
    import aras_spark

    out = str(tmp_path / "coded")
    started = time.monotonic()
    docs = aras_spark.read_corpus(spark, str(articles), partitions=2)
    summary = aras_spark.code_with_pipe(docs, out, aras=aras_bin)
    seconds = time.monotonic() - started
    print(f"\nspark pipe route, local[2], {N_ARTICLES} articles: {seconds:.1f} s, {summary}")
    assert summary["documents"] == N_ARTICLES
    _check(summary, out, expected)


def test_spark_refuses_a_non_empty_output(spark, tmp_path):
    import aras_spark

    (tmp_path / "coded").mkdir()
    (tmp_path / "coded" / "keep.txt").write_text("mine")
    docs = spark.createDataFrame([("d1", "Germany attacked France.")], ["id", "text"])
    with pytest.raises(FileExistsError, match="not an empty directory"):
        aras_spark.code_with_pipe(docs, str(tmp_path / "coded"), aras="aras")
    assert (tmp_path / "coded" / "keep.txt").read_text() == "mine"
