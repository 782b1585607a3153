"""Weekly grid speed at 5-minute granularity, against the 16.7 ms frame of a 60 Hz screen.

* move: one mouse-move during a drag = the model update (the preview of every painted day) plus the
  repaint of the region that changed, as the event loop does it (sendEvent + processEvents).
* full: a full repaint of the grid showing a week with 100 ranges (``repaint()``, synchronous); and the
  same right after a resize, when the cached layers (labels, legend, lines) are drawn again.
* baseline (same run): a full repaint of a plain QWidget of the same size filling its rect once, the
  floor of Qt's own repaint machinery on this machine; ratios are printed against it.
Targets: move < 2 ms, full paint < 8 ms. Medians of many runs. Runs offscreen unless a display is forced.

    .venv/bin/python bench/grid_bench.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app does, before Qt and numpy load (pbxdesk/app/process_env.py)

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from pbxdesk.domain.defaults import fixed_intervals
from pbxdesk.domain.models import WEEKDAYS, Interval, Range, RoutingDocument, Schedule
from pbxdesk.domain.timeutil import format_hhmm
from pbxdesk.schedule_grid.grid import ScheduleGrid
from pbxdesk.widgets.session import DocumentSession

FRAME_MS = 1000 / 60
W, H = 1200, 460


def week_with_ranges(count: int, seed: int = 7) -> RoutingDocument:
    rng = random.Random(seed)
    intervals = ["working", "custom1", "custom2", "custom3"]
    per_day = [count // 7 + (1 if i < count % 7 else 0) for i in range(7)]
    ranges: list[Range] = []
    for day, n in zip(WEEKDAYS, per_day, strict=True):
        cuts = sorted(rng.sample(range(1, 288), 2 * n))          # 5-minute boundaries, disjoint ranges
        last = None
        for k in range(n):
            interval = rng.choice([i for i in intervals if i != last])
            ranges.append(Range(day=day, start=format_hhmm(cuts[2 * k] * 5), end=format_hhmm(cuts[2 * k + 1] * 5),
                                interval=interval))
            last = interval
    schedule = Schedule(mode="weekly", intervals=fixed_intervals() + [
        Interval(id=f"custom{i}", name=f"Extra {i}") for i in (1, 2, 3)], ranges=ranges)
    return RoutingDocument(number="4952302222", name="bench", schedule=schedule, scenarios={})


class Plain(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#cfd8dc"))
        p.end()


def timed_ms(fn, runs: int) -> tuple[float, float]:
    """(median, best) of ``runs`` calls in milliseconds; the best shows the cost on an idle machine."""
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), min(samples)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    doc = week_with_ranges(100)
    assert len(doc.schedule.ranges) == 100
    session = DocumentSession(doc)
    grid = ScheduleGrid(session)
    grid.resize(W, H)
    grid.set_granularity(5)
    grid.show()
    plain = Plain()
    plain.resize(W, H)
    plain.show()
    for _ in range(5):
        app.processEvents()

    def send(kind: QEvent.Type, day: int, minute: int, buttons: Qt.MouseButton) -> None:
        pos = QPointF(grid.cell_point(day, minute))
        QApplication.sendEvent(grid, QMouseEvent(kind, pos, pos, Qt.MouseButton.LeftButton if
                                                 kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                                                 buttons, Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, 0, 6 * 60, Qt.MouseButton.LeftButton)
    app.processEvents()
    step = [0]

    def one_move() -> None:
        step[0] += 1
        k = step[0]
        send(QEvent.Type.MouseMove, (k // 40) % 7, 6 * 60 + (k % 40) * 15 + 5, Qt.MouseButton.LeftButton)
        app.processEvents()

    move, move_best = timed_ms(one_move, 600)
    grid.cancel_drag()                                            # Esc: the document stays as it was
    app.processEvents()
    full, full_best = timed_ms(grid.repaint, 200)
    flip = [0]

    def resized_repaint() -> None:                               # cold: the cached label/line layers rebuilt
        flip[0] ^= 1
        grid.resize(W + flip[0], H)
        grid.repaint()

    cold, cold_best = timed_ms(resized_repaint, 100)
    base, base_best = timed_ms(plain.repaint, 200)
    print(f"grid {W}x{H}, 5-minute granularity, {len(doc.schedule.ranges)} ranges, "
          f"platform {app.platformName()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'':40s} {'median':>9s} {'best':>9s} {'x baseline':>11s} {'% frame':>8s}  target")
    rows = (("baseline: plain widget full repaint", base, base_best, None),
            ("mouse-move during a drag (model+region)", move, move_best, 2.0),
            ("full repaint of a week, 100 ranges", full, full_best, 8.0),
            ("same after a resize (layers rebuilt)", cold, cold_best, 8.0))
    for label, med, best, target in rows:
        verdict = "" if target is None else f"< {target:g} ms: {'OK' if med < target else 'MISSED'}"
        print(f"{label:40s} {med:7.3f}ms {best:7.3f}ms {med / base:10.1f}x {med / FRAME_MS * 100:7.1f}%  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
