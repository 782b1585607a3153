"""Opening a profile's database and the transaction helpers the operation mixins share."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import ColumnElement, insert, literal, select, update
from sqlalchemy.engine import Connection

from pbxdesk.domain.phone import normalize_number
from pbxdesk.store.database import make_engine, migrate
from pbxdesk.store.errors import UnknownNumberError
from pbxdesk.store.profile import database_path, resolve_profile_dir
from pbxdesk.store.tables import NUMBERS, OUTBOX

N = NUMBERS
O = OUTBOX  # noqa: E741


class StoreBase:
    def __init__(self, profile_dir: Path | str) -> None:
        self.profile_dir = Path(profile_dir)
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        self.path = database_path(self.profile_dir)
        self._engine = make_engine(self.path)
        try:
            self.backup_path = migrate(self.path, self._engine)
        except BaseException:
            self._engine.dispose()
            raise
        self._wengine = self._engine.execution_options(sqlite_immediate=True)

    @classmethod
    def open(cls, profile_dir: Path | str | None = None) -> Self:
        """Open (create, back up, migrate) the profile at ``profile_dir``; None resolves it from
        ``PBXDESK_HOME`` or the platform data directory."""
        return cls(resolve_profile_dir(None) if profile_dir is None else Path(profile_dir))

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE); committed, i.e. fsynced, when the block ends."""
        with self._wengine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read snapshot (deferred BEGIN), rolled back at the end."""
        with self._engine.connect() as conn:
            yield conn

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
