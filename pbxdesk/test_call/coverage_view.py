"""``CoverageView``: the week at a glance (7 x 24 hours: interval colour, first action) and its warnings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.coverage import CoverageWarning, HourCell, coverage_warnings, week_coverage
from pbxdesk.domain.models import WEEKDAYS
from pbxdesk.scenario_editor import icons, labels
from pbxdesk.schedule_grid.names import day_short
from pbxdesk.widgets.palette import interval_color
from pbxdesk.widgets.session import AREA_NAME, DocumentSession

translate = QCoreApplication.translate

REFRESH_MS = 250
ROW_H = 24
GAP_COLOR = QColor("#c62828")


def action_abbreviations() -> dict[str | None, str]:
    """Two or three letters per first action, shown in the cells (the legend spells them out)."""
    return {
        "message": translate("CoverageView", "Ms"),
        "menu": translate("CoverageView", "Mn"),
        "forward_external": translate("CoverageView", "Ex"),
        "forward_employee": translate("CoverageView", "Em"),
        "forward_department": translate("CoverageView", "Dp"),
        "voicemail": translate("CoverageView", "VM"),
        "fax": translate("CoverageView", "Fx"),
        None: "—",
    }


class CoverageView(QWidget):
    """``CoverageView(session, parent=None)``; ``pointerActivated(ptr)`` when a warning is double-clicked."""

    pointerActivated = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageView")
        self.session = session
        self.cells: list[list[HourCell]] = []
        self.warnings: list[CoverageWarning] = []
        self.table = QTableWidget(7, 24, self)
        self.table.setObjectName("coverageTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(14)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_H)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.table.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        self.table.setHorizontalHeaderLabels([f"{h:02d}" for h in range(24)])
        self.table.setFixedHeight(ROW_H * 7 + self.table.horizontalHeader().sizeHint().height()
                                  + 2 * self.table.frameWidth() + 2)
        self.legend = QLabel(self)
        self.legend.setObjectName("coverageLegend")
        self.legend.setWordWrap(True)
        self.warnings_title = QLabel(self)
        self.warnings_list = QListWidget(self)
        self.warnings_list.setObjectName("coverageWarnings")
        self.warnings_list.setWordWrap(True)
        self.warnings_list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.legend)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings_list, 1)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Week coverage: interval and first action of each hour"))
        self.warnings_list.setAccessibleName(self.tr("Coverage warnings"))
        self.warnings_title.setText(self.tr("What to check:"))
        names = action_abbreviations()
        kinds = labels.kind_names()
        parts = [f"{names[k]} — {kinds[k]}" for k in kinds]
        self.legend.setText(", ".join(parts) + ". " + self.tr("“!”: a call in that hour can end with no one "
                                                             "rung."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, area: str, _ptr: str) -> None:
        if area != AREA_NAME:
            self._timer.start()

    def refresh(self) -> None:
        doc, directory = self.session.document, self.session.directory
        self.cells = week_coverage(doc, directory)
        self.warnings = coverage_warnings(doc, directory)
        names = action_abbreviations()
        self.table.setVerticalHeaderLabels([day_short(d) for d in WEEKDAYS])
        for row, cells in enumerate(self.cells):
            for cell in cells:
                item = QTableWidgetItem(names.get(cell.first_action, "?"))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                color = interval_color(cell.interval)
                item.setBackground(QBrush(color))
                item.setForeground(QBrush(QColor("#ffffff" if color.lightness() < 150 else "#263238")))
                shown = " / ".join(labels.interval_label(doc, i) for i in cell.intervals)
                action = labels.kind_names().get(cell.first_action or "", self.tr("no scenario"))
                tip = f"{day_short(cell.day)} {cell.hour:02d}:00–{cell.hour + 1:02d}:00 — {shown}: {action}"
                if cell.gap:
                    tip += "\n" + self.tr("A call can end here with no one rung.")
                    item.setData(Qt.ItemDataRole.FontRole, _bold(self.table.font()))
                    item.setText("!" + item.text())
                    item.setForeground(QBrush(GAP_COLOR if color.lightness() >= 150 else QColor("#ffebee")))
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.UserRole, cell.interval)
                self.table.setItem(row, cell.hour, item)
        self.warnings_list.clear()
        for warning in self.warnings:
            item = QListWidgetItem(warning.message(labels.ui_language()), self.warnings_list)
            item.setData(Qt.ItemDataRole.UserRole, warning.pointer)
            item.setData(Qt.ItemDataRole.UserRole + 1, warning.code)
            if warning.severity == "warning":
                item.setIcon(icons.problem_icon("warning"))
        if not self.warnings:
            QListWidgetItem(self.tr("Nothing to check."), self.warnings_list)

    def warning_codes(self) -> list[str]:
        return [w.code for w in self.warnings]

    def _activated(self, item: QListWidgetItem) -> None:
        ptr = item.data(Qt.ItemDataRole.UserRole)
        if ptr:
            self.pointerActivated.emit(str(ptr))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
