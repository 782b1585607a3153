"""A fast, read-only first look at a profile for the start of the app: stdlib ``sqlite3`` only.

The main window shows the numbers list before SQLAlchemy, alembic and the domain models are even imported
(they take about half a second). These readers answer only from a file already at the newest schema
revision; anything else (no file, an older or newer file, a locked or damaged one) answers ``None`` and
the app takes the normal path through :class:`pbxdesk.store.Store`, which migrates and reports errors.
Nothing is ever written here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

from pbxdesk.store.list_rows import NumberSummary, ProfileInfo
from pbxdesk.store.profile import database_path, resolve_profile_dir

WITHDRAWN = "withdrawn"  # the sync state of a number the company no longer has (pbxdesk.store.withdrawn)
DEMO_SUBDIR = "demo"  # where the demo profile lives inside the base one (see chosen_profile)
SCHEMA_HEAD = "0005"  # the newest migration (database.py migrates to it); a test checks it is alembic's head


def _connect(profile_dir: Path) -> sqlite3.Connection | None:
    path = database_path(profile_dir)
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != SCHEMA_HEAD:
        con.close()
        return None
    return con


def _profile(con: sqlite3.Connection) -> ProfileInfo:
    row = con.execute("SELECT server_url, company, is_demo FROM profile WHERE id = 1").fetchone()
    return ProfileInfo(None, None, False) if row is None else ProfileInfo(row[0], row[1], bool(row[2]))


def _numbers(con: sqlite3.Connection) -> list[NumberSummary]:
    rows = con.execute(
        "SELECT number, name, schedule_mode, sync_state, draft_updated_at IS NOT NULL, revision, sync_message "
        "FROM numbers ORDER BY number").fetchall()
    make = NumberSummary._make
    return [make((r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6])) for r in rows]


def read_profile(profile_dir: Path) -> ProfileInfo | None:
    """Server URL, company and demo flag of the profile at ``profile_dir`` (None: ask the Store)."""
    con = _connect(profile_dir)
    if con is None:
        return None
    try:
        return _profile(con)
    except sqlite3.Error:
        return None
    finally:
        con.close()


def read_numbers(profile_dir: Path) -> list[NumberSummary] | None:
    """The numbers list exactly as ``Store.list_numbers()`` gives it (None: ask the Store)."""
    con = _connect(profile_dir)
    if con is None:
        return None
    try:
        return _numbers(con)
    except sqlite3.Error:
        return None
    finally:
        con.close()


class QuickStart(NamedTuple):
    base_dir: Path
    profile_dir: Path
    is_demo: bool
    rows: list[NumberSummary]


def chosen_profile(base: Path, info: ProfileInfo | None) -> tuple[Path, bool]:
    """``(profile dir, is demo)`` for the base profile ``base`` holding ``info`` (None: no file yet): the base
    profile when it names a real server, else its demo profile. The one rule both starts follow."""
    is_demo = info is None or not info.server_url or info.is_demo
    return (base / DEMO_SUBDIR if is_demo else base), is_demo


def quick_start(cli_value: str | None) -> QuickStart | None:
    """Which profile the app opens (``chosen_profile``, as :func:`pbxdesk.app.startup.open_profile`
    decides it) and its numbers list; None when that cannot be answered from files already at the newest
    revision (a file to migrate, or a damaged one: the normal path handles both)."""
    base = resolve_profile_dir(cli_value)
    has_base_file = database_path(base).is_file()
    con = _connect(base) if has_base_file else None
    if has_base_file and con is None:
        return None
    try:
        profile, is_demo = chosen_profile(base, _profile(con) if con is not None else None)
        rows = _numbers(con) if profile == base and con is not None else read_numbers(profile)
    except sqlite3.Error:
        return None
    finally:
        if con is not None:
            con.close()
    return None if rows is None else QuickStart(base, profile, is_demo, rows)


class QuickReader:
    """Reads of a profile at the newest revision with stdlib ``sqlite3``, answering as the :class:`Store`
    methods of the same names do (the numbers list, a number's draft and saved document, whether it is
    withdrawn and keeps an edit, the directory, the saved texts): what the first screen needs, while the
    real store (SQLAlchemy and alembic) is still being opened. ``open(profile_dir)`` is None when the file cannot be read this way (the store then
    answers). One reader belongs to one thread; nothing is ever written."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    @classmethod
    def open(cls, profile_dir: Path) -> QuickReader | None:
        con = _connect(profile_dir)
        return None if con is None else cls(con)

    def close(self) -> None:
        self._con.close()

    def _column(self, number: str, column: str) -> str | None:
        from pbxdesk.domain.phone import normalize_number

        row = self._con.execute(f"SELECT {column} FROM numbers WHERE number = ?",
                                (normalize_number(number),)).fetchone()
        return None if row is None else row[0]

    def list_numbers(self) -> list[NumberSummary]:
        return _numbers(self._con)

    def is_withdrawn(self, number: str) -> bool:
        return self._column(number, "sync_state") == WITHDRAWN

    def has_kept_edit(self, number: str) -> bool:
        """A withdrawn number with an edit that never reached the server (a queued save or a draft)."""
        from pbxdesk.domain.phone import normalize_number

        row = self._con.execute(
            "SELECT n.sync_state, n.draft_json IS NOT NULL, "
            "EXISTS (SELECT 1 FROM outbox o WHERE o.number = n.number) FROM numbers n WHERE n.number = ?",
            (normalize_number(number),)).fetchone()
        return row is not None and row[0] == WITHDRAWN and (bool(row[1]) or bool(row[2]))

    def load_draft(self, number: str) -> Any | None:
        import json

        text = self._column(number, "draft_json")
        return None if text is None else json.loads(text)

    def get_saved(self, number: str) -> Any | None:
        from pbxdesk.store.codec import text_doc

        return text_doc(self._column(number, "saved_json"))

    def saved_texts(self) -> dict[str, str]:
        rows = self._con.execute("SELECT number, saved_json FROM numbers WHERE saved_json IS NOT NULL").fetchall()
        return {r[0]: r[1] for r in rows}

    def get_directory(self) -> Any | None:
        import json

        from pbxdesk.domain.models import Directory

        row = self._con.execute("SELECT data_json FROM directory_cache WHERE id = 1").fetchone()
        return None if row is None else Directory.model_validate(json.loads(row[0]))
