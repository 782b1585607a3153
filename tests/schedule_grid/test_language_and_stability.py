"""The editor in Russian (and switching languages live), and a long drag that does not abort the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from pbxdesk.schedule_grid import ScheduleEditor

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "schedule_grid_ru.ts"


def _russian(tmp_path: Path) -> QTranslator:
    qm = tmp_path / "schedule_grid_ru.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_the_editor_speaks_russian_and_relabels_on_a_language_switch(qtbot, session, tmp_path):
    editor = ScheduleEditor(session)
    qtbot.addWidget(editor)
    assert editor.manual_button.text() == "Manual entry…"
    translator = _russian(tmp_path)
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: editor.manual_button.text() == "Ручной режим…")
        assert editor.intervals._rows["working"].radio.text() == "Рабочее время"
        assert editor.intervals._rows["non_working"].radio.text() == "Нерабочее время"
        assert editor.intervals.name_edit("custom1").text() == "Обед"       # the document's own name
        assert editor.grid.paint_state().day_labels[0] == "Пн"
        assert editor.granularity.currentText() == "30 мин"
        assert editor.grid.accessibleName() == "Сетка расписания на неделю"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: editor.manual_button.text() == "Manual entry…")


def test_a_long_drag_with_hundreds_of_repaints_does_not_abort(qtbot, grid, mouse, ranges_of):
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call, and the interpreter
    # aborted after ~140 repaints of the grid; the project pins 6.11.3, and this guards against a regression.
    mouse.press("mon", 0)
    for step in range(400):
        mouse.move("sun" if step % 2 else "mon", (step * 7) % 1440)
        grid.repaint()
    mouse.release("tue", 23 * 60 + 59)
    assert ranges_of("mon") == [("00:00", "24:00", "working")]
    assert ranges_of("tue") == [("00:00", "24:00", "working")]
