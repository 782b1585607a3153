"""``python -m pbxdesk`` as a user starts it: the first start on an empty profile (demo company, embedded
server), then a second start on the same profile, which shows the list from the profile file first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.support.screens import virtual_screen


def _start(profile: Path, shot: Path) -> subprocess.CompletedProcess[str]:
    env = dict(virtual_screen("1280x800", shot.parent), PBXDESK_STARTUP_TRACE="1", PBXDESK_TOKEN="")
    env.pop("PBXDESK_HOME", None)
    return subprocess.run([sys.executable, "-m", "pbxdesk", "--profile", str(profile), "--screenshot", str(shot)],
                          env=env, capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_first_and_second_start_of_the_app(tmp_path: Path, qapp) -> None:
    profile = tmp_path / "profile"
    for run, path in ((1, "normal start"), (2, "fast start")):
        shot = tmp_path / f"start{run}.png"
        done = _start(profile, shot)
        assert done.returncode == 0, done.stderr[-3000:]
        assert f"screenshot of the main window saved to {shot}" in done.stdout
        assert f"quick read: {path}" in done.stderr  # the second start takes the fast path
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (1280, 800)  # the first window fills the laptop's screen
        # the picture is of a real window with the demo company's first number open, not a blank frame
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20
    assert (profile / "demo" / "pbxdesk.sqlite3").is_file()
    assert not (profile / "pbxdesk.sqlite3").exists()  # the demo never writes into the base profile
