"""Shared fixtures. Qt runs offscreen unless a display is forced; nothing here mocks our own code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbxdesk.app.process_env import prepare_environment  # imports nothing: the environment the app sets

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
prepare_environment()  # before any test loads Qt or numpy, as the app does

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module", autouse=True)
def _source_language_after_each_module() -> Iterator[None]:
    """Tests that switch the UI to Russian leave it so for their module only: the next module starts with
    the English source strings, whatever ran before it (no Qt is imported here for tests that use none)."""
    yield
    i18n = sys.modules.get("pbxdesk.desktop.i18n")
    if i18n is not None and i18n.current_language() != "en":
        from PySide6.QtCore import QCoreApplication

        if QCoreApplication.instance() is not None:
            i18n.set_language("en")


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
