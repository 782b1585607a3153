"""Schema migrations: a new profile, an upgrade of a previous-version file with data, a newer file refused."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pbxdesk.store import Store, StoreVersionError
from pbxdesk.store.database import SCHEMA_HEAD, alembic_head, make_engine, migrate

MAIN = "4952302222"


def _q(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_head_constant_matches_the_migrations():
    assert SCHEMA_HEAD == alembic_head()


def test_new_profile_gets_the_newest_schema_and_no_backup(profile):
    s = Store.open(profile)
    db = profile / "pbxdesk.sqlite3"
    assert _q(db, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    tables = {r[0] for r in _q(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"profile", "numbers", "outbox", "directory_cache", "media_index", "sync_cursor"} <= tables
    assert s.backup_path is None and list(profile.glob("*.bak-*")) == []
    s.close()


def _previous_version_profile(profile: Path, make_doc) -> Path:
    """A profile written by the previous release (schema 0001) holding a saved number, a draft and an
    outbox row."""
    profile.mkdir(parents=True)
    db = profile / "pbxdesk.sqlite3"
    engine = make_engine(db)
    migrate(db, engine, target="0001")
    engine.dispose()
    text = make_doc(name="ГЛАВНЫЙ Офис").model_dump_json()
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO numbers (number, name, schedule_mode, saved_json, draft_json, revision, base_json,"
                    " sync_state, updated_at) VALUES (?, ?, 'weekly', ?, '{\"half\": 1}', 2, ?, 'changed', 0)",
                    (MAIN, "ГЛАВНЫЙ Офис", text, text))
        con.execute("INSERT INTO outbox (operation, number, payload, base_revision, idempotency_key, attempts,"
                    " created_at) VALUES ('put', ?, ?, 2, 'key-1', 1, 0)", (MAIN, text))
    con.close()
    return db


def test_upgrade_of_a_previous_version_keeps_data_and_backs_up(profile, make_doc):
    db = _previous_version_profile(profile, make_doc)
    assert _q(db, "SELECT version_num FROM alembic_version") == [("0001",)]
    s = Store.open(profile)
    assert s.backup_path == profile / "pbxdesk.sqlite3.bak-0001"
    assert _q(s.backup_path, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert _q(s.backup_path, "SELECT number FROM numbers") == [(MAIN,)]
    assert _q(db, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    # the new column was filled for existing rows: case-insensitive Cyrillic search works on old data
    assert [n.number for n in s.list_numbers(search="главный офис")] == [MAIN]
    assert s.load_draft(MAIN) == {"half": 1}
    [item] = s.outbox_items()
    assert (item.idempotency_key, item.attempts, item.base_revision) == ("key-1", 1, 2)
    indexes = {r[0] for r in _q(db, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_numbers_sync_state" in indexes
    s.close()
    again = Store.open(profile)  # already at the newest: no second backup, nothing changes
    assert again.backup_path is None
    again.close()


def _newer_profile(profile: Path) -> Path:
    Store.open(profile).close()
    db = profile / "pbxdesk.sqlite3"
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.close()
    return db


def test_a_database_from_a_newer_version_is_refused_untouched(profile):
    db = _newer_profile(profile)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(StoreVersionError) as refused:
        Store.open(profile)
    assert "0099_future" in refused.value.message("en") and "newer pbxdesk" in refused.value.message("en")
    assert "более новой версией" in refused.value.message("ru")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert list(profile.glob("*.bak-*")) == []


def test_cli_refuses_a_newer_database_with_one_line(profile):
    _newer_profile(profile)
    run = subprocess.run([sys.executable, "-m", "pbxdesk", "numbers", "--profile", str(profile)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "newer pbxdesk" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
