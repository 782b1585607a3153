"""Pending changes, conflicts and history dialogs against the real reference server."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QMessageBox
from sync_ui_helpers import (
    department_forward,
    edit_in_editor,
    screenshot,
    second_client_edit,
    state_of,
    wait_synced,
    wait_until,
)


def test_pending_changes_in_words_and_revert(qtbot, windows, company):
    window = windows.open(company)
    wait_synced(window)
    number = company.numbers[0]
    before = window.context.store.get_saved(number)
    greeting = before.scenarios["working"].model_dump(mode="json")
    editor = edit_in_editor(qtbot, window, number, {
        "/name": "Support line", "/scenarios/working": {**greeting, "next": department_forward("support")}})
    assert state_of(window, number) == "changed"
    window.sync_ui.act_pending.trigger()
    dialog = window.sync_ui.dialog
    wait_until(lambda: dialog.list.count() == 1)
    text = dialog.diff.toPlainText()
    assert "Название номера" in text and "Support line" in text and before.name in text
    # the provisioned scenario forwards to sales, then voicemail: node by node what changed
    assert ("Изменено: Рабочее время › затем: Направить на отдел «Отдел продаж»: всем сразу, 30 с → "
            "Направить на отдел «Поддержка»") in text, text
    assert "Удалено: Рабочее время › затем › если не ответили: Автоответчик" in text, text
    screenshot(dialog, "pending_changes")
    QTimer.singleShot(0, lambda: dialog.confirm.button(QMessageBox.StandardButton.Yes).click())
    dialog.revert.click()
    wait_until(lambda: dialog.list.count() == 0)
    assert "Всё синхронизировано" in dialog.summary.text()
    assert state_of(window, number) == "synced"
    assert window.context.store.get_saved(number).name == before.name
    wait_until(lambda: editor.session.document.name == before.name)  # the open editor follows
    dialog.accept()


def _two_conflicts(tmp_path: Any, qtbot: Any, window: Any, company: Any) -> tuple[str, str]:
    a, b = company.numbers[0], company.numbers[1]
    for number, mine in ((a, "Mine A"), (b, "Mine B")):
        working = window.context.store.get_saved(number).scenarios["working"].model_dump(mode="json")
        edit_in_editor(qtbot, window, number, {"/name": mine,
                                                "/scenarios/working": {**working, "next": department_forward()}})

    def theirs(data: dict[str, Any]) -> None:
        data["name"] = "Theirs " + data["number"][-4:]
        data["scenarios"]["working"]["next"] = department_forward("support")

    for number in (a, b):
        second_client_edit(tmp_path, company, number, theirs)
    window.act_sync.trigger()
    report = wait_synced(window, 2)
    assert sorted(report.conflicts) == sorted([a, b])
    return a, b


def test_conflicts_resolved_in_the_dialog_both_ways(tmp_path, qtbot, windows, company):
    window = windows.open(company)
    wait_synced(window)
    a, b = _two_conflicts(tmp_path, qtbot, window, company)
    sync_ui = window.sync_ui
    wait_until(lambda: sync_ui.delegate.states == {a: "conflict", b: "conflict"})
    assert sync_ui.banners.conflicts.isVisible() and "2" in sync_ui.banners.conflicts.label.text()
    for index in range(window.tabs.count()):
        window.tabs.widget(index).session.undo_stack.setClean()
    screenshot(window, "conflicts_marked")
    sync_ui.banners.resolve.click()
    dialog = sync_ui.dialog
    wait_until(lambda: dialog.list.count() == 2)
    dialog.list.setCurrentRow([c.number for c in dialog.conflicts].index(a))
    units = {u.unit for u in dialog.current().units}
    assert units == {"name", "scenario:working"}
    labels = {w.objectName(): w.text() for w in dialog.units.findChildren(type(dialog.summary))}
    assert "Отдел продаж" in labels["mineText:scenario:working"]
    assert "Поддержка" in labels["theirsText:scenario:working"]
    assert "Mine A" in labels["mineText:name"] and "Theirs" in labels["theirsText:name"]
    titles = [box.title() for box in dialog.units.findChildren(QGroupBox)]
    assert titles == ["Название номера", "Сценарий «Рабочее время»"]
    screenshot(dialog, "conflicts_dialog")
    dialog.apply.click()  # nothing chosen yet: refused with a reason
    assert "2" in dialog.message.text()
    dialog.all_mine.click()
    assert "2 из 2" in dialog.summary.text()
    dialog.apply.click()
    wait_until(lambda: dialog.list.count() == 1)
    assert dialog.current_number() == b
    dialog.radios[("name", "theirs")].click()
    dialog.radios[("scenario:working", "theirs")].click()
    dialog.apply.click()
    wait_until(lambda: dialog.list.count() == 0)
    assert "Нет конфликтов" in dialog.summary.text()
    dialog.accept()
    assert state_of(window, a) == "changed" and state_of(window, b) == "synced"
    window.act_sync.trigger()
    wait_synced(window, 3)
    assert company.document(a)["name"] == "Mine A"
    assert company.document(a)["scenarios"]["working"]["next"]["department"] == "sales"
    assert company.document(b)["name"] == "Theirs " + b[-4:]
    wait_until(lambda: sync_ui.delegate.states == {} and not sync_ui.banners.conflicts.isVisible())


def test_conflict_edited_in_the_editor(tmp_path, qtbot, windows, company):
    window = windows.open(company)
    wait_synced(window)
    a, _b = _two_conflicts(tmp_path, qtbot, window, company)
    for index in reversed(range(window.tabs.count())):
        window.tabs.widget(index).session.undo_stack.setClean()
        window.close_tab(index)
    window.sync_ui.act_conflicts.trigger()
    dialog = window.sync_ui.dialog
    wait_until(lambda: dialog.list.count() == 2)
    dialog.list.setCurrentRow([c.number for c in dialog.conflicts].index(a))
    dialog.radios[("scenario:working", "theirs")].click()  # the server's branch, my name: then edit
    dialog.edit.click()
    wait_until(lambda: a in window.editors and window.editors[a].session.document.name == "Mine A"
               and window.editors[a].session.document.scenarios["working"].next.department == "support")
    editor = window.editors[a]
    assert "конфликт" in editor.status.text()
    screenshot(window, "conflict_edit_in_editor")
    editor.scenarios.save_button.click()
    wait_until(lambda: state_of(window, a) == "changed" and a not in window.sync_ui.conflict_edits)
    window.act_sync.trigger()
    wait_synced(window, 3)
    server_doc = company.document(a)
    assert server_doc["name"] == "Mine A" and server_doc["scenarios"]["working"]["next"]["department"] == "support"


def test_history_shows_revisions_and_restores_an_old_one(qtbot, windows, company):
    window = windows.open(company)
    wait_synced(window)
    number = company.numbers[0]
    original = window.context.store.get_saved(number)
    working = original.scenarios["working"].model_dump(mode="json")
    edit_in_editor(qtbot, window, number, {"/name": "Second version"})
    window.act_sync.trigger()
    wait_synced(window, 2)
    edit_in_editor(qtbot, window, number, {"/name": "Third version",
                                           "/scenarios/working": {**working, "next": department_forward()}})
    window.act_sync.trigger()
    wait_synced(window, 3)
    window.sync_ui.act_history.trigger()
    dialog = window.sync_ui.dialog
    wait_until(lambda: dialog.table.rowCount() == 3)
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["3", "2", "1"]
    assert dialog.table.item(2, 2).text() == "admin"  # provisioned by the administrator
    assert dialog.table.item(0, 2).text() == company.name  # saved with the company's token
    dialog.table.selectRow(2)
    wait_until(lambda: "Ревизия 1" in dialog.view.toPlainText() and dialog.restore.isEnabled())
    assert original.name in dialog.view.toPlainText()
    compare = dialog.compare.toPlainText()
    assert "Third version" in compare and original.name in compare
    assert "Добавлено: Рабочее время › затем › если не ответили: Автоответчик" in compare, compare
    dialog.tabs.setCurrentIndex(1)
    screenshot(dialog, "history")
    dialog.restore.click()
    wait_until(lambda: "восстановлена" in dialog.message.text())
    assert state_of(window, number) == "changed"
    wait_until(lambda: window.editors[number].session.document.name == original.name)  # the editor follows
    dialog.accept()
    window.act_sync.trigger()
    wait_synced(window, 4)
    assert company.document(number)["name"] == original.name
    assert company.revision_count(number) == 4
