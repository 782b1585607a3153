"""Start-up: process start to the main window shown and idle, with a profile of 1,000 numbers.

Baseline: a bare PySide6 QMainWindow started the same way (a new Python process) in the same run.
Target: under 1.5x the bare window and under 1 s.

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
QTimer.singleShot(0, idle)
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


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("PBXDESK_IDLE "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no idle marker from {cmd}: {out.stdout[-500:]} {out.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--numbers", type=int, default=1000)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PBXDESK_STARTUP_PROBE="1", PBXDESK_TOKEN="")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        make_profile(profile, args.numbers)
        app_cmd = [sys.executable, "-m", "pbxdesk", "--profile", str(profile)]
        bare_cmd = [sys.executable, "-c", BARE]
        run(app_cmd, env)  # warm the file cache and compile .pyc / .qm once
        run(bare_cmd, env)
        app, bare = [], []
        for _ in range(args.runs):
            bare.append(run(bare_cmd, env))
            app.append(run(app_cmd, env))
    a, b = statistics.median(app), statistics.median(bare)
    print(f"profile: {args.numbers} numbers; runs: {args.runs}")
    print(f"bare QMainWindow shown and idle: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"pbxdesk main window shown and idle: median {a * 1000:.0f} ms (min {min(app) * 1000:.0f})")
    print(f"ratio: {a / b:.2f}x  (targets: < 1.5x and < 1000 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
