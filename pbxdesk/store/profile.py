"""Where the local profile lives: ``--profile DIR``, else ``PBXDESK_HOME``, else the platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "pbxdesk"
DB_FILENAME = "pbxdesk.sqlite3"
ENV_VAR = "PBXDESK_HOME"


def resolve_profile_dir(cli_value: str | None) -> Path:
    """The profile directory: the command-line value wins, then ``$PBXDESK_HOME``, then
    ``platformdirs.user_data_dir("pbxdesk")`` (e.g. ``~/.local/share/pbxdesk`` on Linux).
    The directory is not created here (``Store.open`` does)."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only for the default location (the app's fast start reads the profile before it)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(profile_dir: Path) -> Path:
    return Path(profile_dir) / DB_FILENAME
