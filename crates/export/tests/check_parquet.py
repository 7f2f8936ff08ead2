"""Check an aras event Parquet or Feather (Arrow IPC) file with pyarrow against the
documented schema.

Usage: check_parquet.py FILE EXPECTED_JSON (written by tests/it/pyarrow.rs); a FILE
ending in .feather is read as Arrow IPC.
"""
import json
import sys

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq

path, expected = sys.argv[1], json.loads(sys.argv[2])
table = feather.read_table(path) if path.endswith(".feather") else pq.read_table(path)
schema = table.schema

types = {
    "cluster_id": pa.int64(),
    "n_reports": pa.uint32(),
    "n_documents": pa.uint32(),
    "n_sources": pa.uint32(),
    "doc_id": pa.string(),
    "source_code": pa.string(),
    "source_country": pa.string(),
    "cameo": pa.string(),
    "root": pa.string(),
    "quad_class": pa.uint8(),
    "goldstein": pa.float32(),
    "date": pa.date32(),
    "published": pa.date32(),
    "negated": pa.bool_(),
    "evidence_start": pa.uint32(),
    "confidence": pa.float32(),
    "url": pa.string(),
    "title": pa.string(),
    "location_text": pa.string(),
    "location_country": pa.string(),
    "location_lat": pa.float64(),
    "location_lon": pa.float64(),
}
for name, ty in types.items():
    field = schema.field(name)
    assert field.type == ty, f"{name}: {field.type} != {ty}"
assert not schema.field("cameo").nullable
assert schema.field("date").nullable
assert schema.metadata[b"aras.schema"] == b"events/2"

assert table.num_rows == expected["rows"], table.num_rows
cameo = table.column("cameo").to_pylist()
assert cameo[0] == expected["first_cameo"], cameo[0]
assert all(c.isdigit() and len(c) >= 3 for c in cameo), "codes keep leading zeros"
first_date = table.column("date")[0].as_py()
assert (first_date.isoformat() if first_date else None) == expected["first_date"]
assert table.column("source_country").null_count == expected["null_sources"]
total = sum(table.column("goldstein").to_pylist())
assert abs(total - expected["goldstein_sum"]) < 1e-3, total
assert sum(table.column("negated").to_pylist()) == expected["negated"]
assert table.column("title").to_pylist() == expected["titles"]
assert table.column("location_lat").null_count == expected["null_lats"]
print(f"pyarrow {pa.__version__}: {table.num_rows} rows, {len(schema)} columns, schema as documented")
