"""Shared paths: the repo's own fixtures and the corpus beside the repo (../shared/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SEEDS = TESTS / "fixtures" / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"

# Keep hypothesis's files out of the repo's top level (beside CI's other caches).
set_hypothesis_home_dir(str(REPO / ".ci" / "cache" / "hypothesis"))
settings.register_profile("ogilint", database=DirectoryBasedExampleDatabase(str(REPO / ".ci" / "cache" / "hypothesis")))
settings.load_profile("ogilint")


def corpus_path(rel: str) -> Path:
    """A report named as in a golden's "file": seeds/… from the repo's copies, real/… from the corpus."""
    if rel.startswith("seeds/"):
        return SEEDS / rel.split("/", 1)[1]
    return CORPUS / rel


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repo")
    return CORPUS
