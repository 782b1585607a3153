"""Numbers not yet live on every Asterisk node, shown where people look: three real node agents (one whose
Asterisk goes down) behind the real reference server; a change saved in the editor and synced is marked in
the numbers list and on top of its editor («Сохранено, работает на узлах Asterisk: 2 из 3», «узел ast-2: …
the reload failed …»), and the marks go once the node deploys it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip
from sync_ui_helpers import Company, Server, edit_in_editor, screenshot, wait_synced, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fleet"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from fleet_helpers import AgentProcess, Reload

from pbxdesk.sync_ui.list_marks import NUMBER_ROLE


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """This module's own server: the nodes below count for every number of it."""
    proc = Server(tmp_path_factory.mktemp("deploy-marks-server")).start()
    yield proc
    proc.stop()


def _sync(window) -> None:  # type: ignore[no-untyped-def]
    """Sync now, as «Синхронизировать» does, and wait for that run (not one already going)."""
    wait_until(lambda: not window.sync.is_running())
    before = len(window.synced)
    window.act_sync.trigger()
    wait_synced(window, before + 1)


def _status(company: Company, number: str) -> dict:
    return requests.get(f"{company.server.url}/api/v1/numbers/{number}/deploy",
                        headers={"Authorization": f"Bearer {company.token}"}, timeout=10).json()


def test_numbers_not_live_everywhere_are_marked_in_the_list_and_the_editor(qtbot, windows, company, server,
                                                                          tmp_path) -> None:
    agents = []
    down = Reload(tmp_path / "ast-2")
    down.folder.mkdir()
    try:
        for name in ("ast-1", "ast-2", "ast-3"):
            token = server.admin("create-node", name).strip().splitlines()[-1]
            agents.append(AgentProcess(server.url, token, tmp_path / name / "deploy",
                                       reload=down if name == "ast-2" else None).start())
        number, other = company.numbers[0], company.numbers[1]
        wait_until(lambda: all(_status(company, n)["status"] == "ok" for n in company.numbers), 30)
        window = windows.open(company)
        wait_synced(window)
        delegate = window.sync_ui.delegate
        assert delegate.mark_of(number) is None and delegate.deploy == {}  # live everywhere: no mark

        down.fail_flag.touch()  # ast-2's Asterisk goes down
        editor = edit_in_editor(qtbot, window, number, {"/name": "Приёмная"})
        _sync(window)
        assert any(report is not None and number in report.pushed for report, _error in window.synced)
        wait_until(lambda: delegate.mark_of(number) in ("deploy_pending", "deploy_failed"))
        wait_until(lambda: _status(company, number)["status"] == "failed", 30)
        _sync(window)  # the next sync reads where it is live
        wait_until(lambda: delegate.mark_of(number) == "deploy_failed")
        assert delegate.mark_of(other) is None
        state = delegate.deploy[number]
        assert (state.live_on, state.nodes_total) == (2, 3)

        banner = editor._deploy_banner.label
        wait_until(banner.isVisible)
        text = banner.text()
        assert text.startswith("Сохранено, работает на узлах Asterisk: 2 из 3 · ревизия 2"), text
        assert "узел ast-2: revision 2 written, but the reload failed (exit 1: Unable to connect to remote " \
               "asterisk" in text
        window.show_numbers_list(True)  # (it steps aside while a number is open on a narrow window)
        window.resize(1600, 860)
        table = window.table
        model = table.model()
        index = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(NUMBER_ROLE) == number)
        center = table.visualRect(index).center()
        qtbot.mouseMove(table.viewport(), center)  # hovering the number shows which node lacks it and why
        event = QHelpEvent(QEvent.Type.ToolTip, center, table.viewport().mapToGlobal(center))
        QCoreApplication.sendEvent(table.viewport(), event)
        wait_until(QToolTip.isVisible)
        assert QToolTip.text().splitlines()[0] == "Сохранено, работает на узлах Asterisk: 2 из 3"
        assert QToolTip.text().splitlines()[1].startswith("узел ast-2: revision 2 written, but the reload failed")
        screenshot(window, "deploy_marks")

        down.fail_flag.unlink()  # Asterisk is back: the agent's retry deploys it, and the app sees it by itself
        syncs = len(window.synced)
        wait_until(lambda: delegate.mark_of(number) is None and not banner.isVisible(), 30)
        assert _status(company, number)["status"] == "ok" and len(window.synced) == syncs
    finally:
        for agent in agents:
            agent.stop()
