"""Alembic environment: always runs on the connection :mod:`pbxdesk.store.database` hands over."""

from __future__ import annotations

from alembic import context

from pbxdesk.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when alembic is run by hand
    raise RuntimeError("run migrations through pbxdesk.store.database.migrate()")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
