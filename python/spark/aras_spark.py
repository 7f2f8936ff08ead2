"""Code a corpus with aras on Spark, two ways, into one Parquet layout.

Route ``package``: ``mapPartitionsWithIndex`` with the aras Python package. Each Python
worker process loads the engine once (it is process-wide in the extension) and every
task streams its documents, in chunks, into an ``aras._aras.ParquetWriter``: the Rust
writer behind ``aras analyze --format parquet``, so the files, schema and partitioning are
that command's.

Route ``pipe``: ``rdd.pipe("aras analyze -")`` with the binary, for clusters without the
wheel: JSON Lines in, JSON Lines out. Each task turns its event records into rows of the
same Arrow schema with pyarrow and writes them per publication day. The schema is not
written down here: it is read from the ``_common_metadata`` file the binary writes for an
empty input (``aras analyze --format parquet --tables events --out DIR`` with no
documents), so it cannot drift from ``aras export``'s.

Both routes write::

    OUT/events/published=1997-04-01/part-00000-00000.parquet
    OUT/events/published=__HIVE_DEFAULT_PARTITION__/...        (documents without a date)
    OUT/events/_common_metadata                                 (the schema, zero rows)
    OUT/_SUCCESS

with ``aras export --format parquet``'s Arrow schema for events (cluster_id 0: one report
per row, not clustered). Tasks write into a hidden staging directory beside OUT; the
driver moves the files of the task attempts that succeeded into place and renames the
result to OUT, so OUT appears whole or not at all. OUT must be a path that the driver and
every executor see (a local disk in ``local[N]`` mode, a shared filesystem on a cluster).

Run it::

    python python/spark/aras_spark.py --route package --master 'local[2]' \\
        ../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl coded/
    python python/spark/aras_spark.py --route pipe --aras target/release/aras ...

Needs pyspark (4.x) with pyarrow; the package route also needs ``pip install ./python``
on every executor, the pipe route the ``aras`` binary on every executor's PATH (or
``--aras /path``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional

#: The document fields aras reads (a JSON Lines input line); other columns are dropped.
FIELDS = ("id", "title", "date", "source", "url", "lang", "text")

#: Documents analysed per call into the engine in the package route: memory per task
#: stays at a chunk's records plus the writer's open row groups.
CHUNK = 64

#: Rows buffered per publication day in the pipe route before they go to the file.
BATCH_ROWS = 4096

DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def read_corpus(spark, path: str, limit: Optional[int] = None, partitions: Optional[int] = None):
    """A JSON Lines corpus as a DataFrame of the document fields (all strings)."""
    from pyspark.sql.types import StringType, StructField, StructType

    schema = StructType([StructField(f, StringType(), True) for f in FIELDS])
    df = spark.read.schema(schema).json(path)
    if limit is not None:
        df = df.limit(limit)
    if partitions is not None:
        df = df.repartition(partitions)
    return df


# ---------------------------------------------------------------- route 1: the package


def code_with_package(docs, out: str, tables=("events",), chunk: int = CHUNK) -> Dict[str, Any]:
    """Codes the DataFrame ``docs`` with the aras package on the executors; writes OUT."""
    _ship_this_module(docs)
    staging = _staging(out)
    tables = list(tables)

    def task(index: int, rows: Iterable[Any]) -> Iterator[Dict[str, Any]]:
        import aras._aras as native
        from pyspark import TaskContext

        attempt = TaskContext.get().attemptNumber() if TaskContext.get() else 0
        task_dir = os.path.join(staging, f"task-{index:05d}-{attempt}")
        writer = native.ParquetWriter(task_dir, tables=tables, prefix=f"part-{index:05d}")
        try:
            batch: List[Dict[str, Optional[str]]] = []
            for row in rows:
                batch.append(_doc_fields(row.asDict()))
                if len(batch) >= chunk:
                    writer.write(batch, threads=1)
                    batch = []
            if batch:
                writer.write(batch, threads=1)
            summary = json.loads(writer.close())
        except BaseException:
            writer.abort()
            raise
        summary["task_dir"] = task_dir
        yield summary

    return _run(docs.rdd.mapPartitionsWithIndex(task), staging, out, tables)


def _ship_this_module(docs) -> None:
    """The tasks call functions of this module: executors import it from the job's files."""
    docs.sparkSession.sparkContext.addPyFile(os.path.abspath(__file__))


def _doc_fields(row: Dict[str, Any]) -> Dict[str, Optional[str]]:
    return {k: row.get(k) for k in FIELDS if row.get(k) is not None}


# ---------------------------------------------------------------- route 2: the binary


def code_with_pipe(docs, out: str, aras: str = "aras") -> Dict[str, Any]:
    """Codes the DataFrame ``docs`` with ``rdd.pipe("aras analyze -")``; writes OUT."""
    _ship_this_module(docs)
    staging = _staging(out)
    schema_file = event_schema_file(aras, os.path.join(staging, "schema"))
    schema_bytes = Path(schema_file).read_bytes()
    command = [aras, "analyze", "--quiet", "-j", "1", "-"]

    def task(index: int, lines: Iterable[str]) -> Iterator[Dict[str, Any]]:
        from pyspark import TaskContext

        attempt = TaskContext.get().attemptNumber() if TaskContext.get() else 0
        task_dir = os.path.join(staging, f"task-{index:05d}-{attempt}")
        yield _write_events(lines, task_dir, f"part-{index:05d}", schema_bytes)

    # One document a JSON line (newlines in the text escaped), nulls left out (not
    # DataFrame.toJSON, whose return type Spark means to change); checkCode: a document
    # aras cannot read fails the task instead of vanishing.
    lines = docs.rdd.map(lambda row: json.dumps(_doc_fields(row.asDict()), ensure_ascii=False))
    records = lines.pipe(" ".join(command), checkCode=True)
    summary = _run(records.mapPartitionsWithIndex(task), staging, out, ["events"],
                   schema_files={"events": schema_file})
    return summary


def event_schema_file(aras: str, scratch: str) -> str:
    """The events table's schema file, written by the binary for an empty input."""
    target = os.path.join(scratch, "empty")
    os.makedirs(scratch, exist_ok=True)
    subprocess.run([aras, "analyze", "--quiet", "--format", "parquet", "--tables", "events",
                    "--out", target, "-"], input=b"", check=True)
    return os.path.join(target, "events", "_common_metadata")


def published_day(date: Optional[str]) -> Optional[dt.date]:
    """The publication day as the store reads it: the first 10 characters as a day."""
    if not date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def first_day(date: Optional[str]) -> Optional[dt.date]:
    """The first day a record's date can mean (`2021-10` -> 2021-10-01), else None."""
    if not date:
        return None
    try:
        if re.fullmatch(r"\d{4}", date):
            return dt.date(int(date), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", date):
            return dt.date(int(date[:4]), int(date[5:]), 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            return dt.date(int(date[:4]), int(date[5:7]), int(date[8:]))
    except ValueError:
        return None
    return None


def event_row(doc: Dict[str, Any], ev: Dict[str, Any]) -> Dict[str, Any]:
    """One event record as a row of the export schema: what the Rust side's
    ``EventRow::from_report`` does (the Spark test holds the two routes equal)."""

    def side(role: Optional[Dict[str, Any]], key: str) -> Optional[str]:
        value = (role or {}).get(key)
        return value if value else None

    src, tgt = ev.get("source"), ev.get("target")
    return {
        "cluster_id": 0,
        "n_reports": 1,
        "n_documents": 1,
        "n_sources": 1 if doc.get("source") is not None else 0,
        "doc_id": ev["doc_id"],
        "event_id": ev["id"],
        "source_code": side(src, "code"),
        "source_country": side(src, "country"),
        "source_text": side(src, "text"),
        "target_code": side(tgt, "code"),
        "target_country": side(tgt, "country"),
        "target_text": side(tgt, "text"),
        "cameo": ev["cameo"],
        "root": ev["root"],
        "plover": ev.get("plover"),
        "quad_class": ev["quad_class"],
        "goldstein": ev.get("goldstein", 0.0),
        "date_text": ev.get("date"),
        "date": first_day(ev.get("date")),
        "date_precision": ev.get("date_precision"),
        "date_source": ev.get("date_source", "document"),
        "published": published_day(doc.get("date")),
        "publication": doc.get("source"),
        "negated": ev.get("negated", False),
        "modality": ev.get("modality", "asserted"),
        "trigger": ev["trigger"]["text"],
        "evidence": ev["evidence"]["text"],
        "evidence_start": ev["evidence"]["start"],
        "evidence_end": ev["evidence"]["end"],
        "confidence": ev.get("confidence", 0.0),
        "url": doc.get("url"),
        "title": doc.get("title"),
        "location_text": (ev.get("location") or {}).get("text"),
        "location_country": (ev.get("location") or {}).get("country"),
        "location_lat": (ev.get("location") or {}).get("lat"),
        "location_lon": (ev.get("location") or {}).get("lon"),
    }


def _write_events(lines: Iterable[str], task_dir: str, prefix: str,
                  schema_bytes: bytes) -> Dict[str, Any]:
    """One task's JSON Lines records to Parquet files per publication day."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(pa.BufferReader(schema_bytes))
    writers: Dict[Optional[dt.date], Any] = {}
    pending: Dict[Optional[dt.date], List[Dict[str, Any]]] = {}
    summary = {"documents": 0, "rows": {"events": 0}, "files": 0, "task_dir": task_dir}

    def flush(day: Optional[dt.date]) -> None:
        rows = pending.pop(day, [])
        if not rows:
            return
        if day not in writers:
            part = DEFAULT_PARTITION if day is None else day.isoformat()
            directory = os.path.join(task_dir, "events", f"published={part}")
            os.makedirs(directory, exist_ok=True)
            writers[day] = pq.ParquetWriter(os.path.join(directory, f"{prefix}-00000.parquet"),
                                            schema, compression="snappy")
            summary["files"] += 1
        writers[day].write_table(pa.Table.from_pylist(rows, schema=schema))

    doc: Dict[str, Any] = {}
    try:
        for line in lines:
            record = json.loads(line)
            if record["type"] == "document":
                doc = record
                summary["documents"] += 1
            elif record["type"] == "event":
                day = published_day(doc.get("date"))
                pending.setdefault(day, []).append(event_row(doc, record))
                summary["rows"]["events"] += 1
                if len(pending[day]) >= BATCH_ROWS:
                    flush(day)
        for day in list(pending):
            flush(day)
    finally:
        for writer in writers.values():
            writer.close()
    return summary


# ---------------------------------------------------------------- both: commit


def _staging(out: str) -> str:
    """A hidden directory beside OUT for the tasks' files; refuses a non-empty OUT."""
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{out} exists and is not an empty directory")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.aras-spark-{uuid.uuid4().hex[:12]}"
    staging.mkdir()
    return str(staging)


def _run(tasks, staging: str, out: str, tables: List[str],
         schema_files: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    """Runs the tasks, then moves the files of the attempts that succeeded into OUT."""
    started = time.monotonic()
    try:
        summaries = tasks.collect()
        final = Path(staging) / "final"
        files = 0
        for summary in summaries:
            task_dir = Path(summary["task_dir"])
            for table in tables:
                for f in sorted((task_dir / table).rglob("*.parquet")):
                    dest = final / table / f.relative_to(task_dir / table)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(f, dest)
                    files += 1
                schema = (schema_files or {}).get(table) or task_dir / table / "_common_metadata"
                if Path(schema).exists() and not (final / table / "_common_metadata").exists():
                    (final / table).mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(schema, final / table / "_common_metadata")
        final.mkdir(exist_ok=True)
        (final / "_SUCCESS").touch()
        os.replace(final, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    rows: Dict[str, int] = {}
    for summary in summaries:
        for table, n in summary["rows"].items():
            if table in tables:
                rows[table] = rows.get(table, 0) + n
    return {
        "documents": sum(s["documents"] for s in summaries),
        "rows": rows,
        "files": files,
        "tasks": len(summaries),
        "seconds": round(time.monotonic() - started, 2),
    }


def read_events(out: str):
    """The events of OUT as one pyarrow Table (each file read alone: the full schema)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted(Path(out, "events").rglob("*.parquet"))
    schema = pq.read_schema(Path(out, "events", "_common_metadata"))
    if not files:
        return schema.empty_table()
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files])


def session(master: str = "local[2]", app: str = "aras"):
    """A Spark session for the recipe: Arrow on, quiet logs, local temp dirs."""
    from pyspark.sql import SparkSession

    # Executors' Python is this one (with aras and pyarrow), not whatever python3 is first
    # on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(master).appName(app)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "8")
             .config("spark.python.worker.reuse", "true")
             .config("spark.local.dir", tempfile.gettempdir())
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines corpus (id, title, date, source, url, lang, text)")
    parser.add_argument("out", help="output directory (new or empty)")
    parser.add_argument("--route", choices=["package", "pipe"], default="package")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--partitions", type=int, default=None, help="Spark partitions")
    parser.add_argument("--aras", default="aras", help="the binary for --route pipe")
    args = parser.parse_args(argv)
    started = time.monotonic()
    spark = session(args.master)
    docs = read_corpus(spark, args.input, args.limit, args.partitions)
    if args.route == "package":
        summary = code_with_package(docs, args.out)
    else:
        summary = code_with_pipe(docs, args.out, aras=args.aras)
    spark.stop()
    summary["wall_seconds"] = round(time.monotonic() - started, 2)
    summary["route"] = args.route
    summary["master"] = args.master
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
