"""The local media library: masters by media id, plus the original bytes for uploading them later.

Layout: ``<root>/<media id>.wav`` (the 8 kHz master) and ``<root>/originals/<media id><ext>`` (the
file as picked, whose SHA-256 is the id; the sync engine uploads it with ``POST /media``), with
``<root>/originals/<media id>.name``: the name people know it by (:class:`~pbxdesk.audio.media_names.MediaNames`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from pbxdesk.audio import errors
from pbxdesk.audio.convert import convert_to_master
from pbxdesk.audio.decode import Cancel, Progress
from pbxdesk.audio.files import atomic_path, write_bytes
from pbxdesk.audio.media import is_media_id, media_id, media_id_of_file
from pbxdesk.audio.media_names import MediaNames
from pbxdesk.audio.probe import check_size
from pbxdesk.audio.wavfile import is_master, wav_info


def mid_name(data: bytes) -> str:
    return f"{media_id(data)[:12]}…"


class MediaLibrary:
    def __init__(self, root: Path, names: MediaNames | None = None) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.media_names = names if names is not None else MediaNames(self.root)  # (shared with whoever names)

    def import_file(self, path: Path, *, progress: Progress | None = None, cancel: Cancel | None = None,
                    display_name: str | None = None) -> tuple[str, Path, float]:
        """Check and convert the audio file at ``path``; returns (media id, master path, duration in s)."""
        path = Path(path)
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            raise errors.not_found(str(path)) from None
        check_size(size)
        mid = media_id_of_file(path)
        master = self._master(mid)
        if not master.is_file():
            convert_to_master(path, master, progress=progress, cancel=cancel)
        self._keep_original(mid, path)
        if self.display_name(mid) is None:
            self.set_display_name(mid, display_name or path.name)
        return mid, master, wav_info(master).duration_s

    def set_display_name(self, mid: str, name: str) -> None:
        """Keep ``name`` (the file name it was picked or uploaded with) as the way people see ``mid``."""
        self._check_id(mid)
        self.media_names.set(mid, name)

    def import_bytes(self, data: bytes, filename_hint: str | None = None, *, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> tuple[str, Path, float]:
        """Like :meth:`import_file` for a file's bytes; ``filename_hint`` gives its extension."""
        check_size(len(data))
        suffix = Path(filename_hint).suffix if filename_hint else ""
        with tempfile.TemporaryDirectory(prefix="pbxdesk-import-") as tmp:
            src = Path(tmp) / f"input{suffix}"
            src.write_bytes(data)
            result = self.import_file(src, progress=progress, cancel=cancel,
                                      display_name=Path(filename_hint).name if filename_hint else mid_name(data))

        return result

    def add_master(self, mid: str, data: bytes) -> Path:
        """Store a master received from the service (``GET /media/{id}``) under its id."""
        self._check_id(mid)
        dst = self._master(mid)
        write_bytes(dst, data)
        if not is_master(dst):
            dst.unlink(missing_ok=True)
            raise errors.AudioError(f"The service sent a media file {mid} that is not an 8 kHz mono WAV.",
                                    f"Сервис прислал медиафайл {mid}, который не является WAV 8 кГц моно.",
                                    code="bad_master")
        return dst

    def master_path(self, mid: str) -> Path | None:
        path = self._master(mid) if is_media_id(mid) else None
        return path if path is not None and path.is_file() else None

    def has(self, mid: str) -> bool:
        return self.master_path(mid) is not None

    def duration_s(self, mid: str) -> float | None:
        path = self.master_path(mid)
        return wav_info(path).duration_s if path else None

    def original_path(self, mid: str) -> Path | None:
        """The original file of ``mid`` (for uploading), if this library imported it."""
        if not is_media_id(mid):
            return None
        folder = self.root / "originals"
        matches = sorted(folder.glob(f"{mid}*")) if folder.is_dir() else []
        return next((p for p in matches if not p.name.endswith((".part", ".name"))), None)

    def display_name(self, mid: str) -> str | None:
        """The file name the media was imported from, or uploaded with as the server says."""
        return self.names().get(mid)

    def names(self) -> dict[str, str]:
        """Media id -> display name of every media named here (a live dict: see :class:`MediaNames`)."""
        return self.media_names.names()

    def ids(self) -> list[str]:
        """Every media id that has a master here."""
        return sorted(p.stem for p in self.root.glob("*.wav") if is_media_id(p.stem))

    def _master(self, mid: str) -> Path:
        return self.root / f"{mid}.wav"

    def _keep_original(self, mid: str, src: Path) -> None:
        if self.original_path(mid) is not None:
            return
        dst = self.root / "originals" / f"{mid}{src.suffix.lower()}"
        with atomic_path(dst) as tmp:
            shutil.copyfile(src, tmp)

    @staticmethod
    def _check_id(mid: str) -> None:
        if not is_media_id(mid):
            raise errors.AudioError(f"«{mid}» is not a media id.", f"«{mid}» не является идентификатором медиафайла.",
                                    code="bad_id")
