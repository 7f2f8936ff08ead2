"""The pandas recipes of README "Exports" run as written: Parquet, Feather and CSV read
with codes as strings (leading zeros kept) and dates as dates; the GDELT file with its
column names."""
import subprocess

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def exported(repo, aras_bin, tmp_path_factory):
    d = tmp_path_factory.mktemp("exports")
    db = d / "aras.db"
    subprocess.run([aras_bin, "ingest", "-q", "--db", str(db), str(repo / "examples")],
                   check=True, capture_output=True)
    for fmt, name in [("parquet", "events.parquet"), ("feather", "events.feather"),
                      ("csv", "events.csv"), ("gdelt", "events.gdelt.tsv"),
                      ("icews", "events.icews.tsv")]:
        subprocess.run([aras_bin, "export", "-q", "--db", str(db), "--format", fmt,
                        "--out", str(d / name)], check=True, capture_output=True)
    return d


def check(df):
    assert len(df) > 0
    assert df["cameo"].map(type).eq(str).all()
    assert df["cameo"].str.len().ge(3).all(), "leading zeros kept"
    assert df["root"].str.len().eq(2).all()
    assert str(df["published"].dtype).startswith(("datetime64", "date")) or \
        df["published"].dropna().map(lambda d: hasattr(d, "year")).all()


def test_pandas_parquet_and_feather(exported):
    # README: df = pd.read_parquet("events.parquet")
    check(pd.read_parquet(exported / "events.parquet"))
    # README: df = pd.read_feather("events.feather")
    df = pd.read_feather(exported / "events.feather")
    check(df)
    assert "url" in df.columns and "location_lat" in df.columns


def test_pandas_csv_with_dtypes(exported):
    # README: the CSV with codes as strings and dates parsed.
    codes = ["cameo", "root", "source_code", "target_code", "source_country",
             "target_country", "plover", "location_country"]
    df = pd.read_csv(exported / "events.csv", dtype={c: "string" for c in codes},
                     parse_dates=["date", "published"], keep_default_na=False,
                     na_values=[""])
    assert df["cameo"].str.len().ge(3).all()
    assert str(df["published"].dtype).startswith("datetime64")
    assert len(df) == len(pd.read_parquet(exported / "events.parquet"))


def test_pandas_gdelt_and_icews(exported):
    # README: GDELT files have no header (name the columns yourself, or export with
    # --header); quoting=3 (QUOTE_NONE): neither format quotes.
    gdelt = pd.read_csv(exported / "events.gdelt.tsv", sep="\t", header=None,
                        dtype=str, keep_default_na=False, quoting=3)
    assert gdelt.shape[1] == 61
    icews = pd.read_csv(exported / "events.icews.tsv", sep="\t", dtype=str,
                        keep_default_na=False, quoting=3)
    assert list(icews.columns)[:3] == ["Event ID", "Event Date", "Source Name"]
    assert len(icews) == len(gdelt)
