"""A directory import on the server that removes a department member who is also forwarded to directly:
after the next sync the app marks exactly that number in the numbers list (a mark with a tooltip), and
opening it shows its editor at the problem (the forward selected in the scenario tree, the problem listed
under it)."""

from __future__ import annotations

import json
from pathlib import Path

import requests
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip
from sync_helpers import DATA
from sync_ui_helpers import Company, wait_synced, wait_until

from pbxdesk.scenario_editor.tree_model import POINTER_ROLE
from pbxdesk.sync_ui.list_marks import NUMBER_ROLE


def _forward_to_boris(company: Company, number: str) -> None:
    url = f"{company.server.url}/api/v1/numbers/{number}"
    headers = {"Authorization": f"Bearer {company.token}"}
    doc = requests.get(url, headers=headers, timeout=10).json()
    doc["scenarios"]["working"]["next"] = {"type": "forward_employee", "employee": "e-102", "timeout_s": 20,
                                           "announcement": None, "next": None}
    put = requests.put(url, headers={**headers, "If-Match": '"r1"', "Content-Type": "application/json"},
                       data=json.dumps(doc, ensure_ascii=False).encode(), timeout=10)
    assert put.status_code == 200, put.text


def _sync(window) -> None:  # type: ignore[no-untyped-def]
    wait_until(lambda: not window.sync.is_running())
    before = len(window.synced)
    window.act_sync.trigger()
    wait_synced(window, before + 1)


def test_a_number_an_import_broke_is_marked_and_opens_at_the_problem(qtbot, windows, company, tmp_path: Path) -> None:
    broken = company.numbers[1]
    _forward_to_boris(company, broken)
    window = windows.open(company)
    wait_synced(window)
    delegate = window.sync_ui.delegate
    assert all(delegate.mark_of(n) is None for n in company.numbers)

    directory = json.loads((DATA / "directory.json").read_text(encoding="utf-8"))
    directory["employees"] = [e for e in directory["employees"] if e["id"] != "e-102"]  # Борис leaves
    directory["departments"][0]["members"].remove("e-102")
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(directory, ensure_ascii=False), encoding="utf-8")
    report = company.server.admin("import-directory", "--company", company.name, str(path))
    assert f"{broken} " in report and "employee.unknown" in report

    _sync(window)
    wait_until(lambda: delegate.mark_of(broken) == "directory")
    assert [n for n in company.numbers if delegate.mark_of(n) is not None] == [broken]

    window.show_numbers_list(True)
    table = window.table
    model = table.model()
    index = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data(NUMBER_ROLE) == broken)
    center = table.visualRect(index).center()
    qtbot.mouseMove(table.viewport(), center)
    QCoreApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, center,
                                                            table.viewport().mapToGlobal(center)))
    wait_until(QToolTip.isVisible)
    assert QToolTip.text().startswith("В маршрутизации номера проблем при проверке по текущему справочнику компании: 1 "), \
        QToolTip.text()

    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)  # open it, as the user does
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    wait_until(lambda: broken in window.editors)
    editor = window.editors[broken]
    tree = editor.scenarios.tree
    wait_until(lambda: tree.currentIndex().isValid())
    assert tree.currentIndex().data(POINTER_ROLE) == "/scenarios/working/next"
    assert editor.views.currentIndex() == 0
    problems = editor.scenarios.problems
    assert problems.isVisible()
    assert any("Неизвестный сотрудник «e-102»" in problems.item(i).text() for i in range(problems.count()))
