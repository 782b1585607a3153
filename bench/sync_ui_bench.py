"""Sync UI benchmark: is the main window responsive while it syncs thousands of numbers?

A 10 ms timer runs on the GUI thread; the longest gap between its ticks is the longest time the window
could not react to input. Measured while the window pulls N numbers from a real ``pbxdesk serve`` process
(first sync, progress bar and cancel visible) and, as the baseline, for the same time with the window idle.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sync_ui_bench.py [--numbers 3000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
from sync_bench import seed, start_server


class Gaps:
    """Ticks of a 10 ms timer on the GUI thread; ``gaps`` are the times between consecutive ticks (ms)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.last = 0
        self.gaps: list[int] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> list[int]:
        self.timer.stop()
        return list(self.gaps)


def pump_until(predicate, timeout: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.001)


def summary(gaps: list[int]) -> str:
    if not gaps:
        return "no ticks"
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"ticks {len(gaps)}, median {statistics.median(gaps):.0f} ms, p99 {p99} ms, max {max(gaps)} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=3000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.desktop import i18n
    from pbxdesk.desktop.context import AppContext
    from pbxdesk.desktop.options import Settings
    from pbxdesk.store import Store

    i18n.set_language("ru")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        token, numbers = seed(root / "server", args.numbers, 50)
        proc, url = start_server(root / "server")
        try:
            profile = root / "profile"
            store = Store.open(profile)
            store.set_profile(server_url=url, is_demo=False)
            context = AppContext(base_dir=profile, profile_dir=profile, store=store, settings=Settings(profile),
                                 is_demo=False, server_url=url, token=token)
            gaps = Gaps()
            done: list[object] = []
            gaps.start()
            t0 = time.perf_counter()
            window = MainWindow(context=context)
            window.sync.finished.connect(lambda report, error: done.append(report))
            window.resize(1400, 860)
            window.show()
            pump_until(lambda: done, 600)
            sync_s = time.perf_counter() - t0
            during = gaps.stop()
            bar = window.status.progress
            report = done[0]
            pulled = len(report.pulled) if report is not None else 0
            print(f"sync of {pulled} numbers: {sync_s:.1f} s, progress {bar.value()}/{bar.maximum()}")
            print(f"GUI thread during the sync: {summary(during)}")
            shown: list[bool] = []
            window.numbersShown.connect(lambda: shown.append(True))
            gaps.start()
            pump_until(lambda: shown and window.worker.wait_idle(0.0), 60)  # the list refresh after the sync
            pump_until(lambda: False, 0.5)
            print(f"GUI thread while the list shows the synced numbers: {summary(gaps.stop())}")
            gaps.start()
            idle_until = time.monotonic() + min(sync_s, 10.0)
            pump_until(lambda: time.monotonic() > idle_until, 60)
            idle = gaps.stop()
            print(f"GUI thread idle (baseline): {summary(idle)}")
            if idle:
                print(f"ratio of the longest stall, sync / idle: {max(during) / max(max(idle), 1):.1f}x")
            window.close()
            context.close()
        finally:
            proc.terminate()
            proc.wait(10)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
