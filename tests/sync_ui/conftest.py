"""Fixtures of the sync UI tests: one real ``pbxdesk serve`` process per module (fixed port, so it can be
stopped and started again), a company per test, and main windows on fresh profiles logged in to it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sync_ui_helpers import Company, Server, Windows


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    proc = Server(tmp_path_factory.mktemp("sync-ui-server")).start()
    yield proc
    proc.stop()


@pytest.fixture
def company(server: Server) -> Company:
    return server.company(numbers=3)


@pytest.fixture
def windows(qtbot: Any, tmp_path: Path) -> Iterator[Windows]:
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()
