"""The app on a failing disk, in Russian: a full or read-only profile is a banner (not a traceback dialog),
the edits stay in the editor, nothing saved before is lost, and saving works again once the disk is back;
a profile whose disk cannot be written still opens (read-only, with the banner). Numbers the server refused
are shown as set aside in the pending list. Real tmpfs mounts (the tests run as root)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sync_ui_helpers import edit_in_editor, rename, screenshot, state_of, wait_synced, wait_until

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "disk"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(mnt: Path) -> None:
    with open(mnt / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


def _error_dialogs() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _save(qtbot: Any, editor: Any, name: str) -> None:
    rename(qtbot, editor, name)
    editor.scenarios.validator.run()
    editor.scenarios.save_button.click()


def test_a_full_disk_is_a_banner_and_nothing_is_lost(qtbot, windows, company, disk) -> None:
    windows.tmp_path = disk  # the window's profile lives on the small disk
    window = windows.open(company)
    wait_synced(window)
    number = company.numbers[0]
    editor = edit_in_editor(qtbot, window, number, {"/name": "Сохранено до"})
    assert window.context.store.get_saved(number).name == "Сохранено до"
    banner = window.sync_ui.banners.profile
    assert not banner.isVisible()
    _fill(disk)
    _save(qtbot, editor, "Saved after the disk filled up")
    wait_until(lambda: banner.isVisible())
    assert "нет места" in banner.label.text() and str(disk) in banner.label.text()
    assert "Не сохранено" in editor.status.text()
    assert _error_dialogs() == []  # a banner, not a traceback dialog
    assert editor.name_edit.text() == "Saved after the disk filled up"  # the edit is still there
    screenshot(window, "profile_disk_full")
    window.act_sync.trigger()  # a sync on a full disk: the same banner, no crash
    wait_until(lambda: len(window.synced) >= 2 and not window.sync.is_running())
    assert _error_dialogs() == [] and banner.isVisible()
    assert not window.sync_ui.banners.network.isVisible()  # the disk, not the network
    assert window.status.state() == "online" and "нет места" in window.status.message.text()
    (disk / "filler").unlink()
    editor.scenarios.save_button.click()
    wait_until(lambda: not banner.isVisible())
    window.worker.wait_idle()
    assert window.context.store.get_saved(number).name == "Saved after the disk filled up"


def test_a_read_only_profile_opens_read_only_with_the_banner(qtbot, windows, company, disk) -> None:
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop.options import Settings
    from pbxdesk.store import Store

    windows.tmp_path = disk
    first = windows.open(company, "ro")
    wait_synced(first)
    edit_in_editor(qtbot, first, company.numbers[0], {"/name": "До перемонтирования"})
    windows.close()
    windows.made.clear()
    with Store.open(disk / "ro") as store:
        assert store.get_saved(company.numbers[0]).name == "До перемонтирования"
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    context = open_profile(str(disk / "ro"), Settings(disk / "ro"))
    assert context.store.read_only and context.profile_trouble.reason == "read_only"
    context.token = company.token
    window = MainWindow(context=context)
    window.show()
    windows.made.append(window)  # closed by the fixture, which drops the unsaved edit first
    banner = window.sync_ui.banners.profile
    wait_until(lambda: banner.isVisible())
    assert "только для чтения" in banner.label.text()
    wait_until(lambda: window.model.rowCount() == len(company.numbers))  # everything saved is listed
    window.open_number(company.numbers[0])
    wait_until(lambda: company.numbers[0] in window.editors)
    editor = window.editors[company.numbers[0]]
    assert editor.name_edit.text() == "До перемонтирования"
    _save(qtbot, editor, "Cannot be written")
    wait_until(lambda: "Не сохранено" in editor.status.text())
    assert _error_dialogs() == []
    screenshot(window, "profile_read_only")


def test_a_number_the_server_refused_is_set_aside_in_the_pending_list(qtbot, windows, company) -> None:
    window = windows.open(company)
    wait_synced(window)
    refused, sent = company.numbers[0], company.numbers[1]
    window.context.store.add_media("ab" * 32, 2.5)  # known here, never uploaded: the server refuses it
    edit_in_editor(qtbot, window, refused, {"/scenarios/working/prompt": {"audio": "ab" * 32}})
    edit_in_editor(qtbot, window, sent, {"/name": "Отправится"})
    window.act_sync.trigger()
    report = wait_synced(window, 2)
    assert report.pushed == [sent] and list(report.errors) == [refused] and state_of(window, refused) == "error"
    banners = window.sync_ui.banners
    wait_until(lambda: banners.refused.isVisible())
    assert "отложены" in banners.refused.label.text()
    window.sync_ui.show_pending()
    dialog = window.sync_ui.dialog
    wait_until(lambda: dialog.list.count() == 1)
    assert "отложено" in dialog.list.item(0).text()
    assert "отложено" in dialog.diff.toPlainText() and "media.unknown" in dialog.diff.toPlainText()
    screenshot(dialog, "pending_set_aside")
