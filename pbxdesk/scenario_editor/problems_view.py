"""Validation as you type: debounced, off the edit path; marks on tree rows and a list under the tree.

Problems come from ``pbxdesk.domain.validation.validate_document`` plus the empty branches the tree
itself shows with "+" where a scenario is required (R5, R7, R14), unless validation already reports
that place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from pbxdesk.domain.problems import Problem
from pbxdesk.domain.validation import validate_document
from pbxdesk.scenario_editor import icons, labels
from pbxdesk.scenario_editor.tree_items import INTERVAL
from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

DEBOUNCE_MS = 300


def _missing_branch_problem(model: ScenarioTreeModel, item_pointer: str, kind: str, key: tuple[str, ...] | str
                            ) -> Problem:
    if kind == INTERVAL:
        code = "scenario.missing"
        ru, en = "Нет сценария для интервала, который наступает", "No scenario for an interval that occurs"
    elif key[0] == "keys":
        code = "menu.key_without_scenario"
        ru, en = f"Нет сценария для кнопки {key[1]}", f"No scenario for key {key[1]}"
    else:
        code = "menu.no_input_without_scenario"
        ru, en = "Нет сценария для «Ничего не выбрано»", "No scenario for 'Nothing pressed'"
    return Problem("error", item_pointer, code, ru, en)


class Validator(QObject):
    """Runs validation ``DEBOUNCE_MS`` after the last change; ``problemsChanged`` carries the result."""

    problemsChanged = Signal(list)

    def __init__(self, model: ScenarioTreeModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.problems: list[Problem] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        model.session.changed.connect(lambda *_: self.timer.start())

    def run(self) -> list[Problem]:
        self.timer.stop()
        session = self.model.session
        found = list(validate_document(session.document, session.directory))
        reported = {p.pointer for p in found if p.is_error}
        for item in self.model.empty_required_branches():
            if item.pointer not in reported:
                found.append(_missing_branch_problem(self.model, item.pointer, item.kind, item.key))
        found.sort(key=lambda p: (not p.is_error, p.pointer))
        self.problems = found
        self.model.set_problems(found)
        self.problemsChanged.emit(found)
        return found

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class ProblemsList(QListWidget):
    """One line per problem: «branch: message»; clicking selects the branch in the tree."""

    pointerActivated = Signal(str)

    def __init__(self, model: ScenarioTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("problemsList")
        self.setAccessibleName(QCoreApplication.translate("ProblemsList", "Problems"))
        self.setMaximumHeight(130)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        lang = labels.ui_language()
        for problem in problems:
            where = self.model.branch_path(problem.pointer)
            item = QListWidgetItem(icons.problem_icon(problem.severity), f"{where}: {problem.message(lang)}")
            item.setData(Qt.ItemDataRole.UserRole, problem.pointer)
            item.setToolTip(f"{problem.code} {problem.pointer}")
            self.addItem(item)
        self.setVisible(bool(problems))

    def _clicked(self, item: QListWidgetItem) -> None:
        self.pointerActivated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
