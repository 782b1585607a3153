"""``TestCallPanel``: run a call through the current draft and watch where it goes.

It simulates ``session.document`` (valid or not) with :func:`pbxdesk.domain.simulator.simulate`, marks the
call's instant on the schedule grid, tints the path in the scenario tree as the steps play, plays the
prompts, states the outcome in words and lists each ring window. A call reaching a branch that is not built
yet stops there, and the panel names that branch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbxdesk.domain.models import WEEKDAYS
from pbxdesk.domain.schedule import exception_spans, local_instant
from pbxdesk.domain.simulator import CallResult, SimulationError, simulate
from pbxdesk.test_call import words
from pbxdesk.test_call.call_form import CallForm, CallSpec
from pbxdesk.test_call.step_player import IDLE, RUNNING, StepPlayer
from pbxdesk.test_call.tree_highlight import TreeHighlighter
from pbxdesk.widgets.flow_layout import FlowLayout
from pbxdesk.widgets.session import AREA_NAME, DocumentSession

RERUN_MS = 200


def _wrapping(view: QListWidget) -> None:
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class TestCallPanel(QWidget):
    """``TestCallPanel(session, grid=None, tree=None, player=None, tts=None, library=None, parent=None)``.

    ``grid``: a :class:`~pbxdesk.schedule_grid.ScheduleGrid` to mark the instant on; ``tree``: the scenario
    editor's tree view (``ScenarioEditor.tree``) to tint the path in. ``simulated(result)`` fires after each
    run (a :class:`CallResult`, or None when the call could not be simulated); ``pointerActivated(ptr)``
    when a step is double-clicked (the editor can select that action).
    """

    __test__ = False  # not a pytest test class, despite its name

    simulated = Signal(object)
    pointerActivated = Signal(str)

    def __init__(self, session: DocumentSession, grid: Any = None, tree: Any = None, player: Any = None,
                 tts: Any = None, library: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testCallPanel")
        self.session = session
        self.grid = grid
        self.highlighter = TreeHighlighter(tree, self) if tree is not None else None
        self.result: CallResult | None = None
        self.spec: CallSpec | None = None
        self.error = ""
        self.stepper = StepPlayer(player, tts, library, self)
        self.form = CallForm(self)
        self.form.set_directory(session.directory)
        self.call_button = QPushButton(self)
        self.call_button.setObjectName("testCallRun")
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("testCallPlay")
        self.step_button = QPushButton(self)
        self.step_button.setObjectName("testCallStep")
        self.pause_button = QPushButton(self)
        self.pause_button.setObjectName("testCallPause")
        self.sound_box = QCheckBox(self)
        self.sound_box.setObjectName("testCallSound")
        self.sound_box.setChecked(True)
        self.sound_box.toggled.connect(self._sound_toggled)
        self.interval_label = QLabel(self)
        self.interval_label.setObjectName("testCallInterval")
        self.interval_label.setWordWrap(True)
        self.outcome_label = QLabel(self)
        self.outcome_label.setObjectName("testCallOutcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.outcome_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.outcome_label.setFont(big)
        self.steps_list = QListWidget(self)
        self.steps_list.setObjectName("testCallSteps")
        _wrapping(self.steps_list)  # a long step wraps in a narrow dock instead of scrolling sideways
        self.rings_title = QLabel(self)
        self.rings_title.setWordWrap(True)  # a long title must not widen the side panel
        self.rings_list = QListWidget(self)
        self.rings_list.setObjectName("testCallRings")
        _wrapping(self.rings_list)
        self.rings_list.setMaximumHeight(110)
        self.audio_label = QLabel(self)
        self.audio_label.setObjectName("testCallAudio")
        self.audio_label.setWordWrap(True)
        self.audio_label.setStyleSheet("color: #6d4c41;")
        buttons = FlowLayout()  # one line when there is room, more in a narrow side panel
        for button in (self.call_button, self.play_button, self.step_button, self.pause_button):
            buttons.addWidget(button)
        buttons.addWidget(self.sound_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.interval_label)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.steps_list, 1)
        layout.addWidget(self.rings_title)
        layout.addWidget(self.rings_list)
        layout.addWidget(self.audio_label)
        self.call_button.clicked.connect(self.run)
        self.play_button.clicked.connect(self.play)
        self.step_button.clicked.connect(self.step)
        self.pause_button.clicked.connect(self.stepper.pause)
        self.stepper.stepChanged.connect(self._show_step)
        self.stepper.stateChanged.connect(self._update_buttons)
        self.stepper.audioProblem.connect(self.audio_label.setText)
        self.steps_list.itemDoubleClicked.connect(self._step_activated)
        self._rerun = QTimer(self, singleShot=True, interval=RERUN_MS)
        self._rerun.timeout.connect(self._rerun_if_shown)
        self.form.changed.connect(self._rerun.start)
        session.changed.connect(self._document_changed)
        session.mediaNamesChanged.connect(self._rerun.start)  # steps name greetings as they were uploaded
        self.retranslate()
        self._update_buttons()

    # -- words -----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.call_button.setText(self.tr("Call"))
        self.call_button.setToolTip(self.tr("Simulate the call on the current draft"))
        self.play_button.setText(self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.pause_button.setText(self.tr("Pause"))
        self.sound_box.setText(self.tr("Sound"))
        self.sound_box.setToolTip(self.tr("Play the prompts along the way"))
        self.steps_list.setAccessibleName(self.tr("Steps of the call"))
        self.rings_list.setAccessibleName(self.tr("Ring windows"))
        self.rings_title.setText(self.tr("Who rings, seconds from the start of each forward:"))
        if self.result is not None or self.error:
            self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Wrapped labels inside a tab page do not get their height for the width by themselves."""
        margins = self.layout().contentsMargins()
        width = max(100, self.width() - margins.left() - margins.right())
        for label in (self.interval_label, self.outcome_label, self.audio_label):
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)

    # -- running ---------------------------------------------------------------------------------------
    def run(self) -> CallResult | None:
        """Simulate the call the form describes on the current draft and show the whole path."""
        self._rerun.stop()
        self.stepper.stop()
        self.result, self.error = None, ""
        try:
            self.spec = self.form.spec()
            doc = self.session.document
            directory = self.session.directory
            self.result = simulate(doc, self.spec.at, directory, self.spec.inputs, self.spec.busy,
                                   self.spec.answer, self.spec.answer_after_s)
        except (SimulationError, ValueError) as exc:
            self.error = str(exc)
            ptr = getattr(exc, "pointer", "")
            if ptr:
                self.error = f"{words.branch_words(self.session.document, ptr)}: {self.error}"
        self.stepper.load(self.result.steps if self.result is not None else [])
        self._show_result()
        self.stepper.show_all()
        self.simulated.emit(self.result)
        return self.result

    def play(self) -> None:
        """Replay the call from the start, step by step (prompts are heard when sound is on)."""
        if self.result is None:
            self.run()
        if self.result is not None:
            if self.stepper.current >= len(self.result.steps) - 1:
                self.stepper.reset()
            self.stepper.play()

    def step(self) -> None:
        if self.result is None:
            self.run()
            self.stepper.reset()
        elif self.stepper.state == IDLE and self.stepper.current >= len(self.stepper.steps) - 1:
            self.stepper.reset()
        self.stepper.step()

    def _rerun_if_shown(self) -> None:
        if self.result is not None or self.error:
            self.run()

    def _document_changed(self, area: str, _ptr: str) -> None:
        if area != AREA_NAME:
            self.form.set_directory(self.session.directory)
            self._rerun.start()

    def _sound_toggled(self, on: bool) -> None:
        self.stepper.sound = on
        if not on:
            self.stepper._stop_audio()

    # -- showing ---------------------------------------------------------------------------------------
    def outcome_text(self) -> str:
        return self.outcome_label.text()

    def _show_result(self) -> None:
        doc, directory = self.session.document, self.session.directory
        self.steps_list.clear()
        self.rings_list.clear()
        if self.result is None or self.spec is None:
            self.outcome_label.setText(self.tr("Cannot simulate: %1").replace("%1", self.error))
            self.outcome_label.setStyleSheet("color: #c62828;")
            self.interval_label.clear()
            self._mark_instant(None)
            self._fit_labels()
            return
        broken = self.result.broken is not None
        connected = self.result.outcome.get("kind") == "connected"
        color = "#c62828" if broken else "#1b5e20" if connected else "#263238"
        self.outcome_label.setStyleSheet(f"color: {color};")
        outcome = words.outcome_words(self.result.outcome, self.result.steps, doc, directory)
        self.outcome_label.setText(outcome)
        local = self._mark_instant(self.spec)
        interval = words.labels.interval_label(doc, self.result.interval)
        text = self.tr("%1: %2").replace("%1", local).replace("%2", interval)
        if local and exception_spans(doc, self.spec_local_date()) is not None:
            text += " " + self.tr("(an exception date)")
        self.interval_label.setText(text)
        for step in self.result.steps:
            item = QListWidgetItem(words.step_text(step, directory, self.session.media_names), self.steps_list)
            item.setData(Qt.ItemDataRole.UserRole, step.get("node"))
            if step.get("kind") == "ring":
                QListWidgetItem(words.ring_text(step, directory), self.rings_list)
        if not self.rings_list.count():
            QListWidgetItem(self.tr("Nobody is rung"), self.rings_list)
        self.audio_label.setText("" if self.stepper.player is None or self.stepper.player.available()
                                 else self.stepper.player.unavailable_reason())
        self._fit_labels()

    def spec_local_date(self) -> str:
        assert self.spec is not None
        return local_instant(self.session.document, self.spec.at).date().isoformat()

    def _mark_instant(self, spec: CallSpec | None) -> str:
        """Mark the call's instant on the grid; returns it in words («пн 10:00»)."""
        if spec is None:
            if self.grid is not None:
                self.grid.set_highlight(None, None)
            return ""
        try:
            local = local_instant(self.session.document, spec.at)
        except ValueError:
            return ""
        day = WEEKDAYS[local.weekday()]
        if self.grid is not None:
            self.grid.set_highlight(day, local.hour * 60 + local.minute)
        from pbxdesk.schedule_grid.names import day_short

        return f"{day_short(day)} {local:%d.%m.%Y %H:%M}"

    def _show_step(self, index: int) -> None:
        steps = self.stepper.steps
        for row in range(self.steps_list.count()):
            item = self.steps_list.item(row)
            font = item.font()
            font.setBold(row == index)
            item.setFont(font)
            item.setForeground(Qt.GlobalColor.gray if row > index else Qt.GlobalColor.black)
        if 0 <= index < self.steps_list.count():
            self.steps_list.setCurrentRow(index)
        if self.highlighter is not None:
            shown = steps[:index + 1]
            pointers = {str(s["node"]) for s in shown}
            end = self.result is not None and index >= len(steps) - 1
            broken = self.result.broken if end and self.result is not None else None
            current = str(shown[-1]["node"]) if shown else None
            self.highlighter.set_path(pointers, current, broken)

    def highlighted_pointers(self) -> set[str]:
        return set(self.highlighter.pointers) if self.highlighter is not None else set()

    def _update_buttons(self, *_args: object) -> None:
        running = self.stepper.state == RUNNING
        self.pause_button.setEnabled(running)
        self.play_button.setEnabled(not running)

    def _step_activated(self, item: QListWidgetItem) -> None:
        ptr = item.data(Qt.ItemDataRole.UserRole)
        if ptr:
            self.pointerActivated.emit(str(ptr))
