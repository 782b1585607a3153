"""A number the company no longer has, in the app: after ``admin remove-number`` and a sync it leaves the active
numbers list (shown again with «Показывать изъятые номера»), its open editor turns read-only with a banner,
and the edit saved here but never sent survives and is exported as a routing file through the banner's
«Экспортировать маршрутизацию…» and the real file dialog."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from sync_ui_helpers import edit_in_editor, wait_synced, wait_until

from pbxdesk.app.numbers_model import NumbersModel
from pbxdesk.app.withdrawn_editor import WithdrawnBanner


def _listed(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    return [proxy.index(r, 0).data(NumbersModel.NumberRole) for r in range(proxy.rowCount())]


def _sync(window, count: int):  # type: ignore[no-untyped-def]
    wait_until(lambda: not window.sync.is_running())
    window.act_sync.trigger()
    return wait_synced(window, count)


def test_a_removed_number_leaves_the_list_and_its_kept_edit_is_exported(qtbot, windows, company, server,
                                                                        tmp_path: Path) -> None:
    number, other = company.numbers[0], company.numbers[1]
    window = windows.open(company)
    wait_synced(window)
    editor = edit_in_editor(qtbot, window, number, {"/name": "Правка, которую не успели отправить"})
    assert number in _listed(window)

    server.admin("remove-number", number)
    report = _sync(window, 2)
    assert report.withdrawn == [number] and report.kept_edits == [number]
    said = window.status.message.text()
    assert "изъято у компании: 1" in said and "сохранено неотправленных правок" in said, said
    wait_until(lambda: number not in _listed(window))
    assert other in _listed(window)
    assert window.findChild(WithdrawnBanner) is not None  # the open editor turned read-only
    assert not editor.header.isEnabled() and not editor.scenarios.isEnabled()

    # closed: the list shows it again when asked, marked withdrawn
    window.close_tab(window.tabs.indexOf(editor))
    wait_until(lambda: number not in window.editors and window.show_withdrawn.isVisible())
    box = window.show_withdrawn
    assert box.isVisible() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on its check mark
    assert box.isChecked()
    wait_until(lambda: number in _listed(window))
    row = _listed(window).index(number)
    assert window.proxy.index(row, NumbersModel.STATE).data() == "изъят"

    # opened again from the list: read-only, showing the kept edit
    window.table.setFocus()
    window.table.selectRow(row)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    wait_until(lambda: number in window.editors)
    editor = window.editors[number]
    banner = editor.findChild(WithdrawnBanner)
    assert banner is not None and banner.isVisible()
    assert "изъят" in banner.text.text() and "не была отправлена" in banner.text.text()
    assert not editor.name_edit.isEnabled()
    assert editor.session.document.name == "Правка, которую не успели отправить"

    target = tmp_path / "kept.json"

    seen: list[object] = []

    def pick_file() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        assert isinstance(dialog, QFileDialog)
        assert dialog.findChild(QLineEdit, "fileNameEdit").text() == f"{number}.json"  # proposed name
        dialog.setDirectory(str(target.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.clear()
        qtbot.keyClicks(name, target.name)
        dialog.accept()

    QTimer.singleShot(300, pick_file)
    qtbot.mouseClick(banner.export_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: seen)
    assert isinstance(seen[0], QFileDialog), seen
    wait_until(lambda: target.exists() or banner.result.isVisible())
    assert target.exists(), banner.result.text()
    window.worker.wait_idle()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["number"] == number and exported["name"] == "Правка, которую не успели отправить"
    wait_until(lambda: banner.result.isVisible())
    assert str(target) in banner.result.text()

    # the edit is still in the profile, never sent; the server has the number no more
    store = window.context.store
    assert store.kept_edits() == [number] and store.outbox_items() == []
    assert company.get(f"/numbers/{number}").status_code == 410
