"""The names people know media files by: the file name an audio file was picked with here, or uploaded with
as the server lists it (``GET /media``). Kept as ``<root>/originals/<media id>.name`` (UTF-8), next to the
library's originals. Plain files and no audio code, so that a list of numbers can name greetings without
loading numpy."""

from __future__ import annotations

import threading
from pathlib import Path

from pbxdesk.audio.files import write_bytes
from pbxdesk.audio.media import is_media_id


class MediaNames:
    def __init__(self, root: Path) -> None:
        self.folder = Path(root) / "originals"
        self._names: dict[str, str] | None = None
        self._lock = threading.Lock()

    def names(self) -> dict[str, str]:
        """Media id -> name. The same dict every time, kept up to date by :meth:`set` (views hold it and read
        names from it as they paint); read from the files on first use."""
        if self._names is None:
            with self._lock:
                if self._names is None:
                    self._names = self._read()
        return self._names

    def get(self, mid: str) -> str | None:
        return self.names().get(mid)

    def set(self, mid: str, name: str) -> None:
        """Keep ``name`` for ``mid`` (a media id), on disk and in :meth:`names`."""
        if not is_media_id(mid):
            raise ValueError(f"not a media id: {mid!r}")
        write_bytes(self.folder / f"{mid}.name", name.encode("utf-8"))
        names = self.names()
        with self._lock:
            names[mid] = name

    def _read(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for path in sorted(self.folder.glob("*.name")) if self.folder.is_dir() else []:
            try:
                name = path.read_text(encoding="utf-8").strip()
            except OSError:
                continue
            if name and is_media_id(path.stem):
                found[path.stem] = name
        return found
