"""SQLAlchemy 2.x models of the local store, as of the newest schema revision (alembic ``head``).

The migrations under ``pbxdesk/store/migrations/versions`` create and change these tables; this module
only describes the current shape for queries.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SYNC_STATES = ("synced", "changed", "conflict", "error", "withdrawn")


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    """The one row of the profile: which server and company this local store mirrors."""

    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str | None] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class NumberRow(Base):
    """A phone number: saved document, draft (raw JSON, valid or not), base for merges, sync state."""

    __tablename__ = "numbers"
    number: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="", nullable=False)
    schedule_mode: Mapped[str] = mapped_column(String(16), default="always", nullable=False)
    saved_json: Mapped[str | None] = mapped_column(Text)
    draft_json: Mapped[str | None] = mapped_column(Text)
    draft_updated_at: Mapped[float | None] = mapped_column(Float)
    revision: Mapped[int | None] = mapped_column(Integer)
    base_json: Mapped[str | None] = mapped_column(Text)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced", nullable=False)
    sync_message: Mapped[str | None] = mapped_column(Text)
    theirs_json: Mapped[str | None] = mapped_column(Text)
    theirs_revision: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    # revision 0002: lower-cased "number name" for case-insensitive search (SQLite lower() is ASCII only)
    search_text: Mapped[str] = mapped_column(Text, default="", nullable=False)

    # revision 0003: the numbers list as an index-only scan ("has a draft" = draft_updated_at is set, which
    # the store keeps true: it sets and clears it together with draft_json)
    __table_args__ = (
        Index("ix_numbers_sync_state", "sync_state"),
        Index("ix_numbers_list", "number", "name", "schedule_mode", "sync_state", "draft_updated_at", "revision",
              "sync_message"),
    )


class OutboxRow(Base):
    """An unsynced operation; at most one per number (unique), carrying the latest saved document."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation: Mapped[str] = mapped_column(String(16), nullable=False)
    number: Mapped[str] = mapped_column(String(10), ForeignKey("numbers.number", ondelete="CASCADE"),
                                        unique=True, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    base_revision: Mapped[int | None] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(36), nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    next_retry_at: Mapped[float | None] = mapped_column(Float)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[float] = mapped_column(Float, nullable=False)


class DirectoryRow(Base):
    """The one row of the directory cache (employees and departments as the server sent them)."""

    __tablename__ = "directory_cache"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    data_json: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[float] = mapped_column(Float, nullable=False)


class MediaRow(Base):
    """A known media file: id (SHA-256 of the original), duration, local master copy if any."""

    __tablename__ = "media_index"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    duration_s: Mapped[float | None] = mapped_column(Float)
    local_path: Mapped[str | None] = mapped_column(Text)


class SyncCursorRow(Base):
    """The one row holding the cursor of ``GET /changes`` the sync engine continues from."""

    __tablename__ = "sync_cursor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)


class DeployStatusRow(Base):
    """Revision 0004: a number not live on every Asterisk node at the last sync (state ``pending`` or
    ``failed``), with the nodes that lack it and their messages (JSON list of {node, status, message})."""

    __tablename__ = "deploy_status"
    number: Mapped[str] = mapped_column(String(10), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    live_on: Mapped[int] = mapped_column(Integer, nullable=False)
    nodes_total: Mapped[int] = mapped_column(Integer, nullable=False)
    nodes_json: Mapped[str] = mapped_column(Text, nullable=False)
    checked_at: Mapped[float] = mapped_column(Float, nullable=False)


class NumberProblemsRow(Base):
    """Revision 0005: how many problems each number's revision had against the company directory at the
    last sync that read them (``GET /numbers``; 0: none)."""

    __tablename__ = "number_problems"
    number: Mapped[str] = mapped_column(String(10), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    problems: Mapped[int] = mapped_column(Integer, nullable=False)


def _table(cls: type[Base]) -> Table:
    return cast(Table, cls.__table__)


# Core table objects for queries (the store uses SQLAlchemy Core statements on these)
NUMBERS = _table(NumberRow)
OUTBOX = _table(OutboxRow)
PROFILE = _table(ProfileRow)
DIRECTORY = _table(DirectoryRow)
MEDIA = _table(MediaRow)
SYNC_CURSOR = _table(SyncCursorRow)
DEPLOY_STATUS = _table(DeployStatusRow)
NUMBER_PROBLEMS = _table(NumberProblemsRow)
