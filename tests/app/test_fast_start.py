"""The fast start: the first screen (the numbers list, its "Right now" column, the first number's editor) is
read with stdlib sqlite3 while the real store (SQLAlchemy) opens behind it; edits made meanwhile go through
the real store, in order, and none is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.store import Store
from tests.app.conftest import open_with_enter, wait_until
from tests.support.scenario_ui import UI

NUMBERS = ("4952302200", "4952302201", "4952302202")


def _profile(tmp_path: Path, spec_example, more: int = 0) -> Path:
    """A profile of a real server (not reachable here) with three numbers as its sync brought them (and
    ``more`` after them)."""
    profile = tmp_path / "profile"
    with Store.open(profile) as store:
        store.set_profile(server_url="http://127.0.0.1:9", company="Тестовая компания", is_demo=False)
        extra = tuple(f"4952309{index:03d}" for index in range(more))
        for index, number in enumerate(NUMBERS + extra):
            doc = spec_example.model_copy(deep=True)
            doc.number, doc.name = number, f"Номер {index + 1}"
            store.apply_server_document(number, doc, 1)
    return profile


def test_reads_come_before_the_store_opens_and_a_write_opens_it_losing_nothing(tmp_path, spec_example, qtbot):
    from pbxdesk.desktop.store_worker import StoreWorker

    profile = _profile(tmp_path, spec_example)
    worker = StoreWorker(profile, open_later=True)
    got: list[object] = []

    def keep(result, error) -> None:
        got.append(error if error is not None else result)

    worker.submit_read(lambda reader: (type(reader).__name__, [r.name for r in reader.list_numbers()]), keep)
    worker.submit_read(lambda reader: (reader.get_saved("+7 495 230-22-01").name, reader.load_draft(NUMBERS[1]),
                                       reader.get_directory(), sorted(reader.saved_texts())), keep)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=10000)
    assert got[0] == ("QuickReader", ["Номер 1", "Номер 2", "Номер 3"])  # no SQLAlchemy for the first screen
    assert got[1] == ("Номер 2", None, None, list(NUMBERS))
    assert not worker.store_open

    opened: list[bool] = []
    worker.storeOpened.connect(lambda: opened.append(True))
    draft = {"number": NUMBERS[1], "name": "Номер 2, правка до открытия"}
    worker.submit(lambda store: store.save_draft(NUMBERS[1], draft))  # an autosave at once: the store opens
    worker.submit_read(lambda reader: (type(reader).__name__, reader.load_draft(NUMBERS[1])), keep)
    qtbot.waitUntil(lambda: len(got) == 3 and bool(opened), timeout=10000)
    assert got[2] == ("Store", draft) and worker.store_open
    worker.stop()
    with Store.open(profile) as store:
        assert store.load_draft(NUMBERS[1]) == draft


def test_the_window_at_a_fast_start_opens_a_number_and_keeps_an_edit_made_at_once(
        tmp_path, spec_example, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    monkeypatch.setenv("PBXDESK_TOKEN", "token-of-the-test")
    profile = _profile(tmp_path, spec_example, more=97)  # more than the rows whose "Right now" comes first
    context = open_profile(str(profile), store_later=True)
    assert context.store is None and context.token is None  # neither SQLAlchemy nor the keyring yet
    i18n.set_language("ru")
    window = MainWindow(context=context)
    try:
        qtbot.addWidget(window)
        synced: list[bool] = []
        window.firstSyncDone.connect(lambda: synced.append(True))
        window.show()
        wait_until(lambda: window.model.rowCount() == 100)
        # "Right now" for every number (those in sight first, then the others)
        wait_until(lambda: all(window.model.index(r, NumbersModel.NOW).data() for r in range(100)))
        assert len({window.model.index(r, NumbersModel.NOW).data() for r in range(100)}) == 1  # one document
        editor = open_with_enter(window, qtbot, "Номер 2")
        UI(qtbot, editor.scenarios).type(editor.name_edit, "Номер два")
        assert editor.is_dirty()
        qtbot.keyClick(editor.name_edit, Qt.Key.Key_F5)  # "Sync now": the edit is kept as a draft first
        wait_until(lambda: bool(synced), timeout=60)  # the first sync ran (the server is not there: offline)
        assert window.worker.store_open
        assert context.load_token() == "token-of-the-test"
        window.worker.wait_idle()
        with Store.open(profile) as store:
            assert store.load_draft(NUMBERS[1])["name"] == "Номер два"
            assert store.get_saved(NUMBERS[1]).name == "Номер 2"
    finally:
        for open_editor in window.editors.values():
            open_editor.session.undo_stack.setClean()
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    context.close()


def test_the_list_marks_wait_for_the_store_and_do_not_open_it_before_the_first_screen(
        tmp_path, spec_example, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marks of numbers with directory problems are read from the real store: at a fast start they come
    once it is open, and asking for them does not open it before "Right now" is shown for every number."""
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    monkeypatch.setenv("PBXDESK_TOKEN", "token-of-the-test")
    profile = _profile(tmp_path, spec_example)
    with Store.open(profile) as store:
        store.set_number_problems({NUMBERS[0]: (1, 0), NUMBERS[1]: (1, 2), NUMBERS[2]: (1, 0)})
    context = open_profile(str(profile), store_later=True)
    i18n.set_language("ru")
    window = MainWindow(context=context)
    store_open_when_shown: list[bool] = []
    try:
        qtbot.addWidget(window)
        window.nowShown.connect(lambda: store_open_when_shown.append(window.worker.store_open))
        window.show()
        wait_until(lambda: bool(store_open_when_shown))
        assert store_open_when_shown[0] is False  # the first screen was read without the store
        wait_until(lambda: window.sync_ui.directory_marks.counts == {NUMBERS[1]: 2})  # then the marks came
        assert window.worker.store_open
    finally:
        window.worker.wait_idle()
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    context.close()
