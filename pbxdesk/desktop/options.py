"""Every user setting, declared once with its key, type and default (after Picard's ``options.py``).

Settings live in an INI file in the profile directory (``settings.ini``), so each profile (demo or a real
server) keeps its own. Reading an unset or malformed value gives the declared default. ``Settings.changed``
fires with the key after a write, and whoever applies a setting listens to it (applied at once).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal


class Option(NamedTuple):  # not a dataclass: this module is on the fast start path (quick_start)
    key: str
    default: Any
    choices: tuple[Any, ...] | None = None

    def coerce(self, value: Any) -> Any:
        kind = type(self.default)
        try:
            if value is None:
                return self.default
            if kind is bool:
                result: Any = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            elif kind is QByteArray:
                result = value if isinstance(value, QByteArray) else QByteArray()
            else:
                result = kind(value)
        except (TypeError, ValueError):
            return self.default
        if self.choices is not None and result not in self.choices:
            return self.default
        return result


SERVER_URL = Option("sync/server_url", "")
AUTO_SYNC = Option("sync/auto", True)
AUTO_SYNC_INTERVAL_S = Option("sync/interval_s", 60, (30, 60, 300, 900))
LANGUAGE = Option("ui/language", "ru", ("ru", "en"))
AUDIO_OUTPUT = Option("audio/output", "")  # device id; "" = system default
GRID_GRANULARITY = Option("schedule/granularity_min", 30, (5, 15, 30, 60))
MAIN_GEOMETRY = Option("window/main_geometry", QByteArray())
EDITOR_GEOMETRY = Option("window/editor_geometry", QByteArray())
MAIN_STATE = Option("window/main_state", QByteArray())  # where the panels beside the editors are (saveState)
TEST_CALL_DOCK = Option("window/test_call_dock", "auto", ("auto", "shown", "hidden"))  # the user's last choice

ALL_OPTIONS: tuple[Option, ...] = (
    SERVER_URL, AUTO_SYNC, AUTO_SYNC_INTERVAL_S, LANGUAGE, AUDIO_OUTPUT, GRID_GRANULARITY, MAIN_GEOMETRY,
    EDITOR_GEOMETRY, MAIN_STATE, TEST_CALL_DOCK,
)


class Settings(QObject):
    changed = Signal(str)

    def __init__(self, profile_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qs = QSettings(str(Path(profile_dir) / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, option: Option) -> Any:
        return option.coerce(self._qs.value(option.key, option.default))

    def set(self, option: Option, value: Any) -> None:
        value = option.coerce(value)
        if self._qs.contains(option.key) and self.get(option) == value:
            return
        self._qs.setValue(option.key, value)
        self._qs.sync()
        self.changed.emit(option.key)
