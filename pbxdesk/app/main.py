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


def when_painted(widget: Any, callback: Any, give_up_ms: int | None = None) -> None:
    """Call ``callback`` from the first zero-time timer after ``widget``'s window has been exposed: Qt
    paints a widget window in full while it handles the expose, so by then the user sees the first frame
    and the event loop is idle. (A zero-time timer right after ``show()`` fires before anything is
    drawn, and a Python event filter to catch the paint would itself cost tens of milliseconds of
    wrapping events.) With ``give_up_ms``, call it then at the latest (a window started minimised or on
    another desktop may not be exposed for a long time)."""
    import time

    from PySide6.QtCore import QTimer

    deadline = None if give_up_ms is None else time.monotonic() + give_up_ms / 1000

    def step() -> None:
        handle = widget.windowHandle()
        done = (handle is not None and handle.isExposed()) or (deadline is not None and time.monotonic() > deadline)
        if done:
            QTimer.singleShot(0, callback)
        else:
            QTimer.singleShot(1 if deadline is not None else 0, step)

    step()


def _trace(label: str, _start: list[float] = []) -> None:  # noqa: B006 - the first call's time
    """``PBXDESK_STARTUP_TRACE=1``: print the milliseconds since the first mark (bench/startup_bench.py)."""
    if os.environ.get("PBXDESK_STARTUP_TRACE"):
        import time

        if not _start:
            _start.append(time.perf_counter())
        print(f"pbxdesk-trace {(time.perf_counter() - _start[0]) * 1000:7.1f} ms  {label}", file=sys.stderr)


def collect_from_now_on() -> None:
    """Start collecting garbage, leaving out what start-up made (``gc.freeze``): it lives as long as the app,
    and scanning it again at each full collection would only cost time."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_app(argv: list[str]) -> int:
    import gc

    gc.disable()  # start-up makes hundreds of thousands of long-lived objects (modules, classes, Qt wrappers):
    # collecting while they are made scanned them again and again (about 270 collections, 15 % of the CPU
    # time to "ready" with the profile opened behind the window); collect_from_now_on() starts collecting
    _trace("run_app")
    args = parse_args(argv)
    from pbxdesk.store.quick_read import quick_start  # before Qt: PySide6 inspects every later import

    quick = quick_start(args.profile)
    from pbxdesk.app.process_env import prepare_environment

    prepare_environment()
    _trace("quick read: " + ("fast start" if quick is not None else "normal start (new or older profile)"))
    from PySide6.QtWidgets import QApplication

    from pbxdesk.app.pyside_imports import check_sources_quickly

    check_sources_quickly()  # before the window's and the profile's imports
    _trace("import PySide6.QtWidgets")

    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.quick_start import ProfileLoader
    from pbxdesk.desktop import i18n
    from pbxdesk.desktop.options import LANGUAGE, Settings

    _trace("import the main window")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pbxdesk")
    app.setOrganizationName("pbxdesk")
    _trace("QApplication")
    if quick is not None:  # the list first; the profile opens on a thread behind it
        settings = Settings(quick.profile_dir)
        i18n.set_language(args.lang or settings.get(LANGUAGE))
        _trace("settings and language")
        window = MainWindow(quick=quick, settings=settings)
        loader = ProfileLoader(window)
        loader.loaded.connect(lambda context, error: window.attach(context) if error is None
                              else window.attach_failed(error))
        loader.loaded.connect(lambda *_args: collect_from_now_on())  # the profile's imports are done
    else:  # a new profile, or one to migrate: open it first
        from pbxdesk.app.startup import open_profile

        loader = None
        context = open_profile(args.profile)
        i18n.set_language(args.lang or context.settings.get(LANGUAGE))
        window = MainWindow(context=context)
    _trace("main window built")
    window.show()
    _trace("shown")
    probe = os.environ.get("PBXDESK_STARTUP_PROBE")
    if probe:  # bench/startup_bench.py
        from pbxdesk.app.startup_probe import install

        install(window, probe, _trace)
    if args.screenshot:
        schedule_screenshot(window, Path(args.screenshot).resolve(), quit_after=not args.keep_running)

    def after_first_paint() -> None:
        from platformdirs import user_state_path

        if loader is None:
            collect_from_now_on()
        elif quick is not None and quick.is_demo:  # its server loads on another core while the profile opens
            from pbxdesk.desktop.demo_server import prestart

            prestart(quick.profile_dir / "server")
        log_path = setup_logging(Path(user_state_path("pbxdesk")))
        log.info("started; profile %s; log %s", quick.profile_dir if quick else window.context.profile_dir,
                 log_path)
        if loader is not None:
            loader.start(args.profile, window.settings)

    # after the first frame (the loader's imports would slow it down), or after half a second at the latest
    when_painted(window, after_first_paint, give_up_ms=500)
    try:
        return int(app.exec())
    finally:
        if window.context is not None:
            window.context.close()
