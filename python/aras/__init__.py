"""aras: political event data from news text, in Python.

The functions here run the same code as the ``aras`` command line: for one document,
:func:`analyze` returns exactly the records ``aras analyze`` writes (SCHEMA.md in the
aras repository) for the JSON Lines line ``{"id": ..., "date": ..., "text": ...}``, each
record decoded into a ``dict``.

The tagger/parser model and the dictionaries are loaded once per process, on first use
(or by :func:`load`), from ``$ARAS_MODEL`` if set, else from the model built into the
extension. Analysis runs without the GIL, so other Python threads keep running.

>>> import aras
>>> records = aras.analyze("Germany attacked France on Monday.", date="2024-03-04")
>>> [r["type"] for r in records]
['document', 'actor', 'actor', 'time', 'event']
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Tuple, Union

from . import _aras

__all__ = ["analyze", "analyze_batch", "load", "write_parquet", "Store", "Balance", "FIELDS"]

#: The document fields aras reads, as in a JSON Lines input line.
FIELDS = ("id", "title", "date", "source", "url", "lang", "text")

Date = Union[str, _dt.date]
Doc = Union[str, Mapping[str, Any]]
Record = Dict[str, Any]


def _date(value: Any, where: str) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{where}: date must be a str or datetime.date, not {type(value).__name__}")


def _doc(item: Any, n: int) -> Dict[str, Optional[str]]:
    """One input as the str fields of a JSONL line (``n`` counts from 1, for messages)."""
    if isinstance(item, str):
        return {"text": item}
    if not isinstance(item, Mapping):
        raise TypeError(
            f"document {n}: expected a str or a dict with a 'text' field, not {type(item).__name__}"
        )
    doc: Dict[str, Optional[str]] = {}
    for key, value in item.items():
        if key not in FIELDS:
            raise ValueError(
                f"document {n}: unknown field {key!r} (expected one of {', '.join(FIELDS)})"
            )
        if key == "date":
            doc[key] = _date(value, f"document {n}")
        elif key == "text":
            if not isinstance(value, str):
                raise TypeError(f"document {n}: text must be a str, not {type(value).__name__}")
            doc[key] = value
        elif value is None or isinstance(value, str):
            doc[key] = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            # As the JSONL reader does with numbers: an id of 7 is the id "7".
            doc[key] = str(value)
        else:
            raise TypeError(f"document {n}: {key} must be a str, not {type(value).__name__}")
    if "text" not in doc:
        raise ValueError(f"document {n}: no 'text' field")
    return doc


def _decode(chunks: List[List[str]]) -> List[List[Dict[str, Any]]]:
    # One json.loads per document (its records joined into an array) takes half the time
    # of one per record.
    return [_json.loads("[" + ",".join(chunk) + "]") for chunk in chunks]


def analyze(
    text: str,
    date: Optional[Date] = None,
    id: Optional[str] = None,
    *,
    title: Optional[str] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    lang: Optional[str] = None,
    timeout: Optional[float] = None,
) -> List[Dict[str, Any]]:
    """Analyse one document and return its records, as ``aras analyze`` writes them.

    :param text: the document body; offsets in the records are UTF-8 byte offsets into it.
    :param date: publication date, ``YYYY-MM-DD`` (a time may follow) or a
        ``datetime.date``; relative times ("on Monday") are resolved against it.
    :param id: the document id (``doc_id`` of every record); default ``"stdin-1"``, the id
        ``aras analyze -`` gives an unnamed first line.
    :param title, source, url, lang: more metadata, carried into the document record.
    :param timeout: seconds the analysis may take (default: no limit).
    :returns: the document record first, then actors, times, quotes, events and claims.
    :raises ValueError: a date that is not a real ``YYYY-MM-DD`` day, or a bad timeout.
    :raises TypeError: a field of the wrong type.
    :raises TimeoutError: the analysis ran past ``timeout``.
    :raises RuntimeError: the model could not be loaded.
    """
    fields = {"text": text, "date": date, "id": id, "title": title, "source": source,
              "url": url, "lang": lang}
    doc = _doc({k: v for k, v in fields.items() if v is not None}, 1)
    return _decode(_aras.analyze_json([doc], 1, timeout))[0]


def analyze_batch(
    docs: Iterable[Doc],
    threads: Optional[int] = None,
    *,
    timeout: Optional[float] = None,
    flat: bool = False,
) -> Union[List[List[Dict[str, Any]]], List[Dict[str, Any]]]:
    """Analyse many documents in parallel, without the GIL.

    :param docs: strings (bodies) or dicts with a ``text`` field and optionally ``id``,
        ``date``, ``title``, ``source``, ``url``, ``lang`` (the fields of a JSONL input
        line). Documents without an id get ``stdin-<n>``, n counting from 1, as on
        ``aras analyze -``.
    :param threads: worker threads (default: one per core).
    :param timeout: seconds each document may take (default: no limit).
    :param flat: return one list of every record in input order (what ``aras analyze``
        writes for the same JSONL input) instead of one list per document.
    :returns: per document, its records as :func:`analyze` returns them.
    """
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError(f"threads must be a positive int, not {threads!r}")
    prepared = [_doc(item, n) for n, item in enumerate(docs, start=1)]
    if not prepared:
        return []
    per_doc = _decode(_aras.analyze_json(prepared, threads, timeout))
    if flat:
        return [record for records in per_doc for record in records]
    return per_doc


def load() -> None:
    """Load the model and dictionaries now rather than on the first analysis."""
    _aras.load()


def write_parquet(
    docs: Iterable[Doc],
    out: Union[str, "os.PathLike[str]"],  # noqa: F821
    *,
    tables: Optional[Iterable[str]] = None,
    threads: Optional[int] = None,
    chunk: int = 256,
    timeout: Optional[float] = None,
    prefix: Optional[str] = None,
) -> Dict[str, Any]:
    """Analyse documents into the Parquet dataset ``aras analyze --format parquet --out``
    writes: one table per record type (``tables``: default all of documents, actors,
    times, quotes, events, claims), partitioned by publication day
    (``out/events/published=2024-03-04/part-00000.parquet``), ``events`` in the Arrow
    schema of ``aras export``. ``docs`` is consumed ``chunk`` documents at a time, so an
    iterator of any length keeps memory flat; ``out`` (new, or an empty directory)
    appears only when every document is written. ``prefix`` names the files
    (``<prefix>-00000.parquet``), so that several writers (Spark tasks) can fill one
    dataset. Returns the summary: documents, rows per table, files, partitions.
    """
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk!r}")
    writer = _aras.ParquetWriter(str(out), None if tables is None else list(tables), prefix)
    try:
        batch: List[Dict[str, Optional[str]]] = []
        for n, item in enumerate(docs, start=1):
            batch.append(_doc(item, n))
            if len(batch) >= chunk:
                writer.write(batch, threads, timeout)
                batch = []
        if batch:
            writer.write(batch, threads, timeout)
        return _json.loads(writer.close())
    except BaseException:
        writer.abort()
        raise


_EVENT_FILTERS = (
    "actor", "country", "dyad", "directed", "cameo", "root", "plover", "quad",
    "from_date", "to_date", "modality", "source", "limit", "reports",
)


class Store:
    """An aras store (``aras ingest --db``): a SQLite file path or a ``postgres://`` URL.

    Opened read-only, query by query, as ``aras events`` opens it.
    """

    def __init__(self, location: str) -> None:
        self.location = str(location)

    def __repr__(self) -> str:
        return f"aras.Store({self.location!r})"

    def events_parquet(self, **filters: Any) -> bytes:
        """The events matching ``filters`` as a Parquet file's bytes (``aras export``'s schema)."""
        unknown = set(filters) - set(_EVENT_FILTERS)
        if unknown:
            raise TypeError(
                f"unknown filter(s) {', '.join(sorted(unknown))} "
                f"(expected {', '.join(_EVENT_FILTERS)})"
            )
        for key in ("from_date", "to_date"):
            if key in filters:
                filters[key] = _date(filters[key], key)
        for key in ("cameo", "root", "quad"):
            if filters.get(key) is not None:
                filters[key] = str(filters[key])
        if filters.get("dyad") is not None:
            filters["dyad"] = tuple(filters["dyad"])
        return _aras.store_events_parquet(self.location, **filters)

    def events(self, **filters: Any) -> "pyarrow.Table":  # noqa: F821
        """Events in the store as a ``pyarrow.Table``, in the Arrow schema of ``aras export``.

        Filters, as the flags of ``aras events``: ``actor``, ``country``, ``dyad=(A, B)``,
        ``directed``, ``cameo``, ``root``, ``plover``, ``quad``, ``from_date``, ``to_date``
        (``YYYY-MM-DD`` or ``datetime.date``), ``modality`` (default ``"factual"``),
        ``source``, ``limit``, ``reports`` (one row per report instead of per cluster).
        ``.to_pandas()`` on the result gives a DataFrame. Needs ``pyarrow``.
        """
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "aras.Store.events needs pyarrow: pip install pyarrow "
                "(or use Store.events_parquet for the raw Parquet bytes)"
            ) from e
        return pq.read_table(pa.BufferReader(self.events_parquet(**filters)))

    def _analysis(self, command: str, options: Dict[str, Any], filters: Dict[str, Any]) -> bytes:
        unknown = set(filters) - set(_EVENT_FILTERS)
        if unknown:
            raise TypeError(
                f"unknown filter(s) {', '.join(sorted(unknown))} "
                f"(expected {', '.join(_EVENT_FILTERS)})"
            )
        for key in ("from_date", "to_date"):
            if key in filters:
                filters[key] = _date(filters[key], key)
        for key in ("cameo", "root", "quad"):
            if filters.get(key) is not None:
                filters[key] = str(filters[key])
        if filters.get("dyad") is not None:
            filters["dyad"] = list(filters["dyad"])
        return _aras.store_analysis(self.location, command, _json.dumps({**filters, **options}))

    def relations(
        self, party: Optional[str] = None, *, one_way: bool = False, min_events: int = 1,
        level: str = "country", **filters: Any,
    ) -> "pyarrow.Table":  # noqa: F821
        """The dyads of ``aras relations [PARTY] --one-way --min-events N --level L``.

        One row per pair of parties: events by quad class, Goldstein sum and mean, first
        and last date, clusters, reports, sign. ``filters`` are those of ``events``
        (``reports=True`` counts reports instead of clusters).
        """
        options = {"party": party, "one_way": one_way, "min_events": min_events, "level": level}
        return _tables(self._analysis("relations", options, filters), ["dyad"])["dyad"]

    def timeline(
        self, dyad: Tuple[str, str], *, by: str = "month", one_way: bool = False,
        level: str = "country", **filters: Any,
    ) -> "pyarrow.Table":  # noqa: F821
        """The timeline of ``aras timeline A B --by BUCKET``: one row per day, week, month
        or year between the dyad's first and last dated event, gaps included."""
        if "dyad" in filters:
            raise TypeError("timeline: the dyad is the first argument, not a filter")
        a, b = dyad
        options = {"a": a, "b": b, "by": by, "one_way": one_way, "level": level}
        return _tables(self._analysis("timeline", options, filters), ["timeline"])["timeline"]

    def balance(
        self, party: Optional[str] = None, *, mixed: str = "ambiguous", min_events: int = 1,
        level: str = "country", **filters: Any,
    ) -> "Balance":
        """``aras balance [PARTY] --mixed M --min-events N``: the signed graph's edges, its
        triangles by structural balance, and the hedging scores, as three tables."""
        options = {"party": party, "mixed": mixed, "min_events": min_events, "level": level}
        tables = _tables(self._analysis("balance", options, filters), ["edge", "triad", "hedging"])
        return Balance(tables["edge"], tables["triad"], tables["hedging"])


class Balance(NamedTuple):
    """``Store.balance``'s result: the records of ``aras balance --format jsonl`` by type."""

    edges: "pyarrow.Table"  # noqa: F821
    triads: "pyarrow.Table"  # noqa: F821
    hedging: "pyarrow.Table"  # noqa: F821


def _schemas() -> Dict[str, Any]:
    """The Arrow schema of each record type of ``aras relations|timeline|balance``
    (the fields of ``aras_relations``' Dyad, TimelinePoint, Edge, Triad and Hedging), so
    an empty result has its columns and types too."""
    import pyarrow as pa

    s, u32, u64, f64, d = pa.string(), pa.uint32(), pa.uint64(), pa.float64(), pa.date32()
    return {
        "dyad": pa.schema([
            ("a", s), ("b", s), ("directed", pa.bool_()), ("events", u32), ("forward", u32),
            ("backward", u32), ("verbal_cooperation", u32), ("material_cooperation", u32),
            ("verbal_conflict", u32), ("material_conflict", u32), ("goldstein_sum", f64),
            ("goldstein_mean", f64), ("first", d), ("last", d), ("clusters", u32),
            ("reports", u64), ("share_cooperative", f64), ("share_conflictual", f64),
            ("cooperation", f64), ("conflict", f64), ("balance", f64), ("sign", s),
        ]),
        "timeline": pa.schema([
            ("start", d), ("label", s), ("events", u32), ("a_to_b", u32), ("b_to_a", u32),
            ("verbal_cooperation", u32), ("material_cooperation", u32),
            ("verbal_conflict", u32), ("material_conflict", u32), ("goldstein_sum", f64),
            ("goldstein_mean", f64), ("reports", u64), ("cluster_ids", pa.list_(pa.int64())),
        ]),
        "edge": pa.schema([
            ("a", s), ("b", s), ("sign", s), ("events", u32), ("clusters", u32),
            ("cooperation_share", f64), ("goldstein_mean", f64),
        ]),
        "triad": pa.schema([
            ("actors", pa.list_(s)), ("signs", pa.list_(s)), ("kind", s),
            ("events", pa.list_(u32)), ("clusters", pa.list_(u32)), ("reading", s),
        ]),
        "hedging": pa.schema([
            ("actor", s), ("between", pa.list_(s)), ("score", f64), ("hostility", f64),
            ("cooperation", pa.list_(f64)), ("signs", pa.list_(s)), ("events", pa.list_(u32)),
            ("leans_to", s),
        ]),
    }


def _tables(jsonl: bytes, types: List[str]) -> Dict[str, "pyarrow.Table"]:  # noqa: F821
    """Type-tagged JSON Lines as one ``pyarrow.Table`` per type, dates as dates."""
    import pyarrow as pa

    schemas = _schemas()
    records: Dict[str, List[Dict[str, Any]]] = {t: [] for t in types}
    for line in jsonl.decode("utf-8").splitlines():
        record = _json.loads(line)
        kind = record.pop("type")
        schema = schemas[kind]
        for field in schema:
            if field.type == pa.date32() and record.get(field.name) is not None:
                record[field.name] = _dt.date.fromisoformat(record[field.name])
        if list(record) != schema.names:
            raise RuntimeError(f"aras: {kind} fields {list(record)} != {schema.names}")
        records[kind].append(record)
    return {t: pa.Table.from_pylist(records[t], schema=schemas[t]) for t in types}
