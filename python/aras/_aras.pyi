from typing import Dict, List, Optional, Tuple

__all__ = ["analyze_json", "load", "store_events_parquet", "store_analysis", "ParquetWriter"]

def analyze_json(
    docs: List[Dict[str, Optional[str]]],
    threads: Optional[int] = None,
    timeout: Optional[float] = None,
) -> List[List[str]]: ...
def load() -> None: ...
def store_events_parquet(
    location: str,
    *,
    actor: Optional[str] = None,
    country: Optional[str] = None,
    dyad: Optional[Tuple[str, str]] = None,
    directed: bool = False,
    cameo: Optional[str] = None,
    root: Optional[str] = None,
    plover: Optional[str] = None,
    quad: Optional[str] = None,
    from_date: Optional[str] = None,
    to_date: Optional[str] = None,
    modality: str = "factual",
    source: Optional[str] = None,
    limit: Optional[int] = None,
    reports: bool = False,
) -> bytes: ...

def store_analysis(location: str, command: str, options: str) -> bytes: ...

class ParquetWriter:
    def __init__(
        self, out: str, tables: Optional[List[str]] = None, prefix: Optional[str] = None
    ) -> None: ...
    def write(
        self,
        docs: List[Dict[str, Optional[str]]],
        threads: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> int: ...
    def close(self) -> str: ...
    def abort(self) -> None: ...
