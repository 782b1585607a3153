"""Build the scenarios of the SPEC §4 example with mouse clicks and key presses only, then save.

Starts from a document with the example's schedule and no scenarios; the lunch message uses a TTS
prompt in place of the audio file. The saved scenarios must equal the example's semantically.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from pbxdesk.domain.document import from_dict, to_canonical_dict
from pbxdesk.widgets.session import DocumentSession

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LUNCH_TEXT = "У нас обед, перезвоните после 14:00"


def _type_prompt(ui, editor_widget, object_name: str, text: str) -> None:
    prompt = editor_widget.findChild(QWidget, object_name)
    assert prompt is not None, object_name
    field = prompt.findChild(QPlainTextEdit, "promptText")
    assert field is not None and field.isVisible()
    ui.click(field.viewport())
    ui.keys(field, text)


def test_build_spec_example_by_clicks(make_editor, spec_example_path, directory, qtbot) -> None:
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    expected = data["scenarios"]
    expected["custom1"]["prompt"] = {"tts": LUNCH_TEXT, "voice": "ru"}
    data["scenarios"] = {}
    session = DocumentSession(from_dict(data), directory)
    editor, ui = make_editor(session)
    assert editor.model.top_level_intervals() == ["working", "non_working", "custom1"]

    # working: a menu with key 1 and extension dialing
    ui.add("/scenarios/working", "menu")
    menu = ui.current()
    _type_prompt(ui, menu, "menuPrompt", "Нажмите 1 для отдела продаж")
    ui.toggle(menu.keys["1"])
    ui.toggle(menu.extension_dialing)
    ui.save_node()
    # key 1: the sales department in turn, step 10 s, timeout 1 min
    ui.add("/scenarios/working/keys/1", "forward_department", keyboard=True)
    fwd = ui.current()
    ui.choose(fwd.department, "sales")
    ui.choose(fwd.distribution, "in_turn")
    ui.choose(fwd.step, 10)
    ui.choose(fwd.timeout, 60)
    ui.save_node()
    # if nobody answers: voicemail to the sales department (offered first)
    ui.add("/scenarios/working/keys/1/next", "voicemail")
    mail = ui.current()
    for _ in range(mail.recipients.count()):
        ui.click(mail.remove_button)
    ui.choose(mail.picker, "department:sales")
    ui.click(mail.add_button)
    ui.save_node()
    # nothing pressed: Anna, 20 s
    ui.add("/scenarios/working/no_input", "forward_employee")
    fwd = ui.current()
    ui.choose(fwd.employee, "e-101")
    ui.choose(fwd.timeout, 20)
    ui.save_node()
    # lunch: a message
    ui.add("/scenarios/custom1", "message")
    _type_prompt(ui, ui.current(), "messagePrompt", LUNCH_TEXT)
    ui.save_node()
    # non-working time: voicemail with a greeting to Anna and the office address
    ui.add("/scenarios/non_working", "voicemail", keyboard=True)
    mail = ui.current()
    ui.toggle(mail.greeting_switch)
    _type_prompt(ui, mail, "greetingPrompt", "Мы работаем с 9 до 18")
    for _ in range(mail.recipients.count()):
        ui.click(mail.remove_button)
    ui.choose(mail.picker, "employee:e-101")
    ui.click(mail.add_button)
    ui.click(mail.external_email)
    qtbot.keyClicks(mail.external_email, "office@example.ru")
    ui.save_node()

    with qtbot.waitSignal(editor.saveRequested):
        ui.click(editor.save_button)
    saved = to_canonical_dict(session.document)["scenarios"]
    data["scenarios"] = expected
    assert saved == to_canonical_dict(from_dict(data))["scenarios"]
    # every step was one command; undoing them all empties the scenarios again
    assert session.undo_stack.count() == 6
    for _ in range(6):
        ui.shortcut(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.document.scenarios == {}


def test_screenshot_of_the_spec_example(make_editor, session) -> None:
    editor, ui = make_editor(session)
    ui.click_pointer("/scenarios/working")
    editor.validator.run()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "scenario_editor_spec_example.png"
    assert editor.grab().save(str(path))
    ui.click_pointer("/scenarios/working/keys/1")
    assert editor.grab().save(str(ARTIFACTS / "scenario_editor_department.png"))
    ui.click_pointer("/scenarios/non_working")
    assert editor.grab().save(str(ARTIFACTS / "scenario_editor_voicemail.png"))
    from PySide6.QtWidgets import QComboBox

    voice = next(c for c in editor.findChildren(QComboBox, "promptVoice") if c.isVisible())
    assert voice.width() > voice.fontMetrics().horizontalAdvance(voice.currentText())  # "English" shown in full
