"""The start-up's "first frame" hook: the profile loader and the start-up probe run once the window is
drawn, and never wait forever for a window that is not exposed (started minimised, another desktop)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from pbxdesk.app.main import when_painted


def test_runs_once_the_window_is_drawn(qtbot) -> None:
    label = QLabel("Входящие вызовы")
    qtbot.addWidget(label)
    seen: list[bool] = []
    label.show()
    when_painted(label, lambda: seen.append(label.windowHandle().isExposed()))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [True]  # the window had been exposed (and so painted) when the callback ran


def test_a_window_that_is_never_exposed_does_not_hold_the_start_up(qtbot) -> None:
    label = QLabel("never shown")
    qtbot.addWidget(label)
    called: list[bool] = []
    when_painted(label, lambda: called.append(True), give_up_ms=100)
    qtbot.waitUntil(lambda: bool(called), timeout=5000)
    assert label.windowHandle() is None or not label.windowHandle().isExposed()
