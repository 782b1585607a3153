"""The SQLite engine of a profile and its schema migrations.

Durability settings (see docs/store.md): WAL journal, ``synchronous=FULL`` (every commit is fsynced, so a
commit that returned survives a power cut), foreign keys on, a busy timeout for a second process (the CLI
next to the app). Write transactions start with ``BEGIN IMMEDIATE`` so two writers never deadlock on a
lock upgrade; reads use a deferred ``BEGIN`` and see a consistent snapshot.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from pbxdesk.store.errors import StoreVersionError
from pbxdesk.store.quick_read import SCHEMA_HEAD

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event emit BEGIN itself
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path) -> Engine:
    """An engine with the pragmas above set on every connection."""
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def current_revision(db_path: Path) -> str | None:
    """The alembic revision recorded in the file (None for a new or empty file)."""
    if not db_path.exists():
        return None
    con = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if not has_table:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        con.close()


def backup_file(db_path: Path, revision: str | None) -> Path:
    """A consistent copy of the database (SQLite online backup, WAL content included) next to it:
    ``pbxdesk.sqlite3.bak-<rev>``. Returns its path."""
    target = db_path.with_name(f"{db_path.name}.bak-{revision or 'none'}")
    src = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(db_path: Path, engine: Engine, target: str = "head") -> Path | None:
    """Bring the file to ``target`` (default: the newest schema).

    A file at the newest revision is left alone (fast path, alembic is not even imported). A file from a
    newer pbxdesk raises :class:`StoreVersionError` and is not touched. Otherwise an existing file is
    first copied with :func:`backup_file`, then upgraded in one transaction. Returns the backup path."""
    rev = current_revision(db_path)
    if rev == SCHEMA_HEAD and target == "head":
        return None
    if rev is not None and rev not in known_revisions():
        raise StoreVersionError(str(db_path), rev)
    backup = None
    if db_path.exists() and db_path.stat().st_size > 0 and rev is not None:
        backup = backup_file(db_path, rev)
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:
        # batch mode may rebuild a table; with foreign keys on, dropping the old copy would cascade into
        # the outbox. The pragma only works outside a transaction, so set it before alembic begins one.
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            conn = conn.execution_options(sqlite_immediate=True)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            conn.commit()
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.rollback()
        finally:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    if broken:
        raise RuntimeError(f"migration left dangling references: {broken[:3]}")
    return backup
