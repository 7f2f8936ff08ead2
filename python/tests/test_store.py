import subprocess

import pytest

import aras

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def store(repo, aras_bin, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "aras.db"
    subprocess.run([aras_bin, "ingest", "-q", "--db", str(db), str(repo / "examples")],
                   check=True, capture_output=True)
    return db


def export(aras_bin, db, tmp_path, *flags):
    out = tmp_path / "events.parquet"
    subprocess.run([aras_bin, "export", "--db", str(db), "--format", "parquet",
                    "--out", str(out), *flags], check=True, capture_output=True)
    return pq.read_table(out)


def test_events_equal_aras_export(store, aras_bin, tmp_path):
    table = aras.Store(store).events()
    assert isinstance(table, pa.Table)
    expected = export(aras_bin, store, tmp_path)
    assert table.schema == expected.schema
    assert table.equals(expected)
    assert table.num_rows > 0


def test_filters_equal_aras_export(store, aras_bin, tmp_path):
    got = aras.Store(store).events(modality="all", reports=True, from_date="2025-01-01")
    want = export(aras_bin, store, tmp_path, "--modality", "all", "--reports",
                  "--from", "2025-01-01")
    assert got.equals(want)
    assert aras.Store(store).events(limit=1).num_rows <= 1


def test_bad_filters(store):
    with pytest.raises(TypeError, match="unknown filter"):
        aras.Store(store).events(colour="red")
    with pytest.raises(ValueError):
        aras.Store(store).events(from_date="2025-02-30")
    with pytest.raises(ValueError):
        aras.Store(store).events(cameo="nonsense")


def test_missing_store_is_an_error(tmp_path):
    with pytest.raises(RuntimeError, match="store"):
        aras.Store(tmp_path / "nope.db").events()
