"""Where ``pbxdesk serve --demo`` keeps the demo company's token: ``DATA/demo-token`` (mode 0600).

A module of its own, free of the server's imports, so that the desktop app can read the token of the demo
server it runs as a child process without loading the server."""

from __future__ import annotations

from pathlib import Path

TOKEN_FILE = "demo-token"


def demo_token_path(data_dir: Path) -> Path:
    return Path(data_dir) / TOKEN_FILE


def read_demo_token(data_dir: Path) -> str | None:
    path = demo_token_path(data_dir)
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None
