"""Start-up of the desktop app: profile, language, the main window, and the no-display screenshot."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("pbxdesk")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pbxdesk", description="Incoming-call configurator for a cloud PBX.")
    parser.add_argument("--profile", help="profile directory (default: $PBXDESK_HOME or the platform data dir)")
    parser.add_argument("--lang", choices=["ru", "en"], help="UI language for this run")
    parser.add_argument("--screenshot", metavar="PNG", default=os.environ.get("PBXDESK_SCREENSHOT") or None,
                        help="save a screenshot of the main window once it is shown")
    parser.add_argument("--keep-running", action="store_true",
                        help="with --screenshot: keep the window open afterwards")
    return parser.parse_args(argv)


def setup_logging(state_dir: Path) -> Path:
    state_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "pbxdesk.log"
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_path


def schedule_screenshot(window: Any, target: Path, quit_after: bool) -> None:
    """Save the main window once the first sync has shown the numbers (or after 30 s), with the first
    number open, so the picture shows what a user sees."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    done = {"shot": False}

    def shoot() -> None:
        if done["shot"]:
            return
        done["shot"] = True
        window.grab().save(str(target))
        print(f"pbxdesk: screenshot of the main window saved to {target}", flush=True)
        if quit_after:
            QApplication.quit()

    def open_first() -> None:
        if window.model.rowCount() and not window.editors:
            window.open_number(window.model.number_at(0))
        QTimer.singleShot(1500, shoot)

    window.firstSyncDone.connect(lambda: window.numbersShown.connect(open_first))
    QTimer.singleShot(30000, shoot)


def report_when_idle(window: Any) -> None:
    """For bench/startup_bench.py: once the numbers list is shown and the event loop is idle, print the
    wall-clock time and quit."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def idle() -> None:
        print(f"PBXDESK_IDLE {time.time():.6f}", flush=True)
        QApplication.quit()

    window.numbersShown.connect(lambda: QTimer.singleShot(0, idle))


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    from platformdirs import user_state_path
    from PySide6.QtWidgets import QApplication

    from pbxdesk.app import i18n
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.options import LANGUAGE
    from pbxdesk.app.startup import open_profile

    log_path = setup_logging(Path(user_state_path("pbxdesk")))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pbxdesk")
    app.setOrganizationName("pbxdesk")
    context = open_profile(args.profile)
    lang = args.lang or context.settings.get(LANGUAGE)
    i18n.set_language(lang)
    window = MainWindow(context=context)
    window.show()
    log.info("started; profile %s; log %s", context.profile_dir, log_path)
    if os.environ.get("PBXDESK_STARTUP_PROBE"):
        report_when_idle(window)
    if args.screenshot:
        schedule_screenshot(window, Path(args.screenshot).resolve(), quit_after=not args.keep_running)
    try:
        return int(app.exec())
    finally:
        context.close()
