import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def _aras_binary():
    """The CLI to compare with: $ARAS_BIN, else the repository's release or debug build."""
    candidates = [os.environ.get("ARAS_BIN"), REPO / "target/release/aras",
                  REPO / "target/debug/aras", shutil.which("aras")]
    for c in candidates:
        if c and pathlib.Path(c).is_file() and os.access(c, os.X_OK):
            return str(c)
    return None


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def aras_bin():
    path = _aras_binary()
    if path is None:
        pytest.skip("no aras binary: build it (cargo build --release) or set ARAS_BIN")
    return path
