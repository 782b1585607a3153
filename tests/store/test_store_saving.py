"""Saving, drafts and the outbox: what "Save changes" and autosave do to the local profile."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pbxdesk.domain.document import dumps, parse_document
from pbxdesk.domain.problems import has_errors
from pbxdesk.store import Store, UnknownNumberError

MAIN = "4952302222"


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_save_new_number_queues_one_put_with_the_canonical_document(store, make_doc):
    doc = make_doc()
    problems = store.save("+7 (495) 230-22-22", doc, create=True)
    assert not has_errors(problems)
    [line] = store.list_numbers()
    assert (line.number, line.name, line.schedule_mode, line.sync_state, line.has_draft, line.revision) == (
        MAIN, "Главный номер", "weekly", "changed", False, None)
    assert dumps(store.get_saved(MAIN)) == dumps(doc)
    [item] = store.outbox_items()
    assert item.number == MAIN and item.operation == "put" and item.base_revision is None
    assert item.payload == json.loads(dumps(doc))


def test_save_of_a_number_not_in_the_profile_needs_create(store, make_doc):
    with pytest.raises(UnknownNumberError):
        store.save(MAIN, make_doc())
    assert store.list_numbers() == []


def test_outbox_keeps_one_operation_per_number_with_the_latest_document(synced, make_doc):
    synced.save(MAIN, make_doc(name="Первый"))
    [first] = synced.outbox_items()
    synced.save(MAIN, make_doc(name="Второй"))
    [second] = synced.outbox_items()
    assert second.payload["name"] == "Второй"
    assert second.base_revision == 3
    assert second.idempotency_key != first.idempotency_key
    synced.save(MAIN, make_doc(name="Второй"))  # the same payload again: the same request, the same key
    [third] = synced.outbox_items()
    assert third.idempotency_key == second.idempotency_key


def test_saving_back_the_synced_document_clears_the_pending_change(synced, make_doc):
    synced.save(MAIN, make_doc(name="Временно"))
    assert synced.summary(MAIN).sync_state == "changed"
    synced.save(MAIN, make_doc(name="Главный номер"))
    assert synced.summary(MAIN).sync_state == "synced"
    assert synced.outbox_items() == []


def test_save_refused_for_structure_errors_writes_nothing(synced, profile, make_doc):
    synced.save_draft(MAIN, {"name": "в работе"})
    before = _dump(profile / "pbxdesk.sqlite3")
    data = make_doc().model_dump(mode="json")
    data["scenarios"]["working"]["type"] = "teleport"
    data["colour"] = "red"
    problems = synced.save(MAIN, data)
    assert has_errors(problems)
    assert {p.pointer for p in problems} >= {"/colour", "/scenarios/working"}
    assert _dump(profile / "pbxdesk.sqlite3") == before
    assert synced.load_draft(MAIN) == {"name": "в работе"}


def _semantic_errors_doc(spec_example):
    data = spec_example.model_dump(mode="json")
    data["name"] = ""
    data["scenarios"]["working"]["keys"]["2"] = None  # R7/R14: an enabled key without its branch
    return data


def test_save_refused_for_semantic_errors_writes_nothing(synced, profile, spec_example):
    before = _dump(profile / "pbxdesk.sqlite3")
    problems = synced.save(MAIN, _semantic_errors_doc(spec_example))
    assert {p.pointer for p in problems if p.is_error} >= {"/name", "/scenarios/working/keys/2"}
    assert _dump(profile / "pbxdesk.sqlite3") == before


def test_a_document_for_another_number_is_refused(synced, make_doc):
    problems = synced.save(MAIN, make_doc("4952302233"))
    assert [p.code for p in problems] == ["number.mismatch"]
    assert synced.summary(MAIN).sync_state == "synced"


def test_draft_of_any_shape_survives_a_restart(synced, profile):
    broken = {"name": 42, "schedule": {"mode": "sometimes"}, "scenarios": {"working": {"type": "menu",
                                                                                        "keys": {"1": None}}}}
    synced.save_draft(MAIN, broken)
    synced.close()
    again = Store.open(profile)
    assert again.load_draft(MAIN) == broken
    assert again.summary(MAIN).has_draft
    assert again.summary(MAIN).sync_state == "synced"  # a draft is not a saved change
    again.close()


def test_discard_draft_keeps_the_saved_document(synced, make_doc):
    synced.save_draft(MAIN, {"half": "done"})
    synced.discard_draft(MAIN)
    assert synced.load_draft(MAIN) is None
    assert synced.get_saved(MAIN).name == "Главный номер"


def test_save_promotes_and_clears_the_draft(synced, make_doc):
    draft = make_doc(name="Новое имя").model_dump(mode="json")
    synced.save_draft(MAIN, draft)
    synced.save(MAIN, synced.load_draft(MAIN))
    assert synced.load_draft(MAIN) is None
    assert synced.get_saved(MAIN).name == "Новое имя"


def test_draft_of_an_unknown_number_is_an_error(store):
    with pytest.raises(UnknownNumberError):
        store.save_draft(MAIN, {})


def test_saved_document_is_stored_canonically(store, spec_example_path):
    raw = json.loads(spec_example_path.read_text(encoding="utf-8"))
    raw["schedule"]["ranges"].reverse()
    store.save(MAIN, raw, create=True)
    expected = dumps(parse_document(raw).document)
    assert dumps(store.get_saved(MAIN)) == expected
    [item] = store.outbox_items()
    assert json.dumps(item.payload, ensure_ascii=False, indent=2) + "\n" == expected


def test_a_second_store_on_the_same_profile_sees_committed_saves(synced, profile, make_doc):
    other = Store.open(profile)
    synced.save(MAIN, make_doc(name="Из окна 1"))
    assert other.get_saved(MAIN).name == "Из окна 1"
    other.save_draft(MAIN, {"from": 2})
    assert synced.load_draft(MAIN) == {"from": 2}
    other.close()


def test_durability_pragmas(store):
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
