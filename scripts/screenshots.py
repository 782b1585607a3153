"""Make the README screenshots offscreen, so they stay current: the main window, and the number editor with
a painted week and its scenario tree. Uses a throwaway demo profile (embedded reference server).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang ru|en] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def wait(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="ru", choices=["ru", "en"])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from pbxdesk.app.process_env import prepare_environment

    prepare_environment()  # as the app does
    app = QApplication(sys.argv[:1])
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    with tempfile.TemporaryDirectory() as tmp:
        context = open_profile(str(Path(tmp) / "profile"))
        i18n.set_language(args.lang)
        window = MainWindow(context=context)
        window.resize(1920, 1050)  # a full-HD screen less the task bar: every pane at its natural width
        synced: list[bool] = []
        window.firstSyncDone.connect(lambda: synced.append(True))
        window.show()
        wait(lambda: bool(synced) and window.model.rowCount() > 0)
        settle(1.0)
        window.grab().save(str(out / f"main-window-{args.lang}.png"))
        weekly = next(r for r in range(window.model.rowCount())
                      if window.model.index(r, window.model.MODE).data() in ("По расписанию", "By schedule"))
        window.open_number(window.model.number_at(weekly))
        wait(lambda: window.tabs.count() == 1)
        editor = window.tabs.widget(0)
        grid = editor.schedule.grid
        grid.paint_cells(5, 5, 10 * 60, 15 * 60, "working")  # Saturday 10:00-15:00, as a user would drag it
        editor.scenarios.tree.expandAll()
        tree = editor.scenarios.tree
        menu = tree.model().index_for_pointer("/scenarios/working/next")  # the menu after the greeting
        if menu.isValid():  # its editor open beside the tree, as after a click
            tree.setCurrentIndex(menu)
        settle(1.0)
        window.grab().save(str(out / f"number-editor-{args.lang}.png"))
        editor.session.undo_stack.setClean()
        window.close()
        context.close()
    print(f"screenshots written to {out}")
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
