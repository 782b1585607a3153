"""Errors made readable: a 422 shown on the refused branch in the editor, a refused token as a banner with
«Войти заново…» against the real reference server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sync_ui_helpers import edit_in_editor, screenshot, state_of, wait_synced, wait_until

UNKNOWN_MEDIA = "ab" * 32  # a media id this computer knows (local index) but the server has never seen


def test_server_refusal_is_shown_on_the_branch_in_the_editor(qtbot, windows, company):
    window = windows.open(company)
    wait_synced(window)
    number = company.numbers[0]
    window.context.store.add_media(UNKNOWN_MEDIA, 2.5)  # local validation knows it; nothing to upload
    editor = edit_in_editor(qtbot, window, number, {"/scenarios/working/prompt": {"audio": UNKNOWN_MEDIA}})
    assert state_of(window, number) == "changed"  # saved locally: it passed local validation
    window.act_sync.trigger()
    report = wait_synced(window, 2)
    assert number in report.errors and state_of(window, number) == "error"
    sync_ui = window.sync_ui
    wait_until(lambda: sync_ui.delegate.states == {number: "error"})
    assert sync_ui.banners.refused.isVisible()
    view = editor._server_problems
    wait_until(lambda: view.banner.isVisible())
    assert "Рабочее время" in view.banner.text()
    assert f"Аудиофайл {UNKNOWN_MEDIA} не найден в медиатеке" in view.banner.text()  # the catalogue's words
    pointers = [editor.scenarios.problems.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.scenarios.problems.count())]
    assert "/scenarios/working/prompt/audio" in pointers
    assert editor.scenarios.current_pointer() == "/scenarios/working"  # the refused action is selected
    editor.scenarios.validator.run()  # local validation re-runs: the server's marks stay
    assert editor.scenarios.problems.count() == len(pointers)
    screenshot(window, "server_refusal_in_editor")
    edit_in_editor(qtbot, window, number, {"/scenarios/working/prompt": {"tts": "Добрый день!", "voice": "ru"}})
    assert not view.banner.isVisible()
    window.act_sync.trigger()
    report = wait_synced(window, 3)
    assert number in report.pushed
    assert company.document(number)["scenarios"]["working"]["prompt"]["tts"] == "Добрый день!"
    wait_until(lambda: not sync_ui.banners.refused.isVisible() and sync_ui.delegate.states == {})


def test_refused_token_banner_and_log_in_again(windows, company):
    window = windows.open(company, token="pbx_not-a-valid-token")
    report = wait_synced(window)
    assert report.auth_error
    banners = window.sync_ui.banners
    wait_until(lambda: banners.auth.isVisible())
    wait_until(lambda: window.status.state() == "offline")
    assert "войдите заново" in window.status.message.text()
    screenshot(window, "auth_banner")
    banners.login.click()
    dialog = window.sync_ui.dialog
    dialog.token.setText("pbx_still-wrong")
    dialog.ok.click()
    wait_until(lambda: "не принял этот ключ" in dialog.message.text())
    assert dialog.isVisible()
    dialog.token.setText(company.token)
    screenshot(dialog, "login_dialog")
    dialog.ok.click()
    wait_until(lambda: not dialog.isVisible())
    assert window.context.token == company.token
    report = wait_synced(window, 2)
    assert sorted(report.pulled) == sorted(company.numbers)
    assert not banners.auth.isVisible() and window.status.state() == "online"
