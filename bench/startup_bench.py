"""Start-up: process start to the main window shown and idle, with a profile of 1,000 numbers.

"Shown and idle": the main window has been painted with the 1,000 numbers listed (number, name,
schedule, sync state) and the event loop has nothing left to do (``PBXDESK_IDLE``, printed from the first zero-time timer after
the window was exposed: Qt paints a widget window in full while handling the expose; a zero-time timer
right after ``show()`` alone fires before anything is drawn). The app gets there by reading the list from the profile file with stdlib sqlite3
(``pbxdesk.store.quick_read``) and opening the profile for real behind the window. So the script also
prints "ready": the profile opened on its thread (SQLAlchemy store, token, sync engine, the editors'
modules), attached to the window and the list reloaded from the store (``PBXDESK_READY``).

Baseline: a bare PySide6 QMainWindow started the same way (a new Python process, same idle marker) in
the same run. Target: under 1.5x the bare window and under 1 s. The package's bytecode is compiled
first, as ``pip install`` does for an installed package (this checkout may run with
PYTHONDONTWRITEBYTECODE, which would otherwise compile every module from source on every start).

    .venv/bin/python bench/startup_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1400, 900); w.show()
def idle():
    print(f"PBXDESK_IDLE {time.time():.6f}", flush=True); app.quit()
def step():  # the same marker as pbxdesk.app.main.when_painted
    exposed = w.windowHandle() is not None and w.windowHandle().isExposed()
    QTimer.singleShot(0, idle if exposed else step)
step()
app.exec()
"""


def make_profile(path: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    from pbxdesk.domain.defaults import default_document
    from pbxdesk.domain.document import load_directory
    from pbxdesk.store import Store

    directory = load_directory((ROOT / "tests" / "data" / "directory.json").read_bytes())
    with Store.open(path) as store:
        store.set_profile(server_url="http://127.0.0.1:9", company="Бенчмарк", is_demo=False)
        store.set_directory(directory)
        for i in range(count):
            doc = default_document(f"495{i:07d}", "Бенчмарк", directory)
            store.apply_server_document(doc.number, doc, 1)


def run(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from the process start to each marker it printed (IDLE, and READY for the app)."""
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    marks = {line.split()[0][len("PBXDESK_"):]: float(line.split()[1]) - start
             for line in out.stdout.splitlines() if line.startswith(("PBXDESK_IDLE ", "PBXDESK_READY "))}
    if "IDLE" not in marks:
        raise RuntimeError(f"no idle marker from {cmd}: {out.stdout[-500:]} {out.stderr[-2000:]}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--numbers", type=int, default=1000)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PBXDESK_STARTUP_PROBE="ready", PBXDESK_TOKEN="")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pbxdesk")], check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        make_profile(profile, args.numbers)
        app_cmd = [sys.executable, "-m", "pbxdesk", "--profile", str(profile)]
        bare_cmd = [sys.executable, "-c", BARE]
        run(app_cmd, env)  # warm the file cache and compile .pyc / .qm once
        run(bare_cmd, env)
        app, bare, ready = [], [], []
        for _ in range(args.runs):
            bare.append(run(bare_cmd, env)["IDLE"])
            marks = run(app_cmd, env)
            app.append(marks["IDLE"])
            ready.append(marks["READY"])
    a, b, r = statistics.median(app), statistics.median(bare), statistics.median(ready)
    print(f"profile: {args.numbers} numbers; runs: {args.runs}")
    print(f"bare QMainWindow shown and idle: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"pbxdesk main window shown and idle: median {a * 1000:.0f} ms (min {min(app) * 1000:.0f})")
    print(f"ratio: {a / b:.2f}x  (targets: < 1.5x and < 1000 ms) -> "
          f"{'met' if a < 1.5 * b and a < 1.0 else 'MISSED'}")
    print(f"pbxdesk ready (profile open behind the window, list reloaded from the store): median {r * 1000:.0f} ms "
          f"(min {min(ready) * 1000:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
