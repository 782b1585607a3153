"""Opening a profile's database and the transaction helpers the operation mixins share."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import ColumnElement, insert, literal, select, update
from sqlalchemy.engine import Connection

from pbxdesk.domain.phone import normalize_number
from pbxdesk.store.database import make_engine, migrate
from pbxdesk.store.disk import diagnose, is_disk_error
from pbxdesk.store.errors import ProfileUnavailable, StoreError, UnknownNumberError
from pbxdesk.store.profile import database_path, resolve_profile_dir
from pbxdesk.store.tables import NUMBERS, OUTBOX

N = NUMBERS
O = OUTBOX  # noqa: E741


class StoreBase:
    def __init__(self, profile_dir: Path | str, *, read_only: bool = False, create: bool = True) -> None:
        """Open the profile, creating and migrating it as needed. ``create=False``: a missing profile is not
        created (``ProfileUnavailable("missing")``). ``read_only`` (for commands that only read; implies
        ``create=False``): a profile whose disk cannot be written (full, read-only) is still read, from a
        consistent snapshot (:mod:`pbxdesk.store.snapshot`). Any trouble with the disk is a
        :class:`ProfileUnavailable` saying what it is."""
        self.profile_dir = Path(profile_dir)
        self.path = database_path(self.profile_dir)
        self.read_only = False
        self._snapshot: Path | None = None
        if (read_only or not create) and not self.path.is_file():
            raise ProfileUnavailable("missing", str(self.profile_dir))
        try:
            self._open()
        except StoreError:
            raise
        except Exception as exc:
            if not is_disk_error(exc):
                raise
            trouble = diagnose(self.profile_dir, exc)
            if not (read_only and trouble.reason in ("full", "read_only", "io")):
                raise trouble from exc
            self._open_snapshot(trouble)
        self._wengine = self._engine.execution_options(sqlite_immediate=True)
        self._identity = None if self.read_only else self._file_identity()
        self.writes = 0  # write transactions committed (a caller can tell that the disk took one)

    def _open(self) -> None:
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        self._engine = make_engine(self.path)
        try:
            self.backup_path = migrate(self.path, self._engine)
            with self._engine.connect():
                pass  # the first connection sets WAL mode: a disk that cannot take it fails here, not later
        except BaseException:
            self._engine.dispose()
            raise

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_present(self) -> None:
        """The file this store opened is still the profile's file. A profile removed (or its drive
        disconnected) while open would otherwise take writes into a deleted file and lose them on close."""
        if self._identity is not None and self._file_identity() != self._identity:
            raise ProfileUnavailable("gone", str(self.profile_dir))

    def _open_snapshot(self, trouble: ProfileUnavailable) -> None:
        """Read what is committed although the disk cannot be written (see :mod:`pbxdesk.store.snapshot`)."""
        from pbxdesk.store.snapshot import open_snapshot

        self._engine, self._snapshot = open_snapshot(self.path, trouble)
        self.backup_path = None
        self.read_only = True

    @classmethod
    def open(cls, profile_dir: Path | str | None = None, *, read_only: bool = False, create: bool = True) -> Self:
        """Open (create, back up, migrate) the profile at ``profile_dir``; None resolves it from
        ``PBXDESK_HOME`` or the platform data directory. ``read_only``, ``create``: see ``__init__``."""
        return cls(resolve_profile_dir(None) if profile_dir is None else Path(profile_dir), read_only=read_only,
                   create=create)

    def close(self) -> None:
        self._engine.dispose()
        if self._snapshot is not None:
            import shutil

            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE); committed, i.e. fsynced, when the block ends. A disk that
        cannot take it raises :class:`ProfileUnavailable`, and the transaction left nothing behind."""
        if self.read_only:
            raise ProfileUnavailable("read_only", str(self.profile_dir))
        self._check_present()
        try:
            with self._wengine.begin() as conn:
                yield conn
        except Exception as exc:
            if is_disk_error(exc):
                raise diagnose(self.profile_dir, exc) from exc
            raise
        self._check_present()  # removed while writing: the commit went into the removed file
        self.writes += 1

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read snapshot (deferred BEGIN), rolled back at the end."""
        self._check_present()
        try:
            with self._engine.connect() as conn:
                yield conn
        except Exception as exc:
            if is_disk_error(exc):
                raise diagnose(self.profile_dir, exc) from exc
            raise

    def _require(self, conn: Connection, num: str) -> None:
        if conn.execute(select(N.c.number).where(N.c.number == num)).first() is None:
            raise UnknownNumberError(num)

    def _column(self, number: str, column: ColumnElement[Any]) -> Any:
        with self._read() as conn:
            return conn.execute(select(column).where(N.c.number == normalize_number(number))).scalar()

    @staticmethod
    def _queue(conn: Connection, num: str, text: str, revision: int | None, now: float) -> None:
        """Upsert the number's one outbox row; a new payload gets a new idempotency key and fresh retries."""
        old = conn.execute(select(O.c.payload == literal(text)).where(O.c.number == num)).first()
        if old is not None and old[0]:
            conn.execute(update(O).where(O.c.number == num).values(base_revision=revision))
            return
        values = dict(operation="put", payload=text, base_revision=revision, idempotency_key=str(uuid.uuid4()),
                      attempts=0, next_retry_at=None, last_error=None, created_at=now)
        if old is None:
            conn.execute(insert(O).values(number=num, **values))
        else:
            conn.execute(update(O).where(O.c.number == num).values(**values))
