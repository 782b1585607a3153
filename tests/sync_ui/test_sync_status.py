"""The sync in the status bar against the real reference server: progress to 100 %, cancel mid-way, and
the online indicator following the server going away and coming back."""

from __future__ import annotations

from sync_ui_helpers import add_numbers, rename, screenshot, wait_synced, wait_until


def test_first_sync_fills_the_list_and_the_progress_bar_reaches_100(windows, company):
    window = windows.open(company)
    seen: list[tuple[int, int]] = []
    window.sync.progress.connect(lambda done, total, _item: seen.append((done, total)))
    report = wait_synced(window)
    assert sorted(report.pulled) == sorted(company.numbers)
    bar = window.status.progress
    assert bar.isVisible() and bar.value() == bar.maximum() > 0
    assert seen and seen[-1][0] == seen[-1][1]  # the last tick says everything is done
    wait_until(lambda: not bar.isVisible(), 10)  # and then out of the way, not at 100 % for ever
    wait_until(lambda: window.model.rowCount() == len(company.numbers))
    assert window.status.state() == "online"
    assert window.status.online.text().endswith("в сети")


def test_cancel_mid_way_stops_the_sync_and_the_next_one_completes(windows, server, company):
    add_numbers(server, company, 80)  # enough to press «Отмена» in the middle
    window = windows.open(company)
    cancelled: list[bool] = []

    def on_progress(done: int, total: int, _item: str) -> None:
        if done >= 10 and not cancelled and window.status.cancel.isVisible():
            cancelled.append(True)
            window.status.cancel.click()  # the user presses «Отмена» in the status bar

    window.sync.progress.connect(on_progress)
    report = wait_synced(window, 1, timeout=60)
    assert cancelled and report.cancelled
    assert 10 <= len(report.pulled) < len(company.numbers)
    assert "отменена" in window.status.message.text()
    assert not window.status.progress.isVisible()
    window.sync.progress.disconnect(on_progress)
    window.act_sync.trigger()
    second = wait_synced(window, 2, timeout=60)
    assert not second.cancelled and len(report.pulled) + len(second.pulled) == len(company.numbers)
    assert window.status.progress.value() == window.status.progress.maximum()
    wait_until(lambda: window.model.rowCount() == len(company.numbers))


def test_offline_indicator_follows_the_server_and_edits_are_sent_when_it_is_back(qtbot, windows, server, company):
    window = windows.open(company)
    wait_synced(window)
    number = company.numbers[0]
    server.stop()
    try:
        wait_until(lambda: window.status.state() == "offline", 15)
        assert window.sync_ui.banners.network.isVisible()
        before = len(window.synced)
        window.act_sync.trigger()  # a sync while offline: it tells so, with no progress bar left behind
        wait_until(lambda: len(window.synced) > before and not window.sync.is_running(), 30)
        assert not window.status.progress.isVisible()
        assert window.status.message.text().startswith("Нет связи: изменения сохранены")
        screenshot(window, "offline_banner")
        window.open_number(number)
        wait_until(lambda: number in window.editors)
        editor = window.editors[number]
        rename(qtbot, editor, "Hotline (offline edit)")
        editor.scenarios.save_button.click()
        window.worker.wait_idle()
        wait_until(lambda: window.model.rowCount() and any(
            r.number == number and r.sync_state == "changed" for r in window.model._rows))
        assert window.context.store.get_saved(number).name == "Hotline (offline edit)"
    finally:
        server.start()
    finished = len(window.synced)
    wait_until(lambda: window.status.state() == "online", 15)
    wait_until(lambda: len(window.synced) > finished and not window.sync.is_running(), 30)
    report, _error = window.synced[-1]
    assert number in report.pushed
    assert company.document(number)["name"] == "Hotline (offline edit)"
    assert not window.sync_ui.banners.network.isVisible()
