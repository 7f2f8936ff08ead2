"""Store.relations / timeline / balance against `aras relations|timeline|balance
--format jsonl` on the same store with the same flags, record for record."""
import datetime
import json
import subprocess

import pytest

import aras

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def store(repo, aras_bin, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "aras.db"
    subprocess.run([aras_bin, "ingest", "-q", "--db", str(db), str(repo / "examples")],
                   check=True, capture_output=True)
    return db


def cli(aras_bin, db, *args):
    """The command's JSON Lines records, grouped by type, without the type tag."""
    out = subprocess.run([aras_bin, *args, "--db", str(db), "--format", "jsonl"],
                         check=True, capture_output=True, text=True).stdout
    records = {}
    for line in out.splitlines():
        record = json.loads(line)
        records.setdefault(record.pop("type"), []).append(record)
    return records


def rows(table):
    """The table's rows as JSON would write them (dates as ISO text)."""
    def plain(v):
        return v.isoformat() if isinstance(v, datetime.date) else v
    return [{k: plain(v) for k, v in r.items()} for r in table.to_pylist()]


@pytest.mark.parametrize("args,kwargs", [
    ([], {}),
    (["ISR"], {"party": "ISR"}),
    (["--one-way", "--reports", "--modality", "all"],
     {"one_way": True, "reports": True, "modality": "all"}),
    (["--level", "actor", "--min-events", "2"], {"level": "actor", "min_events": 2}),
])
def test_relations_equal_the_cli(store, aras_bin, args, kwargs):
    table = aras.Store(store).relations(**kwargs)
    assert isinstance(table, pa.Table)
    want = cli(aras_bin, store, "relations", *args).get("dyad", [])
    assert rows(table) == want
    assert table.schema.field("first").type == pa.date32()


def test_some_dyads_exist(store):
    assert aras.Store(store).relations().num_rows > 0


@pytest.mark.parametrize("by", ["month", "day"])
def test_timeline_equals_the_cli(store, aras_bin, by):
    dyads = aras.Store(store).relations().to_pylist()
    a, b = dyads[0]["a"], dyads[0]["b"]
    table = aras.Store(store).timeline((a, b), by=by)
    want = cli(aras_bin, store, "timeline", a, b, "--by", by).get("timeline", [])
    assert rows(table) == want
    assert table.num_rows > 0
    assert table.schema.field("cluster_ids").type == pa.list_(pa.int64())


@pytest.mark.parametrize("args,kwargs", [
    ([], {}),
    (["--mixed", "negative", "--modality", "all"], {"mixed": "negative", "modality": "all"}),
])
def test_balance_equals_the_cli(store, aras_bin, args, kwargs):
    got = aras.Store(store).balance(**kwargs)
    want = cli(aras_bin, store, "balance", *args)
    assert rows(got.edges) == want.get("edge", [])
    assert rows(got.triads) == want.get("triad", [])
    assert rows(got.hedging) == want.get("hedging", [])
    assert got.edges.num_rows > 0


def test_empty_results_keep_their_columns(store):
    table = aras.Store(store).relations("ZZZ")
    assert table.num_rows == 0
    assert "goldstein_mean" in table.column_names


def test_bad_options(store):
    with pytest.raises(TypeError, match="unknown filter"):
        aras.Store(store).relations(colour="red")
    with pytest.raises(ValueError, match="level"):
        aras.Store(store).relations(level="planet")
    with pytest.raises(ValueError, match="by"):
        aras.Store(store).timeline(("ISR", "IRN"), by="fortnight")
    with pytest.raises(TypeError):
        aras.Store(store).timeline(("ISR", "IRN"), dyad=("A", "B"))
