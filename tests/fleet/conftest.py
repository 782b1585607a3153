"""Fixtures of the fleet tests: real ``pbxdesk serve`` processes, real ``pbxdesk node-agent`` processes
deploying into directories with a real reload command, PostgreSQL, HAProxy."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from server_helpers import create_pg_database, drop_pg_database, pg_admin_url


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh database on the shared PostgreSQL for one test (dropped afterwards)."""
    try:
        pg_admin_url()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    url, name = create_pg_database()
    yield url
    drop_pg_database(name)
