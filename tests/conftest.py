"""Shared fixtures. Qt runs offscreen unless a display is forced; nothing here mocks our own code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def spec_example_path() -> Path:
    """The routing document of SPEC §4, byte for byte as the spec prints it (not canonical)."""
    return DATA / "spec_example.json"


@pytest.fixture
def directory_path() -> Path:
    return DATA / "directory.json"


@pytest.fixture
def spec_example(spec_example_path: Path):
    from pbxdesk.domain.document import load_path

    return load_path(str(spec_example_path)).document


@pytest.fixture
def directory(directory_path: Path):
    from pbxdesk.domain.document import load_directory

    return load_directory(directory_path.read_bytes())
