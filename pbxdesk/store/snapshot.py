"""Reading a profile whose disk cannot be written (full, or mounted read-only).

SQLite in WAL mode needs to write even to read (its ``-shm`` index, and the ``-wal`` file when none is
there), so on such a disk a plain open fails and the profile could not even be listed. What is committed is
all on disk, though, in two possible places:

* **no WAL content** (the last program closed the profile cleanly, so every commit is in the main file):
  the main file is opened ``immutable`` — SQLite reads it as it is and writes nothing at all;
* **WAL content** (a program still has the profile open, or stopped without closing it): the committed
  transactions are partly in ``-wal``; the main file and the WAL are copied to a temporary directory
  (usually another disk) and the copy is opened, so SQLite folds the WAL in there and shows everything
  committed. The copy is removed when the store closes.

Either way the store is read-only (``Store.read_only``): a write raises ``ProfileUnavailable``.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine

from pbxdesk.store.errors import ProfileUnavailable, StoreVersionError
from pbxdesk.store.quick_read import SCHEMA_HEAD


def _engine(path: Path, immutable: bool) -> Engine:
    uri = f"file:{quote(str(path))}?{'immutable=1' if immutable else 'mode=rw'}"

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        con.execute("PRAGMA query_only = ON")
        return con

    return create_engine("sqlite://", creator=connect)


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first()
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first() if has else None
    return None if row is None else str(row[0])


def open_snapshot(db_path: Path, trouble: ProfileUnavailable) -> tuple[Engine, Path | None]:
    """A read-only engine on everything committed in ``db_path`` (and the temporary copy to remove on close,
    if one was made). ``trouble`` is re-raised when even that is impossible."""
    wal = db_path.with_name(db_path.name + "-wal")
    copy_dir: Path | None = None
    try:
        if wal.is_file() and wal.stat().st_size > 0:
            copy_dir = Path(tempfile.mkdtemp(prefix="pbxdesk-readonly-"))
            shutil.copy2(db_path, copy_dir / db_path.name)
            shutil.copy2(wal, copy_dir / wal.name)
            engine = _engine(copy_dir / db_path.name, immutable=False)
        else:
            engine = _engine(db_path, immutable=True)
        revision = _revision(engine)
    except (OSError, sqlite3.Error) as exc:
        if copy_dir is not None:
            shutil.rmtree(copy_dir, ignore_errors=True)
        raise trouble from exc
    if revision != SCHEMA_HEAD:
        engine.dispose()
        if copy_dir is not None:
            shutil.rmtree(copy_dir, ignore_errors=True)
        from pbxdesk.store.database import known_revisions

        if revision is not None and revision not in known_revisions():
            raise StoreVersionError(str(db_path), revision)
        raise ProfileUnavailable("needs_upgrade", trouble.path)
    return engine, copy_dir
