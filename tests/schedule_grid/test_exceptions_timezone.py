"""Exception dates, the import of Russian public holidays, the timezone picker and its DST warning."""

from __future__ import annotations

import holidays
import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialog

from pbxdesk.domain.models import Range
from pbxdesk.schedule_grid import ScheduleEditor
from pbxdesk.schedule_grid.commands import push_ranges
from pbxdesk.schedule_grid.exceptions_editor import ExceptionsDialog
from pbxdesk.schedule_grid.timezone_picker import dst_warnings, timezone_names


@pytest.fixture
def editor(qtbot, session):
    widget = ScheduleEditor(session)
    qtbot.addWidget(widget)
    widget.told = []
    widget.inform = lambda _t, text: widget.told.append(text)
    widget.show()
    return widget


@pytest.fixture
def dialog(qtbot, editor):
    qtbot.mouseClick(editor.exceptions_button, Qt.MouseButton.LeftButton)
    dlg = editor.findChild(QDialog, "exceptionsEditor")
    assert isinstance(dlg, ExceptionsDialog) and dlg.isVisible()
    return dlg


def _exceptions(session) -> dict[str, list[tuple[str, str, str]]]:
    return {e.date: [(r.start, r.end, r.interval) for r in e.ranges] for e in session.document.schedule.exceptions}


def test_an_exception_date_gets_its_own_ranges(qtbot, dialog, session):
    from datetime import date

    dialog.add_date(date(2027, 3, 7))
    assert _exceptions(session)["2027-03-07"] == []                  # a new date starts as a day off
    assert dialog.selected_date() == "2027-03-07" and dialog.day_off.isChecked()
    qtbot.mouseClick(dialog.add_range_button, Qt.MouseButton.LeftButton)
    assert not dialog.day_off.isChecked()
    row = dialog.rows.rows()[0]
    row.start.setText("10:00")
    row.end.setText("15:30")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert _exceptions(session)["2027-03-07"] == [("10:00", "15:30", "working")]
    assert list(_exceptions(session)) == sorted(_exceptions(session))
    dialog.day_off.setChecked(True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert _exceptions(session)["2027-03-07"] == []
    session.undo_stack.undo()
    assert _exceptions(session)["2027-03-07"] == [("10:00", "15:30", "working")]
    assert [r.values() for r in dialog.rows.rows()] == [(600, 930, "working")]   # the dialog follows undo


def test_add_date_button_takes_the_picked_date(qtbot, dialog, session):
    from PySide6.QtCore import QDate

    dialog.date_edit.setDate(QDate(2027, 1, 15))
    qtbot.mouseClick(dialog.add_date_button, Qt.MouseButton.LeftButton)
    assert _exceptions(session)["2027-01-15"] == []
    assert dialog.selected_date() == "2027-01-15"


def test_delete_an_exception_date(qtbot, dialog, session):
    dialog.select_date("2026-12-31")
    qtbot.mouseClick(dialog.delete_date_button, Qt.MouseButton.LeftButton)
    assert "2026-12-31" not in _exceptions(session)
    session.undo_stack.undo()
    assert _exceptions(session)["2026-12-31"] == [("09:00", "15:00", "working")]


def test_import_a_year_of_russian_holidays_as_one_command(qtbot, dialog, editor, session):
    dialog.year.setValue(2026)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    expected = {d.isoformat() for d in holidays.country_holidays("RU", years=2026)}
    got = _exceptions(session)
    assert expected <= set(got)
    assert "2026-01-07" in got and got["2026-01-07"] == []
    if "2026-12-31" in expected:
        assert got["2026-12-31"] == [("09:00", "15:00", "working")]   # an existing exception is kept
    assert session.undo_stack.count() == 1
    assert editor.told and str(len(expected - {"2026-12-31"})) in editor.told[-1]
    assert dialog.dates.count() == len(got)
    session.undo_stack.undo()
    assert set(_exceptions(session)) == {"2026-12-31"}


def test_timezone_picker_sets_the_documents_zone(qtbot, editor, session):
    picker = editor.timezone
    assert picker.currentText() == "Europe/Moscow"
    picker.setCurrentIndex(picker.findText("Asia/Yekaterinburg"))
    picker.activated.emit(picker.currentIndex())
    assert session.document.timezone == "Asia/Yekaterinburg"
    session.undo_stack.undo()
    assert picker.currentText() == "Europe/Moscow"
    picker.setEditText("Not/AZone")
    picker.lineEdit().editingFinished.emit()
    assert session.document.timezone == "Europe/Moscow"


def test_the_picker_offers_every_zone_of_the_system(editor):
    """The names come from a walk of the zone directories (without opening each file): the same names
    ``zoneinfo.available_timezones`` finds, as "Area/Place"."""
    from zoneinfo import available_timezones

    expected = sorted(n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "posix", "right")))
    assert list(timezone_names()) == expected and "Asia/Yekaterinburg" in expected
    assert [editor.timezone.itemText(i) for i in range(editor.timezone.count())] == expected


def test_a_range_starting_in_a_skipped_dst_hour_is_warned_about(qtbot, editor, session):
    assert editor.warning.isHidden()                     # Moscow has no DST
    ranges = list(session.document.schedule.ranges) + [Range(day="sun", start="02:30", end="05:00",
                                                             interval="working")]
    push_ranges(session, ranges, "night shift")
    assert editor.warning.isHidden()
    editor.timezone.setCurrentIndex(editor.timezone.findText("Europe/Berlin"))
    editor.timezone.activated.emit(editor.timezone.currentIndex())
    assert not editor.warning.isHidden()
    assert "Sun 02:30" in editor.warning.text() and "Europe/Berlin" in editor.warning.text()
    assert any("2026-03-29" in w for w in dst_warnings(session.document, 2026))


@pytest.mark.parametrize(("language", "shown", "picked"), [
    ("ru", "Чт 31.12.2026", "15.01.2027"),
    ("en", "Thu 2026-12-31", "2027-01-15"),
])
def test_dates_are_written_as_the_ui_language_writes_them(qtbot, session, language, shown, picked):
    from PySide6.QtCore import QDate

    from pbxdesk.desktop.i18n import set_language

    set_language(language)
    widget = ScheduleEditor(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.exceptions_button, Qt.MouseButton.LeftButton)
    dialog = widget.findChild(QDialog, "exceptionsEditor")
    dialog.select_date("2026-12-31")
    assert dialog.dates.currentItem().text().startswith(f"{shown} — ")
    assert shown in dialog.title.text()
    dialog.date_edit.setDate(QDate(2027, 1, 15))
    assert dialog.date_edit.text() == picked
    qtbot.mouseClick(dialog.add_date_button, Qt.MouseButton.LeftButton)
    assert _exceptions(session)["2027-01-15"] == []  # the document keeps ISO dates whatever the language
    set_language("en")


def test_a_working_special_day_is_not_labelled_a_day_off(qtbot, session):
    """31.12.2026 is a day off in the Russian calendar; a number that works that day (the SPEC example) gets
    its hours, and the list says it works on a day off instead of calling the date just "Выходной"."""
    from pbxdesk.desktop.i18n import set_language

    set_language("ru")
    widget = ScheduleEditor(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.exceptions_button, Qt.MouseButton.LeftButton)
    dialog = widget.findChild(QDialog, "exceptionsEditor")
    dialog.date_edit.setDate(QDate(2027, 1, 1))
    qtbot.mouseClick(dialog.add_date_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.day_off, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.day_off.height() // 2))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    texts = {dialog.dates.item(i).data(Qt.ItemDataRole.UserRole): dialog.dates.item(i).text()
             for i in range(dialog.dates.count())}
    assert texts["2026-12-31"] == ("Чт 31.12.2026 — 1 диапазон (работа в выходной по календарю: "
                                   "Выходной (перенесено с 04.01.2026))")
    assert texts["2027-01-01"] == "Пт 01.01.2027 — весь день выходной (Новогодние каникулы)"


def test_the_demo_companys_special_days_agree_with_the_calendar():
    """The demo's shortened day is a working day of the calendar, its days off are days off there."""
    from pbxdesk.server.demo_data import documents

    for doc in documents({}):
        for exception in doc["schedule"]["exceptions"]:
            year = int(exception["date"][:4])
            day_off = exception["date"] in {d.isoformat() for d in holidays.country_holidays("RU", years=year)}
            assert day_off == (not exception["ranges"]), (doc["number"], exception)
