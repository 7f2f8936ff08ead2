"""aras.write_parquet: the dataset of `aras analyze --format parquet --out DIR`."""

import json
import pathlib
import subprocess

import pytest

import aras

pa = pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

DOCS = [
    {"id": "a1", "date": "2024-03-04", "source": "AFP", "text": "Germany attacked France on Monday."},
    {"id": "a2", "date": "2024-03-05", "text": "Iran said it would not attack Israel."},
    {"id": "a3", "text": "Russia and China signed an agreement on Tuesday."},
]


def _table(out, table):
    files = sorted(pathlib.Path(out, table).rglob("*.parquet"))
    schema = pq.read_schema(pathlib.Path(out, table, "_common_metadata"))
    return pa.concat_tables([pq.read_table(f, schema=schema) for f in files])


def test_write_parquet_equals_the_binarys_dataset(tmp_path, aras_bin):
    summary = aras.write_parquet(iter(DOCS), tmp_path / "py", chunk=2, prefix="py")
    assert summary["documents"] == 3 and summary["rows"]["events"] >= 2
    days = sorted(p.name for p in (tmp_path / "py" / "events").iterdir())
    assert "published=2024-03-04" in days
    assert "published=__HIVE_DEFAULT_PARTITION__" in days
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    subprocess.run([aras_bin, "analyze", "--quiet", "--format", "parquet", "--out",
                    str(tmp_path / "cli"), str(jsonl)], check=True)
    for table in ("documents", "actors", "times", "events"):
        py, cli = _table(tmp_path / "py", table), _table(tmp_path / "cli", table)
        assert py.schema.equals(cli.schema, check_metadata=True)
        key = lambda r: (r["doc_id"], r.get("id") or r.get("event_id") or "")  # noqa: E731
        assert sorted(py.to_pylist(), key=key) == sorted(cli.to_pylist(), key=key), table


def test_write_parquet_refuses_a_non_empty_directory_and_cleans_up(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep").write_text("x")
    with pytest.raises(FileExistsError, match="not an empty directory"):
        aras.write_parquet(DOCS, tmp_path / "out")
    with pytest.raises(ValueError, match="unknown table"):
        aras.write_parquet(DOCS, tmp_path / "new", tables=["events", "places"])
    with pytest.raises(ValueError, match="no 'text'"):
        aras.write_parquet([{"id": "x"}], tmp_path / "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "nothing left behind"
