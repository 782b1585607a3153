"""The alembic migrations build exactly the tables the code uses, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from server_helpers import create_pg_database, drop_pg_database, pg_admin_url

from pbxdesk.server.database import VERSION_TABLE, open_engine, upgrade
from pbxdesk.server.tables import metadata


def _check(engine) -> None:  # type: ignore[no-untyped-def]
    upgrade(engine)  # a second run is a no-op
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        diff = [d for d in compare_metadata(context, metadata)
                if not (d[0] == "remove_table" and d[1].name == VERSION_TABLE)]
        version = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
    assert diff == [] and version == "0004"


def test_migrations_match_the_tables_on_sqlite(tmp_path: Path) -> None:
    engine = open_engine(tmp_path)
    try:
        _check(engine)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_migrations_match_the_tables_on_postgres() -> None:
    try:
        pg_admin_url()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    url, name = create_pg_database()
    try:
        engine = open_engine(Path("."), url)
        _check(engine)
        engine.dispose()
    finally:
        drop_pg_database(name)
