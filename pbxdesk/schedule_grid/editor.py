"""ScheduleEditor: mode switch, intervals panel, the grid, granularity, timezone, manual and exception editors."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.schedule_grid import commands
from pbxdesk.schedule_grid.dialogs import Confirm, Inform, message_box_confirm, message_box_inform
from pbxdesk.schedule_grid.geometry import DEFAULT_GRANULARITY, GRANULARITIES
from pbxdesk.schedule_grid.grid import ScheduleGrid
from pbxdesk.schedule_grid.intervals_panel import IntervalsPanel
from pbxdesk.schedule_grid.timezone_picker import TimezonePicker, dst_warnings
from pbxdesk.widgets.flow_layout import FlowLayout
from pbxdesk.widgets.session import AREA_ALL, AREA_SCHEDULE, DocumentSession


def _group(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that stay together on one line of the wrapping tool row."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 12, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box


class ScheduleEditor(QWidget):
    """The whole schedule of one number; every edit is a command on ``session.undo_stack``."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleEditor")
        self.session = session
        self.confirm: Confirm = message_box_confirm(self)
        self.inform: Inform = message_box_inform(self)

        self.always_radio = QRadioButton(self)
        self.weekly_radio = QRadioButton(self)
        self.always_radio.setObjectName("modeAlways")
        self.weekly_radio.setObjectName("modeWeekly")
        self._mode_group = QButtonGroup(self)
        self._mode_group.addButton(self.always_radio)
        self._mode_group.addButton(self.weekly_radio)
        self.always_radio.toggled.connect(lambda on: self._mode_toggled(on, "always"))
        self.weekly_radio.toggled.connect(lambda on: self._mode_toggled(on, "weekly"))

        self.intervals = IntervalsPanel(session, self)
        self.grid = ScheduleGrid(session, self)
        self.intervals.brushSelected.connect(self.grid.set_brush)
        self.grid.set_brush(self.intervals.brush())

        self.granularity = QComboBox(self)
        self.granularity.setObjectName("granularity")
        for minutes in GRANULARITIES:
            self.granularity.addItem("", minutes)
        self.granularity.setCurrentIndex(GRANULARITIES.index(DEFAULT_GRANULARITY))
        self.granularity.currentIndexChanged.connect(
            lambda i: self.grid.set_granularity(int(self.granularity.itemData(i))))

        self.timezone = TimezonePicker(self)
        self.timezone.timezoneChosen.connect(lambda tz: commands.push_timezone(session, tz))

        self.manual_button = QPushButton(self)
        self.manual_button.setObjectName("manualEntry")
        self.manual_button.clicked.connect(self.open_manual_editor)
        self.exceptions_button = QPushButton(self)
        self.exceptions_button.setObjectName("exceptionsButton")
        self.exceptions_button.clicked.connect(self.open_exceptions_editor)

        self.warning = QLabel(self)
        self.warning.setObjectName("dstWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c;")

        # one row of tools on a wide editor, wrapping on a narrow one (each label stays with its field)
        self.mode_label = QLabel(self)
        self.step_label = QLabel(self)
        self.step_label.setBuddy(self.granularity)
        self.tz_label = QLabel(self)
        self.tz_label.setBuddy(self.timezone)
        tools = FlowLayout()
        tools.addWidget(_group(self, self.mode_label, self.always_radio, self.weekly_radio))
        tools.addWidget(_group(self, self.step_label, self.granularity))
        tools.addWidget(_group(self, self.tz_label, self.timezone))
        tools.addWidget(_group(self, self.manual_button, self.exceptions_button))
        body = QHBoxLayout()
        body.addWidget(self.intervals)
        body.addWidget(self.grid, 1)
        main = QVBoxLayout(self)
        main.addLayout(tools)
        main.addLayout(body, 1)
        main.addWidget(self.warning)
        session.changed.connect(self._on_changed)
        self._retranslate()
        self._refresh()

    def _mode_toggled(self, on: bool, mode: str) -> None:
        if on:
            commands.push_mode(self.session, mode)

    def _retranslate(self) -> None:
        self.always_radio.setText(self.tr("Around the clock"))
        self.weekly_radio.setText(self.tr("By schedule"))
        self.granularity.setAccessibleName(self.tr("Drag step"))
        for index, minutes in enumerate(GRANULARITIES):
            self.granularity.setItemText(index, self.tr("%1 min").replace("%1", str(minutes)))
        self.manual_button.setText(self.tr("Manual entry…"))
        self.exceptions_button.setText(self.tr("Exceptions…"))
        self.mode_label.setText(self.tr("Schedule of the number:"))
        self.step_label.setText(self.tr("Step:"))
        self.tz_label.setText(self.tr("Timezone:"))

    def changeEvent(self, event: QEvent) -> None:
        """Relabel when the application language is switched (the app swaps the translators)."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.intervals.retranslate()
            self.grid.retranslate()
            self._refresh()
        super().changeEvent(event)

    def _on_changed(self, area: str, _pointer: str) -> None:
        if area in (AREA_SCHEDULE, AREA_ALL):
            self._refresh()

    def _refresh(self) -> None:
        doc = self.session.document
        weekly = doc.schedule.mode == "weekly"
        for radio, on in ((self.weekly_radio, weekly), (self.always_radio, not weekly)):
            radio.blockSignals(True)
            radio.setChecked(on)
            radio.blockSignals(False)
        self.intervals.setEnabled(weekly)
        self.manual_button.setEnabled(weekly)
        self.exceptions_button.setEnabled(weekly)
        self.timezone.set_timezone(doc.timezone)
        lines = dst_warnings(doc)
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def open_manual_editor(self) -> None:
        from pbxdesk.schedule_grid.manual_editor import ManualEditorDialog

        dialog = ManualEditorDialog(self.session, self)
        dialog.confirm, dialog.inform = self.confirm, self.inform
        dialog.open()

    def open_exceptions_editor(self) -> None:
        from pbxdesk.schedule_grid.exceptions_editor import ExceptionsDialog

        dialog = ExceptionsDialog(self.session, self)
        dialog.confirm, dialog.inform = self.confirm, self.inform
        dialog.open()
