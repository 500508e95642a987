from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


@pytest.fixture(scope="session")
def parallel():
    """Access to the real parallel corpus; fails loudly if the shared data is missing."""
    if not corpus.available():
        pytest.fail(f"real parallel data not found at {corpus.DATA} (set TRANSQA_PARALLEL)")
    return corpus
