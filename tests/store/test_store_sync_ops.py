"""What the sync engine relies on: server documents, the outbox, pushes, retries, errors and conflicts."""

from __future__ import annotations

import sqlite3

from pbxdesk.domain.document import dumps
from pbxdesk.domain.models import Directory
from pbxdesk.store import Store

MAIN, STOCK = "4952302222", "4952302233"


def test_server_document_for_a_new_number_is_synced(store, make_doc):
    assert store.apply_server_document(MAIN, make_doc(), 7)
    line = store.summary(MAIN)
    assert (line.sync_state, line.revision, line.has_draft) == ("synced", 7, False)
    assert dumps(store.get_base(MAIN)) == dumps(store.get_saved(MAIN)) == dumps(make_doc())
    assert store.outbox_items() == []


def test_server_document_replaces_an_unchanged_number_but_never_a_local_change(synced, make_doc):
    assert synced.apply_server_document(MAIN, make_doc(name="С сервера"), 4)
    assert synced.get_saved(MAIN).name == "С сервера" and synced.summary(MAIN).revision == 4
    assert not synced.apply_server_document(MAIN, make_doc(name="Старая"), 4)  # not newer
    synced.save(MAIN, make_doc(name="Моё"))
    assert not synced.apply_server_document(MAIN, make_doc(name="Чужое"), 5)
    assert synced.get_saved(MAIN).name == "Моё" and synced.get_base(MAIN).name == "С сервера"


def test_server_document_keeps_the_draft(synced, make_doc):
    synced.save_draft(MAIN, {"typing": True})
    assert synced.apply_server_document(MAIN, make_doc(name="С сервера"), 4)
    assert synced.load_draft(MAIN) == {"typing": True}


def test_push_accepted_makes_the_number_synced(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))
    [item] = synced.outbox_items()
    synced.mark_pushed(MAIN, 4, make_doc(name="Моё"), item.idempotency_key)
    line = synced.summary(MAIN)
    assert (line.sync_state, line.revision) == ("synced", 4)
    assert synced.get_base(MAIN).name == "Моё" and synced.outbox_items() == []


def test_a_save_during_a_push_stays_queued_against_the_new_revision(synced, make_doc):
    synced.save(MAIN, make_doc(name="Первое"))
    [pushed] = synced.outbox_items()
    synced.save(MAIN, make_doc(name="Второе"))  # the user saves while the push is on the wire
    synced.mark_pushed(MAIN, 4, make_doc(name="Первое"), pushed.idempotency_key)
    [item] = synced.outbox_items()
    assert item.payload["name"] == "Второе" and item.base_revision == 4
    assert synced.summary(MAIN).sync_state == "changed"
    assert synced.get_saved(MAIN).name == "Второе" and synced.get_base(MAIN).name == "Первое"


def test_retry_counts_attempts_and_waits_for_its_time(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))
    synced.mark_retry(MAIN, "connection refused", retry_at=1000.0)
    synced.mark_retry(MAIN, "503 Service Unavailable", retry_at=2000.0)
    [item] = synced.outbox_items()
    assert (item.attempts, item.last_error, item.next_retry_at) == (2, "503 Service Unavailable", 2000.0)
    assert synced.outbox_items(due_at=1999.0) == []
    assert len(synced.outbox_items(due_at=2000.0)) == 1
    synced.save(MAIN, make_doc(name="Ещё"))  # a new payload starts afresh
    [item] = synced.outbox_items(due_at=0.0)
    assert (item.attempts, item.last_error) == (0, None)


def test_refused_push_is_an_error_until_the_next_save(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))
    synced.mark_error(MAIN, "422: unknown department")
    line = synced.summary(MAIN)
    assert (line.sync_state, line.sync_message) == ("error", "422: unknown department")
    assert synced.outbox_items() == []  # not retried as it is
    [pending] = synced.pending_changes()
    assert pending.last_error == "422: unknown department"
    synced.save(MAIN, make_doc(name="Исправлено"))
    assert synced.summary(MAIN).sync_state == "changed" and len(synced.outbox_items()) == 1


def test_conflict_keeps_both_sides_until_resolved(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))
    synced.mark_conflict(MAIN, make_doc(name="Чужое"), 9)
    assert synced.summary(MAIN).sync_state == "conflict"
    theirs, rev = synced.get_theirs(MAIN)
    assert (theirs.name, rev) == ("Чужое", 9)
    assert synced.get_saved(MAIN).name == "Моё" and synced.outbox_items() == []
    synced.resolve_conflict(MAIN, make_doc(name="Слияние"))
    [item] = synced.outbox_items()
    assert item.payload["name"] == "Слияние" and item.base_revision == 9
    assert synced.get_base(MAIN).name == "Чужое" and synced.get_theirs(MAIN) is None


def test_taking_theirs_resolves_to_synced(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))
    synced.mark_conflict(MAIN, make_doc(name="Чужое"), 9)
    synced.resolve_conflict(MAIN, make_doc(name="Чужое"))
    line = synced.summary(MAIN)
    assert (line.sync_state, line.revision, line.name) == ("synced", 9, "Чужое")
    assert synced.outbox_items() == []


def test_pulled_documents_are_stored_in_one_transaction_but_never_over_a_local_change(synced, make_doc):
    synced.save(MAIN, make_doc(name="Моё"))  # a local change: not replaced, left to the merge
    results = synced.apply_server_documents([
        ("4952302299", make_doc("4952302299", "Новый"), 1), (MAIN, make_doc(name="С сервера"), 9),
        (STOCK, make_doc(STOCK, "Склад с сервера"), 9), (STOCK, make_doc(STOCK, "Старее"), 8)])
    assert results == [True, False, True, False]
    assert [synced.get_saved(n).name for n in ("4952302299", MAIN, STOCK)] == ["Новый", "Моё", "Склад с сервера"]
    assert synced.revisions(["4952302299", MAIN, STOCK]) == {"4952302299": 1, MAIN: 3, STOCK: 9}


def test_a_clean_merge_is_taken_in_one_step(synced, make_doc):
    """What mark_conflict + resolve_conflict do, in one transaction: a crash never leaves half of it."""
    synced.save(MAIN, make_doc(name="Моё"))
    old_key = synced.outbox_item(MAIN).idempotency_key
    synced.take_merge(MAIN, make_doc(name="Чужое"), 9, make_doc(name="Слияние"))
    item = synced.outbox_item(MAIN)
    assert item.payload["name"] == "Слияние" and item.base_revision == 9 and item.idempotency_key != old_key
    assert synced.get_base(MAIN).name == "Чужое" and synced.get_theirs(MAIN) is None
    assert synced.summary(MAIN).sync_state == "changed" and synced.revisions([MAIN, "4950000000"]) == {MAIN: 9}
    synced.take_merge(MAIN, make_doc(name="Чужое 2"), 10, make_doc(name="Чужое 2"))  # theirs itself: in sync
    line = synced.summary(MAIN)
    assert (line.sync_state, line.revision, line.name) == ("synced", 10, "Чужое 2") and synced.outbox_item(MAIN) is None


def test_profile_directory_media_and_cursor_persist(profile, directory):
    s = Store.open(profile)
    assert s.get_profile().server_url is None and s.get_cursor() is None and s.get_directory() is None
    s.set_profile(server_url="https://pbx.example.ru", company="Ромашка")
    s.set_profile(is_demo=True)
    s.set_directory(directory)
    s.add_media("ab" * 32, 3.5, "/tmp/a.wav")
    s.add_media("ab" * 32, local_path=None, duration_s=None)  # nothing new: kept
    s.add_media("cd" * 32)
    s.set_cursor("c-41")
    s.close()
    s = Store.open(profile)
    info = s.get_profile()
    assert (info.server_url, info.company, info.is_demo) == ("https://pbx.example.ru", "Ромашка", True)
    assert s.get_directory() == directory
    assert s.get_media("ab" * 32).duration_s == 3.5 and s.get_media("ab" * 32).local_path == "/tmp/a.wav"
    assert s.media_ids() == {"ab" * 32, "cd" * 32} and s.get_media("ef" * 32) is None
    assert s.get_cursor() == "c-41"
    s.set_directory(Directory())
    assert s.get_directory() == Directory()
    s.close()


def test_number_deleted_on_the_server_is_removed_only_when_nothing_local_is_lost(synced, make_doc, profile):
    synced.save(MAIN, make_doc(name="Моё"))
    synced.save_draft(STOCK, {"typing": 1})
    assert not synced.remove_number(MAIN) and not synced.remove_number(STOCK)
    assert {n.number for n in synced.list_numbers()} == {MAIN, STOCK}
    synced.discard_draft(STOCK)
    assert synced.remove_number(STOCK)
    assert synced.remove_number(MAIN, force=True)
    assert synced.list_numbers() == []
    con = sqlite3.connect(profile / "pbxdesk.sqlite3")
    assert con.execute("SELECT count(*) FROM outbox").fetchone() == (0,)  # cascaded with the number
    con.close()
