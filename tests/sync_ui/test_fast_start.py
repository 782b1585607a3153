"""The fast start against a real server: the list shows from the profile file before the store, the
sync engine and the domain load; then the profile opens behind it, and nothing a user did meanwhile is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sync_ui_helpers import wait_until

from pbxdesk.app.main_window import MainWindow
from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.app.quick_start import ProfileLoader, quick_start
from pbxdesk.desktop import i18n
from pbxdesk.domain.phone import format_number
from pbxdesk.store import Store


@pytest.fixture
def profile(tmp_path: Path, company: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A profile logged in to the company (token from $PBXDESK_TOKEN), synced once by a full window."""
    monkeypatch.setenv("PBXDESK_TOKEN", company.token)
    path = tmp_path / "profile"
    with Store.open(path) as store:
        store.set_profile(server_url=company.server.url, is_demo=False)
    i18n.set_language("ru")
    window = MainWindow(profile_dir=path)  # opens the profile itself, ready at once
    assert window.worker is not None and not window.context.is_demo
    synced: list[Any] = []
    window.firstSyncDone.connect(lambda: synced.append(True))
    window.show()
    wait_until(lambda: synced and window.model.rowCount() == len(company.numbers), 60)
    window.close()
    window.context.close()
    return path


@pytest.fixture
def quick_window(qtbot, profile: Path) -> MainWindow:
    """The main window of a fast start: the list read from the profile file, nothing attached yet."""
    quick = quick_start(str(profile))
    assert quick is not None and not quick.is_demo
    window = MainWindow(quick=quick)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_list_shows_first_and_the_profile_opens_behind_it(quick_window: MainWindow, profile: Path,
                                                              company: Any) -> None:
    window = quick_window
    assert window.model.rowCount() == len(company.numbers)
    first = sorted(company.numbers)[0]
    # shown before anything heavy: the numbers, formatted, with their sync state; sync not possible yet
    assert window.list_loaded and window.worker is None and window.context is None
    assert window.model.index(0, NumbersModel.NUMBER).data() == format_number(first)
    assert window.model.index(0, NumbersModel.STATE).data() == "синхронизирован"
    assert not window.act_sync.isEnabled() and not window.act_settings.isEnabled()
    assert "демо" not in window.windowTitle()
    assert window.status.message.text() == "Открывается профиль…"
    window.open_number(first)  # the user is quicker than the profile: the request waits for it
    assert not window.editors

    loader = ProfileLoader(window)
    loader.loaded.connect(lambda context, error: window.attach(context) if error is None
                          else window.attach_failed(error))
    synced: list[Any] = []
    window.firstSyncDone.connect(lambda: synced.append(True))
    loader.start(str(profile), window.settings)
    wait_until(lambda: first in window.editors, 60)  # the waiting request is carried out
    assert window.context.profile_dir == profile and window.context.settings is window.settings
    assert window.act_sync.isEnabled() and window.act_settings.isEnabled()
    assert window.status.message.text() != "Открывается профиль…"
    wait_until(lambda: synced, 60)
    assert window.status.state() == "online"
    wait_until(lambda: window.model.index(0, NumbersModel.NOW).data(), 30)  # "right now" filled after
    for index in reversed(range(window.tabs.count())):
        window.close_tab(index)
    window.close()
    window.context.close()


def test_closing_before_the_profile_opened_closes_it_too(quick_window: MainWindow, profile: Path) -> None:
    window = quick_window
    rows = window.model.rowCount()
    window.close()  # nothing attached yet: closes without waiting for a store or a sync
    from pbxdesk.app.startup import open_profile

    context = open_profile(str(profile), settings=window.settings)
    assert len(context.store.list_numbers()) == rows
    assert context.store._engine.pool.checkedin() > 0  # (private: the store's open connections)
    window.attach(context)  # arrives late
    assert window.worker is None and window.context is None
    assert context.store._engine.pool.checkedin() == 0  # the late profile was closed
    with Store.open(profile) as store:  # and the file is fine
        assert len(store.list_numbers()) == rows


def test_a_profile_that_cannot_open_is_told_and_the_list_stays(qtbot, quick_window: MainWindow,
                                                               profile: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = quick_window
    rows = window.model.rowCount()
    window.attach_failed(PermissionError(13, "Permission denied", str(profile / "pbxdesk.sqlite3")))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "не удалось открыть" in box.text().lower() and "Permission denied" in box.detailedText()
    assert window.model.rowCount() == rows > 0  # what was shown is not taken away
    box.close()
    window.close()


def test_the_list_read_at_start_is_kept_when_the_store_has_the_same_rows(qtbot, quick_window: MainWindow,
                                                                          profile: Path, company: Any) -> None:
    """The profile opening behind the list reloads it from the store, and the first sync reloads it again:
    with nothing changed, the list is not reset (no repaint, the row the user picked stays picked)."""
    from PySide6.QtCore import Qt

    window = quick_window
    resets: list[bool] = []
    window.model.modelReset.connect(lambda: resets.append(True))
    rect = window.table.visualRect(window.proxy.index(1, NumbersModel.NAME))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    picked = window.table.currentIndex().row()
    assert picked == 1
    loader = ProfileLoader(window)
    loader.loaded.connect(lambda context, error: window.attach(context))
    synced: list[Any] = []
    window.firstSyncDone.connect(lambda: synced.append(True))
    shown: list[bool] = []
    window.numbersShown.connect(lambda: shown.append(True))
    loader.start(str(profile), window.settings)
    wait_until(lambda: synced and len(shown) >= 2, 60)  # reloaded from the store, and after the sync
    assert resets == [] and window.table.currentIndex().row() == picked
    rows = [row._replace(name="Новое имя") if i == 0 else row for i, row in enumerate(window.model.rows(10**6))]
    window._show_rows(rows)  # a reload with a change does reset it
    assert resets == [True] and window.model.index(0, NumbersModel.NAME).data() == "Новое имя"
    window.close()
    window.context.close()
