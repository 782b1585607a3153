"""Fixtures for the application tests: a real demo profile backed by the embedded reference server.

Starting the demo company (real TTS and audio conversion of its prompts) takes seconds, so one window is
shared by the tests of a module; each test leaves it as it found it (no open editors, Russian UI).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication


def wait_until(predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def open_with_enter(window, qtbot, name: str = ""):
    """Select the number called ``name`` (the first one when none is given) in the list and press Enter, as
    a user opens it; its editor, with the window made the active one (shortcuts reach that one only)."""
    from PySide6.QtCore import Qt

    from pbxdesk.app.numbers_model import NumbersModel

    rows = range(window.model.rowCount())
    row = next(r for r in rows if window.model.index(r, NumbersModel.NAME).data() == name) if name else 0
    window.table.setFocus()
    window.table.selectRow(window.proxy.mapFromSource(window.model.index(row, 0)).row())
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    number = window.model.number_at(row)
    wait_until(lambda: number in window.editors, timeout=20)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window.editors[number]


@pytest.fixture(scope="module")
def demo_window(qapp, tmp_path_factory):
    """The main window on an empty profile: demo profile + embedded server, after the first sync."""
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    context = open_profile(str(Path(tmp_path_factory.mktemp("app")) / "profile"))
    i18n.set_language("ru")
    window = MainWindow(context=context)
    synced: list[bool] = []
    window.firstSyncDone.connect(lambda: synced.append(True))
    window.show()
    wait_until(lambda: synced and window.model.rowCount() > 0, timeout=120)
    yield window
    window.close()
    context.close()
    i18n.set_language("en")  # back to the source strings that the other test modules expect


@pytest.fixture
def app_window(demo_window):
    yield demo_window
    for index in reversed(range(demo_window.tabs.count())):
        editor = demo_window.tabs.widget(index)
        editor.session.undo_stack.setClean()
        demo_window.close_tab(index)
    demo_window.search.clear()
