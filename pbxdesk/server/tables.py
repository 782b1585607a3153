"""Tables of the provisioning service (its own database, separate from the desktop's local store).

Times are ISO 8601 UTC strings so that SQLite and PostgreSQL store and return exactly the same text.
The ``companies.change_seq`` column is both the change-feed counter and the per-company writer lock:
every write transaction locks that row first (``SELECT ... FOR UPDATE`` on PostgreSQL, ``BEGIN
IMMEDIATE`` on SQLite), so change numbers of one company commit in increasing order.

The deployment feed (``deploy_feed``) is server-wide: its ``seq`` comes from the one row of
``deploy_feed_counter``, which a write transaction updates as its last statement (so the row stays locked
only until the commit): feed entries therefore commit in increasing ``seq`` order across all companies and
server processes, and a node agent following the feed never sees ``seq`` N+1 while N is uncommitted.
Nodes (Asterisk servers) report per number and revision: ``deploy_reports`` keeps every distinct outcome,
``deploy_state`` the latest one per node and number.
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
    false,
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
    Column("number", String(10), primary_key=True),  # no foreign key: the history outlives the number
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False),
    Column("document", Text, nullable=False),
    Column("saved_at", String(40), nullable=False),
    Column("author", String(200), nullable=False),
)

revision_media = Table(  # the audio files each revision names: who uses a file, without reading the documents
    "revision_media", metadata,
    Column("number", String(10), primary_key=True),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    Column("media_id", String(64), primary_key=True),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False),
)

media = Table(
    "media", metadata,
    Column("company_id", Integer, ForeignKey("companies.id"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("duration_s", Float, nullable=False),
    Column("filename", Text, nullable=True),
    Column("created_at", String(40), nullable=False),
)

withdrawn_numbers = Table(  # numbers a company no longer has: removed, or moved to another company
    "withdrawn_numbers", metadata,
    Column("company_id", Integer, ForeignKey("companies.id"), primary_key=True),
    Column("number", String(10), primary_key=True),
    Column("reason", String(16), nullable=False),  # "removed" | "moved"
    Column("revision", Integer, nullable=False),  # the company's last revision of it
    Column("withdrawn_at", String(40), nullable=False),
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

media_masters = Table(
    "media_masters", metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the uploaded bytes (the media id)
    Column("duration_s", Float, nullable=False),
    Column("data", LargeBinary, nullable=False),  # the 8 kHz mono 16-bit WAV master
    Column("created_at", String(40), nullable=False),
)

nodes = Table(
    "nodes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40), nullable=True),
    Column("cursor", BigInteger, nullable=True),  # the feed position the node last said it has deployed
    Column("last_seen_at", String(40), nullable=True),
)

deploy_feed = Table(
    "deploy_feed", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # "number" (one number) or "company" (its directory changed)
    Column("number", String(10), nullable=True),
    Column("revision", Integer, nullable=True),  # the number's revision, or the directory revision
    Column("created_at", String(40), nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=false()),  # the number was removed
)

deploy_feed_counter = Table(
    "deploy_feed_counter", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
)

deploy_state = Table(
    "deploy_state", metadata,
    Column("node_id", Integer, ForeignKey("nodes.id"), primary_key=True),
    Column("number", String(10), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("directory_revision", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("message", Text, nullable=False),
    Column("reported_at", String(40), nullable=False),
)

deploy_reports = Table(
    "deploy_reports", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("node_id", Integer, ForeignKey("nodes.id"), nullable=False),
    Column("number", String(10), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("directory_revision", Integer, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("message", Text, nullable=False),
    Column("reported_at", String(40), nullable=False),
)

Index("ix_revisions_company", revisions.c.company_id)
Index("ix_revision_media_company", revision_media.c.company_id, revision_media.c.media_id)
Index("ix_deploy_state_number", deploy_state.c.number)
Index("ix_deploy_reports_number", deploy_reports.c.number, deploy_reports.c.revision)


def utcnow() -> str:
    """Now as ISO 8601 UTC text with milliseconds, e.g. ``2026-11-25T20:30:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
