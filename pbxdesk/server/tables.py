"""Tables of the provisioning service (its own database, separate from the desktop's local store).

Times are ISO 8601 UTC strings so that SQLite and PostgreSQL store and return exactly the same text.
The ``companies.change_seq`` column is both the change-feed counter and the per-company writer lock:
every write transaction locks that row first (``SELECT ... FOR UPDATE`` on PostgreSQL, ``BEGIN
IMMEDIATE`` on SQLite), so change numbers of one company commit in increasing order.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

EMPTY_DIRECTORY = '{"employees": [], "departments": []}'

companies = Table(
    "companies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("change_seq", BigInteger, nullable=False, server_default="0"),
    Column("directory", Text, nullable=False, server_default=EMPTY_DIRECTORY),
    Column("directory_revision", Integer, nullable=False, server_default="0"),
)

tokens = Table(
    "tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40), nullable=True),
)

numbers = Table(
    "numbers", metadata,
    Column("number", String(10), primary_key=True),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("document", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

revisions = Table(
    "revisions", metadata,
    Column("number", String(10), ForeignKey("numbers.number"), primary_key=True),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False),
    Column("document", Text, nullable=False),
    Column("saved_at", String(40), nullable=False),
    Column("author", String(200), nullable=False),
    Column("deploy_ok", Boolean, nullable=True),
    Column("deploy_message", Text, nullable=True),
    Column("deployed_at", String(40), nullable=True),
)

media = Table(
    "media", metadata,
    Column("company_id", Integer, ForeignKey("companies.id"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("duration_s", Float, nullable=False),
    Column("filename", Text, nullable=True),
    Column("created_at", String(40), nullable=False),
)

changes = Table(
    "changes", metadata,
    Column("company_id", Integer, ForeignKey("companies.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),
    Column("item_id", String(100), nullable=False),
    Column("revision", Integer, nullable=True),
    Column("deleted", Boolean, nullable=False),
    Column("created_at", String(40), nullable=False),
)

idempotency = Table(
    "idempotency_keys", metadata,
    Column("company_id", Integer, ForeignKey("companies.id"), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("headers", Text, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("created_at", String(40), nullable=False),
)

Index("ix_revisions_company", revisions.c.company_id)


def utcnow() -> str:
    """Now as ISO 8601 UTC text with milliseconds, e.g. ``2026-11-25T20:30:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
