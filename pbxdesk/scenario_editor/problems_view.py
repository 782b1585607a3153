"""Validation as you type: debounced, off the edit path; marks on tree rows and a list under the tree.

Problems come from ``pbxdesk.domain.validation.validate_document``; their pointers are mapped to rows
(a problem inside an action marks the action; an empty branch marks its branch row).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from pbxdesk.domain.problems import Problem
from pbxdesk.domain.validation import validate_document
from pbxdesk.scenario_editor import icons, labels
from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel

DEBOUNCE_MS = 300


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
        self.tree_model = model
        self.setObjectName("problemsList")
        self.setAccessibleName(QCoreApplication.translate("ProblemsList", "Problems"))
        self.setMaximumHeight(110)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        lang = labels.ui_language()
        for problem in problems:
            where = self.tree_model.branch_path(problem.pointer)
            item = QListWidgetItem(icons.problem_icon(problem.severity), f"{where}: {problem.message(lang)}")
            item.setData(Qt.ItemDataRole.UserRole, problem.pointer)
            item.setToolTip(f"{problem.code} {problem.pointer}")
            self.addItem(item)
        self.setVisible(bool(problems))

    def _clicked(self, item: QListWidgetItem) -> None:
        self.pointerActivated.emit(str(item.data(Qt.ItemDataRole.UserRole)))
