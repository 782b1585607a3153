"""«Conflicts»: numbers changed both here and on the server, unit by unit, mine and theirs side by side.

For each conflicting unit (a day's hours, an interval's scenario, the name…) the admin keeps «mine» or takes
«theirs»; «Apply» resolves the number with :func:`pbxdesk.sync.conflicts.resolve_number` (queued for the next
sync). «Edit in the editor…» is for a mix of both: the number opens in its editor with the merge so far
(the choices made, undecided parts as on this computer) as an unsaved change; saving it there resolves the
conflict with the edited document (:func:`pbxdesk.sync.conflicts.resolve_with_document`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.desktop.store_worker import StoreWorker
from pbxdesk.domain.merge import DOCUMENT_UNIT, resolve
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import format_number
from pbxdesk.store import Store
from pbxdesk.sync.conflicts import NumberConflict, ResolveError, list_conflicts, resolve_number
from pbxdesk.sync_ui.words import lang, unit_title, value_lines

SIDE_STYLE = {"mine": "background:#e3f2fd; padding:6px;", "theirs": "background:#fff3e0; padding:6px;"}


def load_conflicts(store: Store) -> tuple[list[NumberConflict], Any]:
    return list_conflicts(store), store.get_directory()


class ConflictsDialog(QDialog):
    editRequested = Signal(str, object)  # number, the merged-so-far RoutingDocument
    resolved = Signal(str)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.worker = worker
        self.conflicts: list[NumberConflict] = []
        self.directory: Any = None
        self.choices: dict[str, dict[str, str]] = {}
        self.radios: dict[tuple[str, str], QRadioButton] = {}
        self.setWindowTitle(self.tr("Conflicts"))
        self.summary = QLabel(self)
        self.summary.setObjectName("conflictsSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conflictsList")
        self.list.setAccessibleName(self.tr("Numbers in conflict"))
        self.list.currentRowChanged.connect(self._show)
        self.units = QWidget()
        self.units_layout = QVBoxLayout(self.units)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.units)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setSizes([240, 760])
        self.all_mine = self._button("keepAllMineButton", self.tr("Keep all mine"), lambda: self.choose_all("mine"))
        self.all_theirs = self._button("takeAllTheirsButton", self.tr("Take all from the server"),
                                       lambda: self.choose_all("theirs"))
        self.edit = self._button("editConflictButton", self.tr("Edit in the editor…"), self.edit_current)
        self.edit.setToolTip(self.tr("Open the number with the choices made so far (undecided parts as on this "
                                     "computer); saving it there resolves the conflict"))
        self.apply = self._button("applyResolutionButton", self.tr("Apply"), self.apply_current)
        close = self._button("closeConflictsButton", self.tr("Close"), self.accept)
        self.message = QLabel(self)
        self.message.setObjectName("conflictsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QHBoxLayout()
        for button in (self.all_mine, self.all_theirs, self.edit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(splitter, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.resize(1100, 680)
        self.reload()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- data ------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.worker.submit(load_conflicts, lambda result, error: self._loaded(result, error, select))

    def _loaded(self, result: Any, error: BaseException | None, select: str | None) -> None:
        if error is not None:
            self.message.setText(str(error))
            return
        current = select or self.current_number()
        self.conflicts, self.directory = result
        for conflict in self.conflicts:
            saved = {u: c for u, c in conflict.chosen.items() if c in ("mine", "theirs")}
            self.choices[conflict.number] = {**saved, **self.choices.get(conflict.number, {})}
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(f"{format_number(conflict.number)}  {conflict.name}")
            item.setData(Qt.ItemDataRole.UserRole, conflict.number)
            self.list.addItem(item)
        self.list.blockSignals(False)
        numbers = [c.number for c in self.conflicts]
        row = numbers.index(current) if current in numbers else (0 if numbers else -1)
        self.list.setCurrentRow(row)
        self._show(row)

    def current_number(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current(self) -> NumberConflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    # -- the units of one number ---------------------------------------------------------------------------
    def _show(self, _row: int = -1) -> None:
        while self.units_layout.count():
            child = self.units_layout.takeAt(0).widget()
            if child is not None:
                child.hide()
                child.setParent(None)  # out of the dialog now (findChildren, focus), deleted later
                child.deleteLater()
        self.radios.clear()
        self.message.clear()
        conflict = self.current()
        for button in (self.all_mine, self.all_theirs, self.edit, self.apply):
            button.setEnabled(conflict is not None)
        if conflict is not None:
            for unit in conflict.units:
                self.units_layout.addWidget(self._unit_box(conflict, unit.unit))
        self.units_layout.addStretch(1)
        self._update_summary()

    def _unit_box(self, conflict: NumberConflict, unit: str) -> QGroupBox:
        box = QGroupBox(unit_title(unit, conflict.mine), self.units)
        box.setObjectName(f"unit:{unit}")
        grid = QGridLayout(box)
        group = QButtonGroup(box)
        chosen = self.choices.get(conflict.number, {}).get(unit)
        sides: list[tuple[str, str, RoutingDocument]] = [
            ("mine", self.tr("Keep mine (this computer)"), conflict.mine),
            ("theirs", self.tr("Take theirs (the server, revision %1)").replace(
                "%1", str(conflict.theirs_revision)), conflict.theirs)]
        for col, (side, text, doc) in enumerate(sides):
            radio = QRadioButton(text, box)
            radio.setObjectName(f"{side}:{unit}")
            radio.setAccessibleName(f"{text}: {box.title()}")
            radio.setChecked(chosen == side)
            radio.toggled.connect(lambda on, s=side, u=unit: on and self.choose(u, s))
            group.addButton(radio)
            self.radios[(unit, side)] = radio
            label = QLabel("\n".join(value_lines(unit, doc, self.directory)), box)
            label.setObjectName(f"{side}Text:{unit}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setStyleSheet(SIDE_STYLE[side])
            grid.addWidget(radio, 0, col)
            grid.addWidget(label, 1, col)
            grid.setColumnStretch(col, 1)
        return box

    def choose(self, unit: str, side: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        self.choices.setdefault(conflict.number, {})[unit] = side
        radio = self.radios.get((unit, side))
        if radio is not None and not radio.isChecked():
            radio.setChecked(True)
        self._update_summary()

    def choose_all(self, side: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        for unit in conflict.units:
            self.choose(unit.unit, side)

    def _update_summary(self) -> None:
        if not self.conflicts:
            self.summary.setText(self.tr("No conflicts: every number agrees with the server."))
            return
        text = self.tr("%n number(s) were changed both on this computer and on the server.", "",
                       len(self.conflicts))
        conflict = self.current()
        if conflict is not None:
            decided = sum(1 for u in conflict.units if u.unit in self.choices.get(conflict.number, {}))
            text += " " + self.tr("%1: %2 of %3 conflicting part(s) decided; everything else was merged "
                                  "automatically.").replace("%1", format_number(conflict.number)) \
                .replace("%2", str(decided)).replace("%3", str(len(conflict.units)))
        self.summary.setText(text)

    # -- applying --------------------------------------------------------------------------------------
    def merged_so_far(self, conflict: NumberConflict) -> RoutingDocument:
        choices: dict[str, Any] = dict(self.choices.get(conflict.number, {}))
        whole = choices.get(DOCUMENT_UNIT)
        if any(u.unit == DOCUMENT_UNIT for u in conflict.units):
            return resolve(conflict.base, conflict.mine, conflict.theirs, {DOCUMENT_UNIT: whole or "mine"})
        return resolve(conflict.base, conflict.mine, conflict.theirs, choices)

    def edit_current(self) -> None:
        conflict = self.current()
        if conflict is not None:
            self.editRequested.emit(conflict.number, self.merged_so_far(conflict))

    def apply_current(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        number, choices = conflict.number, dict(self.choices.get(conflict.number, {}))
        missing = [u.unit for u in conflict.units if u.unit not in choices]
        if missing:
            self.message.setText(self.tr("Choose mine or theirs for every part first (%1 left), or edit the "
                                         "number in the editor.").replace("%1", str(len(missing))))
            return

        def job(store: Store) -> Any:
            return resolve_number(store, number, choices)

        self.apply.setEnabled(False)
        self.worker.submit(job, lambda result, error: self._applied(number, result, error))

    def _applied(self, number: str, result: Any, error: BaseException | None) -> None:
        self.apply.setEnabled(True)
        if isinstance(error, ResolveError):
            lines = [error.args[0]] + [p.message(lang()) for p in error.problems[:5]]
            self.message.setText("\n".join(lines))
            return
        if error is not None:
            self.message.setText(str(error))
            return
        self.choices.pop(number, None)
        self.resolved.emit(number)
        self.reload()
