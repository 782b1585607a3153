"""Make the README screenshots offscreen, so they stay current: the main window, and a number open with a
painted week, its scenario tree and its test call, on a 1280 x 800 laptop screen and a 1920 x 1080 one
(and the laptop screen at 200 %: a 2560 x 1600 virtual screen with QT_SCALE_FACTOR=2). Each screen runs
in a process of its own on a virtual screen of that size (Qt's offscreen platform), with the window
maximised as the app does on a screen smaller than its first size. Uses a throwaway demo profile.

    .venv/bin/python scripts/screenshots.py [--lang ru|en] [--out docs/screenshots] [--screen 1280x800 ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support.screens import virtual_screen  # noqa: E402  (the tests start the app on the same screens)

SCREENS = ("1280x800", "1920x1080", "1280x800@2")  # WIDTHxHEIGHT in logical pixels, @ the scale factor


def wait(predicate, timeout: float = 120.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.5) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot(lang: str, out: Path, name: str) -> None:
    """In this process (on the screen it was started with): the main window, then a number open in it."""
    from pbxdesk.app.process_env import prepare_environment

    prepare_environment()  # as the app does
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    with tempfile.TemporaryDirectory() as tmp:
        context = open_profile(str(Path(tmp) / "profile"))
        i18n.set_language(lang)
        window = MainWindow(context=context)
        synced: list[bool] = []
        window.firstSyncDone.connect(lambda: synced.append(True))
        window.show()
        wait(lambda: bool(synced) and window.model.rowCount() > 0)
        settle(3.0)  # the sync's 100 % is shown for a moment, then goes
        window.grab().save(str(out / f"main-window-{name}-{lang}.png"))
        weekly = next(r for r in range(window.model.rowCount())
                      if window.model.index(r, window.model.MODE).data() in ("По расписанию", "By schedule"))
        window.open_number(window.model.number_at(weekly))
        wait(lambda: window.tabs.count() == 1)
        editor = window.tabs.widget(0)
        editor.schedule.grid.paint_cells(5, 5, 10 * 60, 15 * 60, "working")  # Saturday 10:00-15:00
        if window.test_call_dock.isHidden():
            window.act_test_call.trigger()  # as after a click on "Test call"
        tree = editor.scenarios.tree
        tree.expandAll()
        menu = tree.model().index_for_pointer("/scenarios/working/next")  # the menu after the greeting
        if menu.isValid():  # its editor open beside the tree, as after a click
            tree.setCurrentIndex(menu)
        editor.test_call.run()
        settle(1.5)
        window.grab().save(str(out / f"number-editor-{name}-{lang}.png"))
        editor.session.undo_stack.setClean()
        window.close()
        context.close()
    app.quit()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="ru", choices=["ru", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--screen", action="append", help=f"screens to shoot (default: {', '.join(SCREENS)})")
    parser.add_argument("--here", metavar="NAME", help=argparse.SUPPRESS)  # shoot in this process
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.here:
        shoot(args.lang, out, args.here)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for screen in args.screen or SCREENS:
            name = screen.replace("@", "-at-")
            subprocess.run([sys.executable, __file__, "--lang", args.lang, "--out", str(out), "--here", name],
                           env=virtual_screen(screen, Path(tmp)), check=True)
            print(f"{screen}: {out}/main-window-{name}-{args.lang}.png, {out}/number-editor-{name}-{args.lang}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
