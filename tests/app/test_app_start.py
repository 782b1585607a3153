"""Starting the app on an empty profile: demo profile, embedded server, numbers from the server."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.desktop import i18n


def test_demo_start_on_an_empty_profile_shows_the_demo_company(app_window):
    window = app_window
    assert window.context.is_demo
    assert window.context.profile_dir.name == "demo"  # the demo never shares a profile with a real server
    assert "демо" in window.windowTitle()
    assert window.statusBar().state() == "online"
    rows = window.model.rowCount()
    assert rows >= 5
    first = window.model.index(0, NumbersModel.NUMBER).data()
    assert first.startswith("+7 ") and "-" in first  # formatted: +7 495 230-22-22
    states = {window.model.index(r, NumbersModel.STATE).data() for r in range(rows)}
    assert states == {"синхронизирован"}


def test_search_filters_by_number_or_name(app_window, qtbot):
    window = app_window
    name = window.model.index(1, NumbersModel.NAME).data()
    window.search.setText(name[:5])  # QTest cannot type Cyrillic keys; setText goes through textChanged too
    assert window.proxy.rowCount() >= 1
    assert all(name[:5].casefold() in window.proxy.index(r, NumbersModel.NAME).data().casefold()
               for r in range(window.proxy.rowCount()))
    window.search.clear()
    number = window.model.number_at(2)
    qtbot.keyClicks(window.search, f"8 ({number[:3]}) {number[3:6]}-{number[6:8]}-{number[8:]}")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data(NumbersModel.NumberRole) == number


def test_enter_on_the_list_opens_the_number_editor(app_window, qtbot):
    window = app_window
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=10000)
    assert window.editor_area.currentWidget() is window.tabs
    editor = window.tabs.widget(0)
    assert editor.number == window.model.number_at(0)
    assert editor.name_edit.text() == window.model.index(0, NumbersModel.NAME).data()
    assert editor.findChild(type(editor.schedule), "scheduleEditor") is not None


def test_switching_language_relabels_the_open_window(app_window, qtbot):
    window = app_window
    assert window.list_title.text() == "Входящие вызовы"
    assert window.model.headerData(NumbersModel.NUMBER, Qt.Orientation.Horizontal) == "Номер"
    qtbot.waitUntil(lambda: bool(window.model.index(0, NumbersModel.NOW).data()), timeout=10000)
    now_ru = window.model.index(0, NumbersModel.NOW).data()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.list_title.text() == "Incoming calls", timeout=5000)
    assert "demo" in window.windowTitle()
    assert window.model.headerData(NumbersModel.NUMBER, Qt.Orientation.Horizontal) == "Number"
    assert window.model.index(0, NumbersModel.STATE).data() == "synced"
    # "right now" is worded when the list loads: it is reloaded in the new language
    qtbot.waitUntil(lambda: window.model.index(0, NumbersModel.NOW).data() not in ("", now_ru), timeout=10000)
    i18n.set_language("ru")
    qtbot.waitUntil(lambda: window.list_title.text() == "Входящие вызовы", timeout=5000)


def test_the_pencil_opens_the_number(app_window, qtbot):
    window = app_window
    assert window.editor_area.currentWidget() is window.placeholder
    pencil = window.proxy.index(1, NumbersModel.EDIT)
    assert pencil.data() == "✎"
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.table.visualRect(pencil).center())
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=10000)
    assert window.tabs.widget(0).number == window.model.number_at(1)


def test_an_error_is_told_in_words_with_details_on_request(app_window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    window = app_window
    window.open_number("4959999999")  # not in the profile: the store refuses
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    box = window.findChild(QMessageBox, "errorBox")
    assert "4959999999" in box.text() and "не удалось открыть" in box.text().lower()
    assert "4959999999" in box.detailedText() and "Error" in box.detailedText()  # technical part on request
    assert window.tabs.count() == 0
    box.close()
    box.deleteLater()


def test_right_now_is_recomputed_every_minute(app_window, qtbot):
    window = app_window
    qtbot.waitUntil(lambda: bool(window.model.index(0, NumbersModel.NOW).data()), timeout=10000)
    fresh = window.model.index(0, NumbersModel.NOW).data()
    assert window.clock.isActive() and 0 < window.clock.remainingTime() <= 60_100  # armed for the next minute
    window.model.set_now_texts({window.model.number_at(0): "stale"})
    window.table.setColumnWidth(NumbersModel.NOW, 123)  # as the user dragged it
    window.clock.timeout.emit()  # the minute passes (Qt's own timer would do this at hh:mm:00)
    qtbot.waitUntil(lambda: window.model.index(0, NumbersModel.NOW).data() == fresh, timeout=10000)
    assert window.clock.isActive()  # and armed again
    assert window.table.columnWidth(NumbersModel.NOW) == 123  # the minute does not undo the user's width


def test_one_line_per_number_whatever_its_texts(app_window, qtbot):
    window = app_window
    qtbot.waitUntil(lambda: bool(window.model.index(0, NumbersModel.NOW).data()), timeout=10000)
    assert not window.table.wordWrap()
    heights = {window.table.rowHeight(row) for row in range(window.proxy.rowCount())}
    assert len(heights) == 1  # a long "right now" text is cut, it does not make its row taller
