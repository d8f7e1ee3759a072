from pathlib import Path

import pytest

from crossbearing.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture
def db(tmp_path_factory):
    """A database outside ``tmp_path``, so that tests can ingest ``tmp_path`` as a folder."""
    return tmp_path_factory.mktemp("db") / "test.db"


@pytest.fixture
def store(db):
    with open_store(db) as opened:
        yield opened
