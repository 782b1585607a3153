"""Fixtures of the store tests: a fresh profile directory, an open store, documents to save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.store import Store

MAIN = "4952302222"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile: Path) -> Iterator[Store]:
    s = Store.open(profile)
    yield s
    s.close()


@pytest.fixture
def make_doc(spec_example: RoutingDocument) -> Callable[..., RoutingDocument]:
    """A copy of the SPEC §4 example for ``number`` with ``name``."""

    def make(number: str = MAIN, name: str = "Главный номер") -> RoutingDocument:
        doc = spec_example.model_copy(deep=True)
        doc.number = number
        doc.name = name
        return doc

    return make


@pytest.fixture
def synced(store: Store, make_doc: Callable[..., RoutingDocument]) -> Store:
    """A store with two numbers as the server sent them (revision 3 and 5), nothing changed locally."""
    store.apply_server_document(MAIN, make_doc(MAIN, "Главный номер"), 3)
    store.apply_server_document("4952302233", make_doc("4952302233", "Склад"), 5)
    return store
