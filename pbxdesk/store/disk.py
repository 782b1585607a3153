"""When the profile's disk fails: what went wrong, in words (:class:`~pbxdesk.store.errors.ProfileUnavailable`).

SQLite reports a full disk, a read-only mount, a removed file and a damaged one through a handful of codes
(and a full tmpfs even as a plain I/O error), and the profile's other files (the push journal, the token
file, media) through ``OSError``. :func:`diagnose` turns any of them into one reason by looking at the
error *and* at the profile's directory (does it exist, is its file system read-only, is there space left),
so the CLI prints one line and the app one banner, whichever layer met the problem.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from pbxdesk.domain.text import printable
from pbxdesk.store.errors import ProfileUnavailable, StoreError

# What a failing disk raises; an IntegrityError (a bug, not the disk) is not among them.
DISK_ERRORS: tuple[type[BaseException], ...] = (OSError, sqlite3.OperationalError, sqlite3.DatabaseError,
                                                DBAPIError)
FULL_BELOW_BYTES = 64 * 1024


def is_disk_error(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError):
        return isinstance(exc.orig, sqlite3.OperationalError | sqlite3.DatabaseError) \
            and not isinstance(exc.orig, sqlite3.IntegrityError)
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return False
    return isinstance(exc, DISK_ERRORS)


def _sqlite_name(exc: BaseException) -> str:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return str(getattr(orig, "sqlite_errorname", "") or "")


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def diagnose(profile_dir: Path, exc: BaseException) -> ProfileUnavailable:
    """The reason ``exc`` (met while using the profile at ``profile_dir``) happened."""
    profile_dir = Path(profile_dir)
    where = str(profile_dir)
    name = _sqlite_name(exc)
    code = exc.errno if isinstance(exc, OSError) else None
    detail = printable((str(exc.orig) if isinstance(exc, DBAPIError) else str(exc)) or type(exc).__name__, 200)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or name.startswith(("SQLITE_BUSY_", "SQLITE_LOCKED_")):
        return ProfileUnavailable("busy", where)
    if name == "SQLITE_READONLY_DBMOVED":
        return ProfileUnavailable("gone", where)
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or name.startswith("SQLITE_CORRUPT_"):
        return ProfileUnavailable("damaged", where, detail)
    if code == errno.EROFS or code in (errno.EACCES, errno.EPERM):
        return ProfileUnavailable("read_only", where)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return ProfileUnavailable("full", where)
    if code == errno.ENOENT or not profile_dir.is_dir():
        return ProfileUnavailable("gone", where)
    if _read_only_fs(profile_dir):
        return ProfileUnavailable("read_only", where)
    free = _free_bytes(profile_dir)
    if name == "SQLITE_FULL" or (free is not None and free < FULL_BELOW_BYTES):
        return ProfileUnavailable("full", where)
    if name.startswith("SQLITE_READONLY") or not os.access(profile_dir, os.W_OK):
        return ProfileUnavailable("read_only", where)
    return ProfileUnavailable("io", where, detail)


def profile_trouble(profile_dir: Path, exc: BaseException) -> StoreError | None:
    """What a failure met while working on a profile means for its disk: a store error as it is, an OSError
    of the profile's other files (the push journal, conflict choices, media) diagnosed; None for anything
    else (a bug, the network)."""
    if isinstance(exc, StoreError):
        return exc
    if is_disk_error(exc):
        return diagnose(Path(profile_dir), exc)
    return None
