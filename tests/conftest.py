"""Shared fixtures: where the real evaluation data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KETTLE_DATA_DIR", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared evaluation data; mandatory where KETTLE_REQUIRE_SHARED_DATA is set (CI)."""
    if not (DATA / "eval").is_dir():
        if os.environ.get("KETTLE_REQUIRE_SHARED_DATA"):
            pytest.fail(f"KETTLE_REQUIRE_SHARED_DATA is set but {DATA}/eval is missing")
        pytest.skip(f"shared evaluation data not found at {DATA} (set KETTLE_DATA_DIR)")
    return DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO
