"""The fast first look at a profile (stdlib sqlite3, before SQLAlchemy loads) must say exactly what the
Store says, choose the same profile as ``open_profile``, and step aside for any file it cannot trust."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pbxdesk.store import Store
from pbxdesk.store.database import alembic_head
from pbxdesk.store.quick_read import DEMO_SUBDIR, SCHEMA_HEAD, quick_start, read_numbers, read_profile


def _fill(store: Store, make_doc, directory) -> None:
    store.set_directory(directory)
    for i, name in enumerate(["Главный", "Склад", "Офис на Тверской"]):
        store.apply_server_document(f"49523022{i:02d}", make_doc(f"49523022{i:02d}", name), 3 + i)
    changed = make_doc("4952302201", "Склад (новое имя)")
    store.save("4952302201", changed, directory)  # saved locally: "changed", name of the saved document
    store.save_draft("4952302202", {"number": "4952302202", "half": "typed"})  # a draft
    store.mark_error("4952302200", "сервер отказал")


def test_the_numbers_list_is_the_one_the_store_gives(profile: Path, make_doc, directory) -> None:
    with Store.open(profile) as store:
        store.set_profile(server_url="http://127.0.0.1:9", company="ООО Ромашка", is_demo=False)
        _fill(store, make_doc, directory)
        expected = store.list_numbers()
        expected_profile = store.get_profile()
    assert [r.sync_state for r in expected] == ["error", "changed", "synced"]
    assert expected[2].has_draft and expected[1].name == "Склад (новое имя)"
    assert read_numbers(profile) == expected
    assert read_profile(profile) == expected_profile
    quick = quick_start(str(profile))
    assert quick is not None
    assert (quick.profile_dir, quick.is_demo, quick.rows) == (profile, False, expected)


def test_no_server_means_the_demo_profile_inside(profile: Path, make_doc, directory) -> None:
    assert quick_start(str(profile)) is None  # nothing yet: the normal start creates the demo
    with Store.open(profile / DEMO_SUBDIR) as demo:
        _fill(demo, make_doc, directory)
        expected = demo.list_numbers()
    quick = quick_start(str(profile))
    assert quick is not None and quick.is_demo and quick.profile_dir == profile / DEMO_SUBDIR
    assert quick.rows == expected
    with Store.open(profile) as base:  # a base file with no server in it: still the demo
        base.set_profile(company="x")
    quick = quick_start(str(profile))
    assert quick is not None and quick.is_demo and quick.rows == expected


def test_the_same_profile_as_open_profile(profile: Path, make_doc, directory, qapp) -> None:
    from pbxdesk.app.startup import open_profile

    with Store.open(profile / DEMO_SUBDIR) as demo:
        _fill(demo, make_doc, directory)
    for server in (None, "http://127.0.0.1:9"):
        if server:
            with Store.open(profile) as base:
                base.set_profile(server_url=server, is_demo=False)
                _fill(base, make_doc, directory)
        quick = quick_start(str(profile))
        context = open_profile(str(profile))
        try:
            assert quick is not None
            assert (quick.profile_dir, quick.is_demo) == (context.profile_dir, context.is_demo)
            assert quick.rows == context.store.list_numbers()
        finally:
            context.close()


def test_files_it_cannot_trust_are_left_to_the_store(profile: Path, make_doc, directory) -> None:
    assert SCHEMA_HEAD == alembic_head()
    with Store.open(profile) as store:
        store.set_profile(server_url="http://127.0.0.1:9", is_demo=False)
        _fill(store, make_doc, directory)
    db = profile / "pbxdesk.sqlite3"
    for version in ("0001", "9999"):  # older (to migrate) and newer (refused by the Store)
        con = sqlite3.connect(db)
        con.execute("UPDATE alembic_version SET version_num = ?", (version,))
        con.commit()
        con.close()
        assert read_numbers(profile) is None and quick_start(str(profile)) is None
    db.write_bytes(b"this is not a database" * 100)
    assert read_profile(profile) is None and quick_start(str(profile)) is None


def test_the_reader_answers_what_opening_a_number_asks_as_the_store_does(profile: Path, make_doc, directory) -> None:
    """Opening a number at a fast start asks the reader whether it is withdrawn and keeps an unsent edit
    (a withdrawn number opens read-only, with its kept edit offered for export)."""
    from pbxdesk.store.quick_read import QuickReader

    with Store.open(profile) as store:
        _fill(store, make_doc, directory)
        store.withdraw("4952302201")  # its local save never reached the server: kept
        store.withdraw("4952302200")  # nothing unsent
        numbers = ["4952302200", "4952302201", "4952302202", "+7 495 230-22-01"]
        expected = [(store.is_withdrawn(n), store.has_kept_edit(n), store.load_draft(n), store.get_saved(n))
                    for n in numbers]
        rows = store.list_numbers()
    assert [e[:2] for e in expected] == [(True, False), (True, True), (False, False), (True, True)]
    reader = QuickReader.open(profile)
    assert reader is not None
    try:
        assert [(reader.is_withdrawn(n), reader.has_kept_edit(n), reader.load_draft(n), reader.get_saved(n))
                for n in numbers] == expected
        assert reader.list_numbers() == rows
    finally:
        reader.close()
