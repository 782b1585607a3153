"""Alembic environment of the provisioning service: runs on the connection handed over by
:func:`pbxdesk.server.database.upgrade` (no ini file, no URL of its own)."""

from __future__ import annotations

from alembic import context

from pbxdesk.server.database import VERSION_TABLE
from pbxdesk.server.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
