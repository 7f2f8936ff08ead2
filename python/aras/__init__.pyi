import datetime
import os
from typing import (
    Any, Dict, Iterable, List, Literal, Mapping, NamedTuple, Optional, Tuple, Union, overload,
)

import pyarrow

__all__ = ["analyze", "analyze_batch", "load", "write_parquet", "Store", "Balance", "FIELDS"]

FIELDS: Tuple[str, ...]

Date = Union[str, datetime.date]
Doc = Union[str, Mapping[str, Any]]
Record = Dict[str, Any]

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
) -> List[Record]: ...
@overload
def analyze_batch(
    docs: Iterable[Doc],
    threads: Optional[int] = None,
    *,
    timeout: Optional[float] = None,
    flat: Literal[False] = False,
) -> List[List[Record]]: ...
@overload
def analyze_batch(
    docs: Iterable[Doc],
    threads: Optional[int] = None,
    *,
    timeout: Optional[float] = None,
    flat: Literal[True],
) -> List[Record]: ...
def load() -> None: ...
def write_parquet(
    docs: Iterable[Doc],
    out: Union[str, "os.PathLike[str]"],
    *,
    tables: Optional[Iterable[str]] = None,
    threads: Optional[int] = None,
    chunk: int = 256,
    timeout: Optional[float] = None,
    prefix: Optional[str] = None,
) -> Dict[str, Any]: ...

class Store:
    location: str
    def __init__(self, location: str) -> None: ...
    def events_parquet(
        self,
        *,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        dyad: Optional[Tuple[str, str]] = None,
        directed: bool = False,
        cameo: Optional[Union[str, int]] = None,
        root: Optional[Union[str, int]] = None,
        plover: Optional[str] = None,
        quad: Optional[Union[str, int]] = None,
        from_date: Optional[Date] = None,
        to_date: Optional[Date] = None,
        modality: str = "factual",
        source: Optional[str] = None,
        limit: Optional[int] = None,
        reports: bool = False,
    ) -> bytes: ...
    def events(
        self,
        *,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        dyad: Optional[Tuple[str, str]] = None,
        directed: bool = False,
        cameo: Optional[Union[str, int]] = None,
        root: Optional[Union[str, int]] = None,
        plover: Optional[str] = None,
        quad: Optional[Union[str, int]] = None,
        from_date: Optional[Date] = None,
        to_date: Optional[Date] = None,
        modality: str = "factual",
        source: Optional[str] = None,
        limit: Optional[int] = None,
        reports: bool = False,
    ) -> pyarrow.Table: ...
    def relations(
        self,
        party: Optional[str] = None,
        *,
        one_way: bool = False,
        min_events: int = 1,
        level: Literal["country", "actor"] = "country",
        dyad: Optional[Tuple[str, str]] = None,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        directed: bool = False,
        cameo: Optional[Union[str, int]] = None,
        root: Optional[Union[str, int]] = None,
        plover: Optional[str] = None,
        quad: Optional[Union[str, int]] = None,
        from_date: Optional[Date] = None,
        to_date: Optional[Date] = None,
        modality: str = "factual",
        source: Optional[str] = None,
        limit: Optional[int] = None,
        reports: bool = False,
    ) -> pyarrow.Table: ...
    def timeline(
        self,
        dyad: Tuple[str, str],
        *,
        by: Literal["day", "week", "month", "year"] = "month",
        one_way: bool = False,
        level: Literal["country", "actor"] = "country",
        actor: Optional[str] = None,
        country: Optional[str] = None,
        directed: bool = False,
        cameo: Optional[Union[str, int]] = None,
        root: Optional[Union[str, int]] = None,
        plover: Optional[str] = None,
        quad: Optional[Union[str, int]] = None,
        from_date: Optional[Date] = None,
        to_date: Optional[Date] = None,
        modality: str = "factual",
        source: Optional[str] = None,
        limit: Optional[int] = None,
        reports: bool = False,
    ) -> pyarrow.Table: ...
    def balance(
        self,
        party: Optional[str] = None,
        *,
        mixed: Literal["ambiguous", "positive", "negative", "ignore"] = "ambiguous",
        min_events: int = 1,
        level: Literal["country", "actor"] = "country",
        dyad: Optional[Tuple[str, str]] = None,
        actor: Optional[str] = None,
        country: Optional[str] = None,
        directed: bool = False,
        cameo: Optional[Union[str, int]] = None,
        root: Optional[Union[str, int]] = None,
        plover: Optional[str] = None,
        quad: Optional[Union[str, int]] = None,
        from_date: Optional[Date] = None,
        to_date: Optional[Date] = None,
        modality: str = "factual",
        source: Optional[str] = None,
        limit: Optional[int] = None,
        reports: bool = False,
    ) -> Balance: ...

class Balance(NamedTuple):
    edges: pyarrow.Table
    triads: pyarrow.Table
    hedging: pyarrow.Table
