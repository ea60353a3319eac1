"""Shared paths: the repo's copies of the corpus reports the tests use (tests/fixtures/), laid out as
the corpus is (seeds/, real/, fragments/, index.tsv), and the whole corpus beside the repo, which only
the one optional sweep (tests/test_corpus_sweep.py) reads."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
SEEDS = FIXTURES / "seeds"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"  # optional: only the corpus sweep reads it

# The command line keeps a result cache; the tests' runs (subprocesses included) keep theirs in a
# folder of their own, never in the user's cache.
if "OGILINT_CACHE_DIR" not in os.environ:  # the first process of the session (xdist's workers inherit it)
    os.environ["OGILINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="ogilint-test-cache-")
    atexit.register(shutil.rmtree, os.environ["OGILINT_CACHE_DIR"], True)

# Keep hypothesis's files out of the repo's top level (beside CI's other caches).
set_hypothesis_home_dir(str(REPO / ".ci" / "cache" / "hypothesis"))
settings.register_profile("ogilint", database=DirectoryBasedExampleDatabase(str(REPO / ".ci" / "cache" / "hypothesis")))
settings.load_profile("ogilint")


# The real texts whose tables, arithmetic and wording were checked by hand and found clean (the other
# files in tests/fixtures/real carry errors of their own, which tests name one by one).
CLEAN_REAL_TEXTS = ("huaian-2024.txt", "pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "pingtan-2025.txt")


def corpus_path(rel: str) -> Path:
    """A report named as in a golden's "file" (seeds/…, real/…): the repo's copy of it."""
    return FIXTURES / rel


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The repo's copy of the corpus files the tests use (same layout as the corpus)."""
    return FIXTURES


LEGACY_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504  # the head of an OLE (.doc) file


def run_folder(root: Path, distinct: int) -> Path:
    """A folder as a run meets it: ``distinct`` reports with their numbers varied, the seeds, two
    consecutive years of one body (IDN005 fires across them), a legacy .doc (unreadable) and a
    spreadsheet (skipped) — for the tests that compare ways of running (workers, Dask, spilling)."""
    import shutil

    from tests.benchmarks.distinct import write

    write(root / "distinct", distinct)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(FIXTURES / "real" / "pingtan-2021.txt", root / "pingtan-2021.txt")
    shutil.copy(FIXTURES / "cross" / "pingtan-2022.txt", root / "pingtan-2022.txt")
    (root / "old.doc").write_bytes(LEGACY_DOC)
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04")
    return root
