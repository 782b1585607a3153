"""The files a deployment consists of under ``root``, and how they are replaced.

Layout (the provisioning server's in-process agent uses ``DATA/asterisk/``; a node agent its ``--root``)::

    extensions_pbxdesk.conf            #include "<root>/extensions_pbxdesk/*.conf"   (never changes)
    extensions_pbxdesk/pbxdesk.conf    the [pbxdesk-incoming] context, so the pattern always matches a file
    extensions_pbxdesk/<number>.conf   the number's contexts and its own [pbxdesk-incoming] extension
    sounds/pbxdesk/<sha256>.wav        prompts (8 kHz masters), content-addressed, never deleted

Asterisk expands a glob in ``#include`` and merges a context declared in several files (checked with
Asterisk 22: ``[pbxdesk-incoming]`` in every number's file gives one context with every number); a
pattern matching no file at all fails the whole ``extensions.conf``, hence the fixed ``pbxdesk.conf``.
Deploying a number therefore touches that number's file only, whatever the number of numbers.

Every file is written to a temporary file in its directory, fsynced, renamed over the old one; each
directory touched is fsynced once per batch. Files get the mode the umask gives a new file, at least 0644,
and new directories at least 0755, so an Asterisk running as its own user can read them. Order in a batch: the include and anchor files (once, written before
anything they would include), sounds, then number files, so a crash leaves complete files, old or new,
and never a dialplan naming a missing sound. Temporary files a crash left behind are
removed by the next writer (its first batch). Batches on one root are serialised by ``.deploy.lock`` (``flock``), also
between processes.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pbxdesk.backend.asterisk.syntax import context_name, is_number

INCLUDE_FILE = "extensions_pbxdesk.conf"
NUMBERS_DIR = "extensions_pbxdesk"
ANCHOR_FILE = "pbxdesk.conf"
SOUNDS_DIR = Path("sounds") / "pbxdesk"
LOCK_FILE = ".deploy.lock"
INCOMING_CONTEXT = "pbxdesk-incoming"
_CONF_NAME = re.compile(r"^([0-9]{10})\.conf$")
_HEADER = re.compile(rb"^; pbxdesk deployed: number ([0-9]{10}) revision ([0-9]+) directory ([0-9]+)\n")
_TMP_SUFFIX = ".pbxdesk-tmp"
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process umask, read without changing it (``/proc``), else by setting and restoring it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """Deployed files are readable by the Asterisk user: the mode a new file gets under the umask, at
    least 0644."""
    return (0o666 & ~current_umask()) | 0o644


def make_dirs(path: Path) -> None:
    """Create ``path`` and its missing parents, each at least 0755 (Asterisk must get in)."""
    missing = [p for p in [path, *path.parents] if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True)
        folder.chmod(folder.stat().st_mode & 0o7777 | 0o755)


def _ensure_dir(path: Path) -> None:
    if not path.is_dir():
        make_dirs(path)
        fsync_dir(path.parent)  # the new directory's entry is durable too


def _write_temp(folder: Path, name: str, data: bytes, mode: int | None = None) -> Path:
    tmp = folder / f".{name}.{secrets.token_hex(4)}{_TMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, file_mode() if mode is None else mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` all at once: temporary file, fsync, rename, fsync the directory."""
    _ensure_dir(path.parent)
    tmp = _write_temp(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def number_file(number: str, dialplan: str, revision: int, directory_revision: int) -> bytes:
    """A number's file: a header naming what was deployed, its contexts, its [pbxdesk-incoming] extension."""
    return (f"; pbxdesk deployed: number {number} revision {revision} directory {directory_revision}\n"
            f"{dialplan}\n[{INCOMING_CONTEXT}]\nexten => {number},1,Goto({context_name(number)},s,1)\n"
            ).encode()


def include_text(root: Path) -> str:
    return ("; generated by pbxdesk, do not edit: every deployed number is a file of the directory below\n"
            f"; route a call to a number with Goto({INCOMING_CONTEXT},${{EXTEN}},1) from the trunk context\n"
            f'#include "{root / NUMBERS_DIR}/*.conf"\n')


ANCHOR_TEXT = (f"; generated by pbxdesk, do not edit: the context every number's file adds its DID to\n"
               f"[{INCOMING_CONTEXT}]\n")


class DialplanFiles:
    """The deployed files under ``root``. ``on_step`` (tests) is called with the name of each write step
    just before it runs (``sound:<name>``, ``number:<number>``, ``remove:<number>``); an exception it raises
    aborts the batch there, exactly like a crash would."""

    def __init__(self, root: Path, *, on_step: Callable[[str], None] | None = None) -> None:
        self.root = Path(root).absolute()
        if any(ch in str(self.root) for ch in '"\n\r;*?[]'):
            raise ValueError(f"unusable deploy root {self.root!r}")
        self.on_step = on_step
        self._cleaned = False

    def number_path(self, number: str) -> Path:
        return self.root / NUMBERS_DIR / f"{number}.conf"

    def sound_path(self, name: str) -> Path:
        return self.root / SOUNDS_DIR / f"{name}.wav"

    @property
    def include_path(self) -> Path:
        return self.root / INCLUDE_FILE

    def has_sound(self, name: str) -> bool:
        return self.sound_path(name).is_file()

    def deployed_numbers(self) -> list[str]:
        folder = self.root / NUMBERS_DIR
        if not folder.is_dir():
            return []
        return sorted(m.group(1) for p in folder.iterdir() if (m := _CONF_NAME.fullmatch(p.name)))

    def read_number(self, number: str) -> bytes | None:
        try:
            return self.number_path(number).read_bytes()
        except FileNotFoundError:
            return None

    @staticmethod
    def deployed_version(content: bytes | None) -> tuple[int, int] | None:
        """``(revision, directory revision)`` named by a number file's header."""
        found = _HEADER.match(content or b"")
        return None if found is None else (int(found.group(2)), int(found.group(3)))

    def _step(self, name: str) -> None:
        if self.on_step is not None:
            self.on_step(name)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Serialise writers of this root: threads of this process, and other processes (``flock``)."""
        make_dirs(self.root)
        with _locks_guard:
            lock = _locks.setdefault(self.root, threading.Lock())
        with lock, open(self.root / LOCK_FILE, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def remove_stale_temps(self) -> None:
        """Remove temporary files a crash left behind (a scan of every directory: done once per writer, not
        per batch, so that a batch costs the same whatever the number of numbers)."""
        for folder in (self.root, self.root / NUMBERS_DIR, self.root / SOUNDS_DIR):
            if folder.is_dir():
                for path in folder.iterdir():
                    if path.name.startswith(".") and path.name.endswith(_TMP_SUFFIX):
                        path.unlink(missing_ok=True)

    def ensure_layout(self) -> None:
        """The include file and the anchor file (written when missing or different), so that Asterisk's
        ``#include`` of ``extensions_pbxdesk.conf`` works even before the first number is deployed."""
        for path, text in ((self.root / NUMBERS_DIR / ANCHOR_FILE, ANCHOR_TEXT),
                           (self.include_path, include_text(self.root))):
            data = text.encode("utf-8")
            try:
                same = path.read_bytes() == data
            except FileNotFoundError:
                same = False
            if not same:
                atomic_write(path, data)

    def _replace_all(self, folder: Path, files: dict[str, bytes], step: str) -> None:
        if not files:
            return
        _ensure_dir(folder)
        temps = []
        mode = file_mode()
        try:
            for name, data in files.items():
                self._step(f"{step}:{Path(name).stem}")
                temps.append((_write_temp(folder, name, data, mode), folder / name))
            for tmp, path in temps:
                os.replace(tmp, path)
        finally:
            for tmp, _path in temps:
                tmp.unlink(missing_ok=True)
        fsync_dir(folder)

    def write(self, sounds: dict[str, bytes], numbers: dict[str, bytes], removed: list[str] | tuple[str, ...] = (),
              ) -> None:
        """One batch, under the lock: sounds (by name), then number files, then removed numbers' files.
        Call inside :meth:`locked` when the caller decides what to write from what is on disk."""
        for number in [*numbers, *removed]:
            if not is_number(number):
                raise ValueError(f"not a 10-digit number: {number!r}")
        if not self._cleaned:
            self.remove_stale_temps()
            self._cleaned = True
        self.ensure_layout()
        self._replace_all(self.root / SOUNDS_DIR, {f"{name}.wav": data for name, data in sounds.items()}, "sound")
        self._replace_all(self.root / NUMBERS_DIR, {f"{n}.conf": data for n, data in numbers.items()}, "number")
        if removed:
            for number in removed:
                self._step(f"remove:{number}")
                self.number_path(number).unlink(missing_ok=True)
            fsync_dir(self.root / NUMBERS_DIR)
