"""The week coverage table and its warnings as the user sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pbxdesk.domain.coverage import coverage_warnings, week_coverage
from pbxdesk.domain.models import VoicemailNode
from pbxdesk.test_call.coverage_view import action_abbreviations
from pbxdesk.widgets.palette import interval_color
from pbxdesk.widgets.session import SetValuesCommand


def test_cells_show_interval_colour_and_first_action(editors, spec_example, directory):
    view = editors.tabs.coverage
    table = view.table
    assert (table.rowCount(), table.columnCount()) == (7, 24)
    names = action_abbreviations()
    for row, cells in enumerate(week_coverage(spec_example, directory)):
        for cell in cells:
            item = table.item(row, cell.hour)
            assert item.background().color() == interval_color(cell.interval)
            assert item.text().lstrip("!") == names[cell.first_action]
            assert item.text().startswith("!") == cell.gap
    assert table.item(0, 13).background().color() == interval_color("custom1")
    assert table.item(0, 13).text().startswith("!")  # lunch: the message ends the call, nobody rung
    assert table.item(0, 10).text() == names["menu"]


def test_warnings_are_listed_and_follow_edits(editors, qtbot):
    view = editors.tabs.coverage
    shown = [view.warnings_list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(view.warnings_list.count())]
    assert shown == [w.code for w in coverage_warnings(editors.session.document, editors.session.directory)]
    assert "coverage.no_one_rung" in shown and "coverage.ring_time" in shown
    session = editors.session
    voicemail = {"type": "voicemail", "greeting": None, "recipients": [{"employee": "e-101"}], "external_email": None}
    node = VoicemailNode.model_validate(voicemail)
    session.push(SetValuesCommand(session, {"/scenarios/custom1/next": node}, "lunch voicemail"))
    qtbot.waitUntil(lambda: "coverage.no_one_rung" not in view.warning_codes())
    assert not view.table.item(0, 13).text().startswith("!")


def test_double_click_on_a_warning_names_its_pointer(editors, qtbot):
    view = editors.tabs.coverage
    row = next(i for i in range(view.warnings_list.count())
               if view.warnings_list.item(i).data(Qt.ItemDataRole.UserRole + 1) == "coverage.no_one_rung")
    with qtbot.waitSignal(editors.tabs.pointerActivated) as signal:
        view.warnings_list.itemDoubleClicked.emit(view.warnings_list.item(row))
    assert signal.args == ["/scenarios/custom1"]

