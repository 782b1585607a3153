"""End to end against the embedded reference service: open a number, paint the week, build a menu with a
department forward, save, and find the document saved locally and queued; then copy its settings to several
numbers. Mouse drags and clicks go through the real widgets (drivers in tests/support)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.domain.models import ForwardDepartmentNode, MenuNode, VoicemailNode
from pbxdesk.store import Store
from tests.app.conftest import wait_until
from tests.support.grid_mouse import Mouse
from tests.support.scenario_ui import UI


def _row_named(window, name: str) -> int:
    return next(r for r in range(window.model.rowCount())
                if window.model.index(r, NumbersModel.NAME).data() == name)


def _open(window, qtbot, row: int):
    pencil = window.proxy.mapFromSource(window.model.index(row, NumbersModel.EDIT))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.table.visualRect(pencil).center())
    number = window.model.number_at(row)
    wait_until(lambda: number in window.editors, timeout=20)
    return window.editors[number]


def test_paint_build_save_then_copy_to_several_numbers(app_window, qtbot):
    window = app_window
    editor = _open(window, qtbot, _row_named(window, "Факс"))
    number = editor.number
    schedule = editor.schedule
    assert editor.session.document.schedule.mode == "always"

    # schedule: by schedule, working time Monday-Friday 09:00-18:00 painted with the mouse
    qtbot.mouseClick(schedule.weekly_radio, Qt.MouseButton.LeftButton, pos=schedule.weekly_radio.rect().center())
    assert editor.session.document.schedule.mode == "weekly"
    schedule.intervals.select_brush("working")
    Mouse(schedule.grid).drag("mon", 9 * 60 + 5, "fri", 17 * 60 + 45)
    ranges = [(r.day, r.start, r.end, r.interval) for r in editor.session.document.schedule.ranges]
    assert ranges == [(d, "09:00", "18:00", "working") for d in ("mon", "tue", "wed", "thu", "fri")]

    # scenario of the non-working time (it now occurs): a menu, key 1 -> sales in turn, then voicemail
    ui = UI(qtbot, editor.scenarios)
    ui.add("/scenarios/non_working", "menu")
    menu = ui.current()
    prompt = menu.findChild(QWidget, "menuPrompt").findChild(QPlainTextEdit, "promptText")
    ui.click(prompt.viewport())
    ui.keys(prompt, "Нажмите 1, чтобы поговорить с отделом продаж")
    ui.toggle(menu.keys["1"])
    ui.save_node()
    ui.add("/scenarios/non_working/keys/1", "forward_department")
    forward = ui.current()
    ui.choose(forward.department, "sales")
    ui.choose(forward.distribution, "in_turn")
    ui.choose(forward.step, 10)
    ui.choose(forward.timeout, 60)
    ui.save_node()
    ui.add("/scenarios/non_working/no_input", "voicemail")
    ui.save_node()
    assert editor.session.is_dirty()

    with qtbot.waitSignal(editor.saved, timeout=20000, raising=False) as blocker:
        ui.click(editor.scenarios.save_button)
    assert blocker.signal_triggered, (editor.scenarios.save_message.text(), editor.status.text())
    assert not editor.session.is_dirty()

    with Store.open(window.context.profile_dir) as store:
        saved = store.get_saved(number)
        queued = {item.number: item for item in store.outbox_items()}
        assert store.load_draft(number) is None
        state = store.summary(number).sync_state
    assert saved.schedule.mode == "weekly"
    root = saved.scenarios["non_working"]
    assert isinstance(root, MenuNode) and list(root.keys) == ["1"]
    assert root.prompt.tts == "Нажмите 1, чтобы поговорить с отделом продаж"
    assert isinstance(root.keys["1"], ForwardDepartmentNode)
    assert (root.keys["1"].department, root.keys["1"].distribution, root.keys["1"].step_s) == ("sales", "in_turn", 10)
    assert isinstance(root.no_input, VoicemailNode)
    assert number in queued and queued[number].payload["schedule"]["mode"] == "weekly"
    assert state == "changed"
    wait_until(lambda: "изменён" in window.model.index(window.model.row_of(number), NumbersModel.STATE).data())

    # copy these settings to two other numbers, with a summary of what changes for each
    targets = [window.model.number_at(_row_named(window, "Поддержка")),
               window.model.number_at(_row_named(window, "Отдел продаж"))]
    with Store.open(window.context.profile_dir) as store:  # an unsaved draft on one target: the copy replaces it
        store.save_draft(targets[0], {**store.get_saved(targets[0]).model_dump(mode="json"), "name": "Черновик"})
    editor.copy_to()
    wait_until(lambda: editor.copy_dialog is not None and editor.copy_dialog.isVisible())
    dialog = editor.copy_dialog
    dialog.set_checked(targets)
    summary = dialog.summary.toPlainText()
    assert "Поддержка" in summary and "Отдел продаж" in summary and "По расписанию" in summary
    assert summary.count("черновик будет заменён") == 1
    with qtbot.waitSignal(editor.copied, timeout=20000):
        dialog.accept()
    assert editor.status.text() == f"Настройки скопированы на номера ({len(targets)}) и поставлены в очередь на синхронизацию."
    with Store.open(window.context.profile_dir) as store:
        for target in targets:
            copied = store.get_saved(target)
            assert copied.schedule == saved.schedule and copied.scenarios == saved.scenarios
            assert copied.name != saved.name  # R2: the name stays
            assert store.summary(target).sync_state == "changed"
        assert {i.number for i in store.outbox_items()} >= {number, *targets}
