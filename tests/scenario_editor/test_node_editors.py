"""Each node editor's limits, the forward-kind switch and menu keys, driven with mouse and keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from pbxdesk.domain.models import (
    DEPARTMENT_STEPS,
    DEPARTMENT_TIMEOUTS,
    EMPLOYEE_TIMEOUTS,
    EXTERNAL_TIMEOUTS,
    TtsPrompt,
)
from pbxdesk.scenario_editor.tree_model import KIND_ROLE
from pbxdesk.widgets.session import SetValuesCommand


def _combo_values(combo) -> list[int]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_menu_limits(ui, session) -> None:
    ui.click_pointer("/scenarios/working")
    menu = ui.current()
    assert menu.timeout.minimum() == 1 and menu.timeout.maximum() == 30
    assert menu.repeats.minimum() == 1 and menu.repeats.maximum() == 5
    ui.type(menu.timeout, "45")
    ui.type(menu.repeats, "9")
    assert menu.timeout.value() <= 30 and menu.repeats.value() <= 5
    ui.type(menu.timeout, "12")
    ui.type(menu.repeats, "2")
    ui.check(menu.extension_dialing, False)
    ui.save_node()
    node = session.document.scenarios["working"]
    assert (node.timeout_s, node.repeats, node.extension_dialing) == (12, 2, False)
    assert list(node.keys) == ["1"] and node.keys["1"] is not None  # branches kept
    assert session.undo_stack.count() == 1


def test_checking_a_key_creates_an_empty_branch_and_unchecking_asks(ui, session, answer_dialog) -> None:
    ui.click_pointer("/scenarios/working")
    menu = ui.current()
    ui.check(menu.keys["2"])
    ui.check(menu.keys["#"])
    ui.save_node()
    keys = session.document.scenarios["working"].keys
    assert keys["2"] is None and keys["#"] is None
    assert ui.plus("/scenarios/working/keys/2").data(KIND_ROLE) == "plus"
    assert ui.plus("/scenarios/working/keys/#").isValid()
    # unchecking the empty key 2 does not ask; unchecking key 1 (built) asks: No keeps it
    ui.click_pointer("/scenarios/working")
    menu = ui.current()
    ui.check(menu.keys["2"], False)
    assert menu.confirm is None
    answer_dialog(lambda: menu.confirm, yes=False)
    ui.toggle(menu.keys["1"])
    assert menu.keys["1"].isChecked()
    answer_dialog(lambda: menu.confirm, yes=True)
    ui.check(menu.keys["1"], False)
    assert "1" in session.document.scenarios["working"].keys  # nothing changes before Save
    ui.save_node()
    assert list(session.document.scenarios["working"].keys) == ["#"]
    ui.editor.session.undo_stack.undo()
    assert list(session.document.scenarios["working"].keys) == ["1", "2", "#"]
    assert session.document.scenarios["working"].keys["1"].type == "forward_department"


def test_external_number_normalised_and_checked(ui, session) -> None:
    ui.add("/scenarios/custom1/next", "forward_external")
    fwd = ui.current()
    assert _combo_values(fwd.timeout) == list(EXTERNAL_TIMEOUTS)
    ui.type(fwd.number, "12345")
    ui.save_node()
    message = fwd.number_message.text()
    assert fwd.number_message.isVisible() and "10" in message
    said = [label for label in ui.editor.panel.findChildren(QLabel) if label.isVisible() and message in label.text()]
    assert said == [fwd.number_message] and not fwd.error.isVisible()  # said once, at the field
    assert fwd.number.hasFocus() or QApplication.focusWidget() is fwd.number
    assert session.document.scenarios["custom1"].next is None
    ui.type(fwd.number, "+7 (495) 123-45-67")
    ui.choose(fwd.timeout, 15)
    assert not fwd.announcement.widget.isVisible()
    ui.toggle(fwd.announcement_switch)
    ui.save_node()  # switched on but empty: refused, says so
    assert fwd.error.isVisible() and session.document.scenarios["custom1"].next is None
    text = fwd.announcement.widget.findChild(QPlainTextEdit, "promptText")
    assert text.isVisible()
    ui.click(text.viewport())
    ui.keys(text, "Соединяю с дежурным")
    ui.save_node()
    node = session.document.scenarios["custom1"].next
    assert (node.type, node.number, node.timeout_s) == ("forward_external", "4951234567", 15)
    assert node.announcement == TtsPrompt(tts="Соединяю с дежурным", voice="ru")
    assert session.undo_stack.count() == 1


def test_employee_picker_and_timeouts(ui, session, directory) -> None:
    ui.click_pointer("/scenarios/working/no_input")
    fwd = ui.current()
    assert fwd.kind.currentData() == "forward_employee"
    assert _combo_values(fwd.timeout) == list(EMPLOYEE_TIMEOUTS)
    assert [fwd.employee.itemData(i) for i in range(fwd.employee.count())] == [e.id for e in directory.employees]
    ui.choose(fwd.employee, "e-201")
    ui.choose(fwd.timeout, 60)
    ui.save_node()
    node = session.document.scenarios["working"].no_input
    assert (node.employee, node.timeout_s) == ("e-201", 60)


def test_department_distribution_and_step(ui, session) -> None:
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    assert _combo_values(fwd.timeout) == list(DEPARTMENT_TIMEOUTS)
    assert fwd.step.isVisible() and _combo_values(fwd.step) == list(DEPARTMENT_STEPS)
    ui.choose(fwd.distribution, "all")
    assert not fwd.step.isVisible()
    ui.choose(fwd.timeout, 600)
    ui.save_node()
    node = session.document.scenarios["working"].keys["1"]
    assert (node.distribution, node.step_s, node.timeout_s) == ("all", None, 600)
    assert node.next.type == "voicemail"
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    ui.choose(fwd.distribution, "incremental")
    assert fwd.step.isVisible()
    ui.choose(fwd.step, 25)
    ui.save_node()
    node = session.document.scenarios["working"].keys["1"]
    assert (node.distribution, node.step_s) == ("incremental", 25)


def test_forward_kind_switch_keeps_announcement_and_continuation(ui, session) -> None:
    session.push(SetValuesCommand(session, {
        "/scenarios/working/keys/1/announcement": TtsPrompt(tts="Соединяю"),
        "/scenarios/working/keys/1/timeout_s": 120}, "prepare"))
    before_next = session.document.scenarios["working"].keys["1"].next
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    assert fwd.announcement_switch.isChecked()
    ui.choose(fwd.kind, "forward_employee")
    assert fwd.note.isVisible() and "30" in fwd.note.text() and "2" in fwd.note.text()
    assert fwd.timeout.value() == 30 and _combo_values(fwd.timeout) == list(EMPLOYEE_TIMEOUTS)
    ui.choose(fwd.employee, "e-102")
    ui.save_node()
    node = session.document.scenarios["working"].keys["1"]
    assert (node.type, node.employee, node.timeout_s) == ("forward_employee", "e-102", 30)
    assert node.announcement == TtsPrompt(tts="Соединяю")
    assert node.next == before_next
    # to an external number: the timeout 30 s is allowed there, so it stays and no note about it
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    ui.choose(fwd.kind, "forward_external")
    assert fwd.timeout.value() == 30 and "30" not in fwd.note.text()
    ui.type(fwd.number, "8 812 555 00 11")
    ui.save_node()
    node = session.document.scenarios["working"].keys["1"]
    assert (node.type, node.number, node.next) == ("forward_external", "8125550011", before_next)
    ui.editor.session.undo_stack.undo()
    assert session.document.scenarios["working"].keys["1"].type == "forward_employee"


def test_voicemail_recipients_one_by_one_and_email(ui, session) -> None:
    ui.click_pointer("/scenarios/non_working")
    mail = ui.current()
    assert mail.recipients.count() == 1 and mail.greeting_switch.isChecked()
    ui.choose(mail.picker, "department:support")
    ui.click(mail.add_button)
    ui.choose(mail.picker, "employee:e-103")
    ui.click(mail.add_button)
    ui.click(mail.add_button)  # the same recipient twice is refused
    assert mail.recipients.count() == 3 and mail.error.isVisible()
    mail.recipients.setCurrentRow(0)
    ui.click(mail.remove_button)
    ui.type(mail.external_email, "not an address")
    ui.save_node()
    assert mail.error.isVisible()
    ui.type(mail.external_email, "boss@example.ru")
    ui.check(mail.greeting_switch, False)
    ui.save_node()
    node = session.document.scenarios["non_working"]
    assert [r.model_dump() for r in node.recipients] == [{"department": "support"}, {"employee": "e-103"}]
    assert node.external_email == "boss@example.ru" and node.greeting is None


def test_cancel_discards_and_delete_removes_subtree(ui, session) -> None:
    ui.click_pointer("/scenarios/working/keys/1")
    fwd = ui.current()
    ui.choose(fwd.timeout, 15)
    ui.click(fwd.cancel_button)
    assert fwd.timeout.value() == 60
    assert session.undo_stack.count() == 0
    ui.click(fwd.delete_button)
    assert session.document.scenarios["working"].keys["1"] is None
    assert ui.plus("/scenarios/working/keys/1").isValid()
    assert ui.editor.panel.stack.currentWidget() is ui.editor.panel.hint
    ui.qtbot.keyClick(ui.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.document.scenarios["working"].keys["1"].next.type == "voicemail"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_node_editor_fits_a_narrow_panel(make_editor, session, qapp, language) -> None:
    """At 1366 pixels the app leaves the node panel about 350 pixels: no editor, with its optional
    announcement or greeting switched on, may need a sideways scroll bar there (a label goes above its field
    when the row is too narrow), in either language."""

    from pbxdesk.desktop.i18n import set_language

    set_language(language)

    from pbxdesk.domain.models import FaxNode, ForwardExternalNode, MessageNode, VoicemailNode

    tts = TtsPrompt(tts="Здравствуйте! Оставьте, пожалуйста, сообщение после сигнала.")
    session.push(SetValuesCommand(session, {
        "/scenarios/working/keys/1": ForwardExternalNode(number="4951234567", timeout_s=20, announcement=tts,
                                                         next=MessageNode(prompt=tts, next=None)),
        "/scenarios/non_working": FaxNode(greeting=tts, recipients=[], external_email="fax@example.com"),
        "/scenarios/working/no_input/next": VoicemailNode(greeting=tts, recipients=[], external_email=None),
    }, "one of every kind"))
    editor, ui = make_editor(session)
    editor.resize(720, 700)
    for ptr in ("/scenarios/working", "/scenarios/working/keys/1", "/scenarios/working/keys/1/next",
                "/scenarios/working/no_input", "/scenarios/working/no_input/next", "/scenarios/non_working",
                "/scenarios/custom1"):
        ui.click_pointer(ptr)
        qapp.processEvents()
        fields = ui.current().fields  # the editor's fields scroll; its buttons stay below them
        assert 300 < fields.viewport().width() < 380, ptr
        assert not fields.horizontalScrollBar().isVisible(), ptr
