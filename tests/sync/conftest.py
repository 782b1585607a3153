"""Fixtures of the sync tests: one real server process per test module (SQLite under tmp), a company per
test, client profiles in tmp directories."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sync_helpers import Company, Profile, Server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    proc = Server(tmp_path_factory.mktemp("sync-server")).start()
    yield proc
    proc.stop()


@pytest.fixture
def company(server: Server) -> Company:
    return server.company(numbers=3)


@pytest.fixture
def profiles(tmp_path: Path) -> Iterator[Callable[..., Profile]]:
    made: list[Profile] = []

    def make(company: Company, name: str = "p", url: str | None = None) -> Profile:
        profile = Profile(tmp_path / f"{name}{len(made)}", company, url)
        made.append(profile)
        return profile

    yield make
    for profile in made:
        profile.close()
