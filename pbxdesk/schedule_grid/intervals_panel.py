"""The intervals panel: pick the brush, add (up to 3), rename and delete extra intervals (R3)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.describe import node_summary
from pbxdesk.domain.models import EXTRA_INTERVALS
from pbxdesk.schedule_grid import commands
from pbxdesk.schedule_grid.dialogs import Confirm, Inform, message_box_confirm, message_box_inform
from pbxdesk.schedule_grid.names import fixed_interval_name, interval_label, ui_lang
from pbxdesk.widgets.palette import interval_color
from pbxdesk.widgets.session import AREA_ALL, AREA_SCHEDULE, DocumentSession


def swatch(color: QColor, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(color)
    return QIcon(pix)


class _Row(QWidget):
    def __init__(self, interval_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.interval_id = interval_id
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.radio = QRadioButton(self)
        self.radio.setIcon(swatch(interval_color(interval_id)))
        self.radio.setIconSize(QSize(14, 14))
        lay.addWidget(self.radio)
        self.name: QLineEdit | None = None
        self.trash: QToolButton | None = None
        fixed = fixed_interval_name(interval_id)
        if fixed is not None:
            self.radio.setText(fixed)
            self.radio.setAccessibleName(fixed)
            lay.addStretch(1)
        else:
            self.name = QLineEdit(self)
            self.name.setMaxLength(60)
            self.name.setObjectName(f"intervalName_{interval_id}")
            lay.addWidget(self.name, 1)
            self.trash = QToolButton(self)
            self.trash.setObjectName(f"deleteInterval_{interval_id}")
            self.trash.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
            lay.addWidget(self.trash)


PANEL_MAX_WIDTH = 280  # an interval's name field stays readable; the rest of the width is the grid's


class IntervalsPanel(QWidget):
    """One row per declared interval; the checked row is the grid's brush."""

    brushSelected = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intervalsPanel")
        self._session = session
        self.confirm: Confirm = message_box_confirm(self)
        self.inform: Inform = message_box_inform(self)
        self._brush = "working"
        self._rows: dict[str, _Row] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.setMaximumWidth(PANEL_MAX_WIDTH)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._title = QLabel(self)
        self._title.setWordWrap(True)  # the grid beside the panel gets the width, not the panel's title
        self._layout.addWidget(self._title)
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addInterval")
        self.add_button.setText("+")
        self.add_button.clicked.connect(self.add_interval)
        plus_row = QHBoxLayout()
        plus_row.addWidget(self.add_button)
        plus_row.addStretch(1)
        self._layout.addLayout(plus_row)
        self._layout.addStretch(1)
        session.changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Labels in the current language; the rows are rebuilt for the translated fixed names."""
        self._title.setText(self.tr("Time intervals (the selected one is the brush):"))
        self.add_button.setAccessibleName(self.tr("Add an extra interval"))
        for row in self._rows.values():
            fixed = fixed_interval_name(row.interval_id)
            if fixed is not None:
                row.radio.setText(fixed)
                row.radio.setAccessibleName(fixed)
            elif row.name is not None:
                row.name.setAccessibleName(self.tr("Name of the interval"))
                row.radio.setAccessibleName(self.tr("Paint with this extra interval"))
        self._rebuild()

    # --- state ------------------------------------------------------------------------------------
    def brush(self) -> str:
        return self._brush

    def select_brush(self, interval_id: str) -> None:
        row = self._rows.get(interval_id)
        if row is not None:
            row.radio.setChecked(True)
        self._set_brush(interval_id)

    def _radio_toggled(self, on: bool, interval_id: str) -> None:
        if on:
            self._set_brush(interval_id)

    def _set_brush(self, interval_id: str) -> None:
        if interval_id != self._brush:
            self._brush = interval_id
            self.brushSelected.emit(interval_id)

    def row_ids(self) -> list[str]:
        return list(self._rows)

    def name_edit(self, interval_id: str) -> QLineEdit | None:
        row = self._rows.get(interval_id)
        return row.name if row else None

    def delete_button(self, interval_id: str) -> QToolButton | None:
        row = self._rows.get(interval_id)
        return row.trash if row else None

    # --- rebuilding -------------------------------------------------------------------------------
    def _on_changed(self, area: str, _pointer: str) -> None:
        if area in (AREA_SCHEDULE, AREA_ALL):
            self._rebuild()

    def _rebuild(self) -> None:
        doc = self._session.document
        ids = [iv.id for iv in doc.schedule.intervals]
        if ids != list(self._rows):
            for row in self._rows.values():
                self._group.removeButton(row.radio)
                row.hide()
                row.deleteLater()
            self._rows = {}
            for interval_id in ids:
                row = _Row(interval_id, self)
                self._rows[interval_id] = row
                self._group.addButton(row.radio)
                self._rows_box.addWidget(row)
                row.radio.toggled.connect(lambda on, i=interval_id: self._radio_toggled(on, i))
                if row.name is not None:
                    row.name.editingFinished.connect(lambda i=interval_id: self._rename(i))
                    row.name.setAccessibleName(self.tr("Name of the interval"))
                    row.radio.setAccessibleName(self.tr("Paint with this extra interval"))
                if row.trash is not None:
                    row.trash.clicked.connect(lambda _=False, i=interval_id: self.delete_interval(i))
        for interval_id, row in self._rows.items():
            label = interval_label(doc, interval_id)
            if row.name is not None and not row.name.isModified():
                row.name.setText(label)
            if row.trash is not None:
                row.trash.setToolTip(self.tr("Delete the interval “%1”").replace("%1", label))
                row.trash.setAccessibleName(row.trash.toolTip())
            row.radio.setToolTip(self.tr("Paint “%1” on the grid").replace("%1", label))
        if self._brush not in self._rows:
            self._brush = ""
            self.select_brush("working" if "working" in self._rows else next(iter(self._rows), ""))
        else:
            self._rows[self._brush].radio.setChecked(True)
        full = commands.extra_count(self._session) >= len(EXTRA_INTERVALS)
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(
            self.tr("At most 3 extra intervals: delete one to add another") if full
            else self.tr("Add an extra interval"))

    # --- actions ----------------------------------------------------------------------------------
    def add_interval(self) -> str | None:
        new_id = commands.push_add_interval(self._session)
        if new_id is not None:
            self.select_brush(new_id)
            edit = self.name_edit(new_id)
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
        return new_id

    def _rename(self, interval_id: str) -> None:
        edit = self.name_edit(interval_id)
        if edit is None:
            return
        text = edit.text().strip()
        edit.setModified(False)
        current = interval_label(self._session.document, interval_id)
        if text == current:
            return
        problem = commands.name_problem(self._session, interval_id, text)
        if problem is not None:
            edit.setText(current)
            self.inform(self.tr("Interval name"), problem)
            return
        commands.push_rename_interval(self._session, interval_id, text)

    def delete_interval(self, interval_id: str) -> bool:
        """Ask, then delete the interval with its ranges and scenario as one command."""
        doc = self._session.document
        label = interval_label(doc, interval_id)
        weekly, exc, has_scenario = commands.deletion_counts(self._session, interval_id)
        text = self.tr("Delete the interval “%1”?").replace("%1", label) + "\n"
        text += self.tr("%n weekly range(s) of it will be deleted.", "", weekly) + "\n"
        if exc:
            text += self.tr("%n range(s) on exception dates will be deleted.", "", exc) + "\n"
        node = doc.scenarios.get(interval_id)
        if has_scenario and node is not None:
            summary = node_summary(node, self._session.directory, ui_lang(), self._session.media_names)
            text += self.tr("Its call scenario will be deleted: %1").replace("%1", summary)
        else:
            text += self.tr("It has no call scenario.")
        if not self.confirm(self.tr("Delete interval"), text):
            return False
        commands.push_delete_interval(self._session, interval_id)
        return True
