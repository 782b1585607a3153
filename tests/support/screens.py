"""A virtual screen for a child process: Qt's offscreen platform with one screen of a given size, and
QT_SCALE_FACTOR for a high-density one (``1280x800@2``: a 2560 x 1600 screen at 200 %, 1280 x 800 logical
pixels). The app maximises its first window on a screen up to full HD, as on a real laptop."""

from __future__ import annotations

import json
import os
from pathlib import Path


def virtual_screen(screen: str, folder: Path) -> dict[str, str]:
    """The environment of a process whose only screen is ``screen`` (``WIDTHxHEIGHT`` in logical pixels,
    optionally ``@FACTOR``); the screen's description is written into ``folder``."""
    size, _, scale = screen.partition("@")
    width, height = (int(v) for v in size.split("x"))
    factor = int(scale or 1)
    config = Path(folder) / f"screen-{screen}.json"
    screens = [{"name": "laptop", "x": 0, "y": 0, "width": width * factor, "height": height * factor,
                "logicalDpi": 96}]
    # no window frame: a maximised window is the whole screen, as a screenshot of a real one shows it
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if factor != 1:
        env["QT_SCALE_FACTOR"] = str(factor)
    return env
