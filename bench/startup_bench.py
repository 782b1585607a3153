"""Start-up: process start to "ready" (profile open, list, an editor and sync usable), against a bare window.

Each run is a new Python process started the way a user starts the app (``python -m pbxdesk``), offscreen.
The app prints markers (``pbxdesk/app/startup_probe.py``):

* IDLE: the main window has been painted with the numbers list (read before Qt loads) and is idle;
* LIST: the profile is open and the list reloaded from the store is painted, "Right now" column included;
* EDITOR: the first number, asked for at the first frame as a user who double-clicks it at once, is open in
  its tab and its scenario tree has been painted;
* SYNC: the sync can be started ("Sync now" is enabled: the profile is attached);
* READY: all of LIST, EDITOR and SYNC have happened;
* SYNCED: the first sync with the server has finished (the status bar says what the server has): not part
  of "ready" (the user works meanwhile), reported beside it.

Two profiles of ``--numbers`` numbers (1,000 by default):

* ``server``: a profile of a real ``pbxdesk serve`` process on loopback (started once by this script,
  seeded with the numbers and already synced once), its token in the profile's opt-in token file (as a
  user without ``$PBXDESK_TOKEN`` has it: the keyring is asked first);
* ``demo``: the demo profile of an empty base directory (the app starts the embedded demo server itself),
  as a new user meets the app; made by one run of the app before the measurement.

Baseline: a bare PySide6 ``QMainWindow`` started the same way, shown and idle (the same IDLE marker). Each
round runs the bare window and each profile once, in an order rotated from round to round, so that load
from other work on the machine hits all of them; the ratios are taken within each round and their median
is reported. Targets: READY under 1 s (median) or at most 3x the bare window of the same round.
The package's bytecode is compiled first, as ``pip install`` does (this machine may set
PYTHONDONTWRITEBYTECODE, which would otherwise compile every module from source on every start).

With ``--before DIR`` (a copy of an earlier ``pbxdesk`` package in ``DIR/pbxdesk``, e.g. from
``git archive <commit> pbxdesk | tar -x -C DIR``), each round also runs that code on the same profiles
(``PYTHONPATH=DIR``), so before and after are measured alternately in the same rounds. Give the copy this
``pbxdesk/app/startup_probe.py`` so that both print the same markers.

    .venv/bin/python bench/startup_bench.py [--rounds N] [--numbers N] [--profiles server,demo] [--before DIR]
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

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
MARKERS = ("IDLE", "LIST", "EDITOR", "SYNC", "READY", "SYNCED")


def server_profile(tmp: Path, count: int) -> tuple[Path, subprocess.Popen[bytes]]:
    """A running ``pbxdesk serve`` with ``count`` numbers and a profile synced with it once."""
    from sync_bench import seed, start_server

    from pbxdesk.store import Store
    from pbxdesk.sync.client import ApiClient
    from pbxdesk.sync.credentials import TOKEN_FILE
    from pbxdesk.sync.engine import SyncEngine

    token, _numbers = seed(tmp / "server", count, 50)
    proc, url = start_server(tmp / "server")
    profile = tmp / "server-profile"
    with Store.open(profile) as store:
        store.set_profile(server_url=url, company="Bench company", is_demo=False)
        client = ApiClient(url, token)
        report = SyncEngine(store, client).run()
        client.close()
        assert not report.offline and not report.errors, report
    path = profile / TOKEN_FILE
    path.write_text(f"{url}\t{token}\n", encoding="utf-8")
    path.chmod(0o600)
    return profile, proc


def run(cmd: list[str], env: dict[str, str], ready: bool) -> dict[str, float]:
    """Seconds from the process start to each marker it printed."""
    start = time.time()
    # from a directory of no package: ``python -m`` puts the working directory first on the path, before
    # PYTHONPATH (--before) and the installed package
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180, cwd=tempfile.gettempdir())
    marks = {}
    for line in out.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name.startswith("PBXDESK_") and name[len("PBXDESK_"):] in MARKERS:
            marks[name[len("PBXDESK_"):]] = float(stamp) - start
    wanted = MARKERS if ready else ("IDLE",)
    missing = [m for m in wanted if m not in marks]
    if missing:
        raise RuntimeError(f"no {missing} marker from {cmd}: {out.stdout[-800:]} {out.stderr[-3000:]}")
    return marks


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--numbers", type=int, default=1000)
    parser.add_argument("--profiles", default="server,demo")
    parser.add_argument("--before", type=Path, help="a directory holding an earlier pbxdesk package to compare")
    args = parser.parse_args()
    kinds = [k for k in args.profiles.split(",") if k]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PBXDESK_TOKEN", None)
    env.pop("PBXDESK_STARTUP_TRACE", None)
    app_env = dict(env, PBXDESK_STARTUP_PROBE="ready")
    for package in [ROOT / "pbxdesk"] + ([args.before / "pbxdesk"] if args.before else []):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True,
                       stdout=subprocess.DEVNULL)
    envs = {"bare": env}
    server = None
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        try:
            cmds: dict[str, list[str]] = {"bare": [sys.executable, "-c", BARE]}
            if "server" in kinds:
                profile, server = server_profile(tmp, args.numbers)
                cmds["server"] = [sys.executable, "-m", "pbxdesk", "--profile", str(profile)]
            if "demo" in kinds:
                cmds["demo"] = [sys.executable, "-m", "pbxdesk", "--profile", str(tmp / "demo-base")]
                run(cmds["demo"], app_env, ready=False)  # the first start makes the demo profile and syncs
            for name in [n for n in cmds if n != "bare"]:
                envs[name] = app_env
                if args.before:
                    cmds[f"{name}-before"] = cmds[name]
                    envs[f"{name}-before"] = dict(app_env, PYTHONPATH=str(args.before.resolve()))
            for name, cmd in cmds.items():  # warm the file cache and the translations once
                run(cmd, envs[name], ready=name != "bare")
            print(f"load average before: {loadavg()}; {args.rounds} rounds of {', '.join(cmds)}", flush=True)
            got: dict[str, list[dict[str, float]]] = {name: [] for name in cmds}
            names = list(cmds)
            for round_no in range(args.rounds):
                shift = round_no % len(names)
                for name in names[shift:] + names[:shift]:
                    got[name].append(run(cmds[name], envs[name], ready=name != "bare"))
                bare = got["bare"][-1]["IDLE"]
                print(f"  round {round_no + 1}: bare {bare * 1000:.0f} ms; "
                      + "; ".join(f"{k} ready {got[k][-1]['READY'] * 1000:.0f} ms ({got[k][-1]['READY'] / bare:.1f}x)"
                                  for k in names if k != "bare"), flush=True)
            print(f"load average after: {loadavg()}")
        finally:
            if server is not None:
                server.terminate()
                server.wait(10)
    bare = [r["IDLE"] for r in got["bare"]]
    print(f"\nprofile: {args.numbers} numbers; {args.rounds} rounds; medians (min) in ms")
    print(f"bare QMainWindow shown and idle: {statistics.median(bare) * 1000:.0f} ({min(bare) * 1000:.0f})")
    for name in names:
        if name == "bare":
            continue
        runs = got[name]
        print(f"pbxdesk, {name} profile:")
        for marker in MARKERS:
            values = [r[marker] for r in runs]
            ratios = [r[marker] / b for r, b in zip(runs, bare, strict=True)]
            print(f"  {marker:<7} {statistics.median(values) * 1000:6.0f} ({min(values) * 1000:4.0f})   "
                  f"ratio to the bare window of its round: median {statistics.median(ratios):.2f}x")
        ready = statistics.median(r["READY"] for r in runs)
        ratio = statistics.median(r["READY"] / b for r, b in zip(runs, bare, strict=True))
        print(f"  ready: {ready * 1000:.0f} ms, {ratio:.2f}x the bare window (targets: < 1000 ms or <= 3x) -> "
              f"{'met' if ready < 1.0 or ratio <= 3.0 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
