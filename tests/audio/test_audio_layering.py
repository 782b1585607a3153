"""Every audio module but the player is in the import-linter contract that keeps audio free of Qt, so a
new module cannot slip Qt into the headless tools (CLI, server) unnoticed."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_qt_free_audio_contract_lists_every_module_but_the_player() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"].startswith("Audio is Qt-free"))
    modules = {f"pbxdesk.audio.{p.stem}" for p in (ROOT / "pbxdesk" / "audio").glob("*.py") if p.stem != "__init__"}
    player = {m for m in modules if m.split(".")[-1].startswith("player")}
    assert player == {"pbxdesk.audio.player", "pbxdesk.audio.player_jobs"}
    assert set(contract["source_modules"]) == modules - player
    assert "PySide6" in contract["forbidden_modules"]
