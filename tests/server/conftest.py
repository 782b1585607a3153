"""Fixtures of the server tests: one real server process per backend (SQLite file, PostgreSQL database)
per test session; each test makes its own companies and numbers on it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import (
    ServerProcess,
    create_pg_database,
    drop_pg_database,
    pg_admin_url,
)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (dropped afterwards)."""
    try:
        pg_admin_url()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    url, name = create_pg_database()
    yield url
    drop_pg_database(name)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def server(backend: str, tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[ServerProcess]:
    database = request.getfixturevalue("pg_url") if backend == "postgres" else None
    proc = ServerProcess(Path(tmp_path_factory.mktemp(f"server-{backend}")), database).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = ServerProcess(Path(tmp_path_factory.mktemp("server-sqlite-only"))).start()
    yield proc
    proc.stop()
