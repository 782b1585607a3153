"""Alembic migrations of the local store (run programmatically by :mod:`pbxdesk.store.database`)."""
