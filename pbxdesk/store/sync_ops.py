"""What the sync engine calls: server documents in, the outbox out, results of pushes and conflicts.

States: ``synced`` (saved == base, no outbox row), ``changed`` (an outbox row waits), ``error`` (the server
refused the payload for good, e.g. 422; the row stays until the next save or revert), ``conflict`` (the
server has a newer revision changed elsewhere; ``get_theirs`` holds it until ``resolve_conflict``).
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import normalize_number
from pbxdesk.store.base import StoreBase
from pbxdesk.store.codec import doc_text, search_text, text_doc
from pbxdesk.store.errors import UnknownNumberError
from pbxdesk.store.records import OutboxItem
from pbxdesk.store.tables import NUMBERS, OUTBOX

N = NUMBERS
O = OUTBOX  # noqa: E741


def _doc_values(num: str, doc: RoutingDocument, text: str) -> dict[str, Any]:
    return dict(saved_json=text, name=doc.name, schedule_mode=doc.schedule.mode,
                search_text=search_text(num, doc.name), updated_at=time.time())


class SyncOps(StoreBase):
    def apply_server_document(self, number: str, doc: RoutingDocument, revision: int) -> bool:
        """A document pulled from the server. A new number is added as synced. A number with no local
        change (state ``synced``) gets it as saved and base document, unless ``revision`` is not newer
        than what is stored. A number with a local change is left alone (the engine merges or calls
        :meth:`mark_conflict`). A draft is never touched. Returns True when the document was stored."""
        return self.apply_server_documents([(number, doc, revision)])[0]

    def apply_server_documents(self, items: list[tuple[str, RoutingDocument, int]]) -> list[bool]:
        """:meth:`apply_server_document` for many documents in one transaction (a pull stores a batch of the
        numbers it fetched with one fsync instead of one each); whether each was stored, in order."""
        stored = []
        with self._write() as conn:
            for number, doc, revision in items:
                stored.append(self._apply(conn, normalize_number(number), doc, revision))
        return stored

    @staticmethod
    def _apply(conn: Connection, num: str, doc: RoutingDocument, revision: int) -> bool:
        text = doc_text(doc)
        row = conn.execute(select(N.c.sync_state, N.c.revision).where(N.c.number == num)).first()
        if row is None:
            conn.execute(insert(N).values(number=num, base_json=text, revision=revision,
                                          sync_state="synced", **_doc_values(num, doc, text)))
            return True
        state, current = row
        if state != "synced" or (current is not None and revision <= current):
            return False
        conn.execute(update(N).where(N.c.number == num).values(
            base_json=text, revision=revision, sync_message=None, **_doc_values(num, doc, text)))
        return True

    def outbox_items(self, due_at: float | None = None) -> list[OutboxItem]:
        """Pending operations, oldest first. With ``due_at`` (a ``time.time()`` value) only those whose
        retry time has come; rows of numbers in conflict or error are not listed."""
        q = (select(O.c.number, O.c.operation, O.c.payload, O.c.base_revision, O.c.idempotency_key,
                    O.c.attempts, O.c.next_retry_at, O.c.last_error)
             .join(N, N.c.number == O.c.number).where(N.c.sync_state == "changed").order_by(O.c.id))
        if due_at is not None:
            q = q.where((O.c.next_retry_at.is_(None)) | (O.c.next_retry_at <= due_at))
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [OutboxItem(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5], r[6], r[7]) for r in rows]

    def outbox_item(self, number: str) -> OutboxItem | None:
        """The pending operation of one number (in state ``changed``), or None: one indexed look-up, so a
        push that meets many conflicts stays linear."""
        num = normalize_number(number)
        q = (select(O.c.number, O.c.operation, O.c.payload, O.c.base_revision, O.c.idempotency_key,
                    O.c.attempts, O.c.next_retry_at, O.c.last_error)
             .join(N, N.c.number == O.c.number).where(O.c.number == num, N.c.sync_state == "changed"))
        with self._read() as conn:
            r = conn.execute(q).first()
        return None if r is None else OutboxItem(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5], r[6], r[7])

    def revisions(self, numbers: list[str]) -> dict[str, int | None]:
        """The stored revision of each of ``numbers`` that is in the profile (a never-synced number: None);
        reads only those rows (a pull asks per page of the change feed, not for the whole profile)."""
        found: dict[str, int | None] = {}
        with self._read() as conn:
            for start in range(0, len(numbers), 500):
                chunk = numbers[start:start + 500]
                for number, revision in conn.execute(select(N.c.number, N.c.revision).where(N.c.number.in_(chunk))):
                    found[number] = revision
        return found

    def mark_pushed(self, number: str, revision: int, doc: RoutingDocument,
                    idempotency_key: str | None = None) -> None:
        """The server accepted a push and stored ``doc`` as ``revision``. When ``idempotency_key`` names
        a payload that was replaced by a newer save meanwhile, only the base and revision move on (the
        newer save stays queued against the new revision); otherwise the number becomes synced."""
        num, text = normalize_number(number), doc_text(doc)
        with self._write() as conn:
            self._require(conn, num)
            key = conn.execute(select(O.c.idempotency_key).where(O.c.number == num)).scalar()
            if idempotency_key is not None and key is not None and key != idempotency_key:
                conn.execute(update(N).where(N.c.number == num).values(base_json=text, revision=revision))
                conn.execute(update(O).where(O.c.number == num).values(base_revision=revision))
                return
            conn.execute(delete(O).where(O.c.number == num))
            conn.execute(update(N).where(N.c.number == num).values(
                base_json=text, revision=revision, sync_state="synced", sync_message=None,
                theirs_json=None, theirs_revision=None, **_doc_values(num, doc, text)))

    def mark_retry(self, number: str, message: str, retry_at: float) -> None:
        """A push failed for a passing reason (network, 5xx): count the attempt, retry at ``retry_at``."""
        num = normalize_number(number)
        with self._write() as conn:
            conn.execute(update(O).where(O.c.number == num).values(
                attempts=O.c.attempts + 1, last_error=message, next_retry_at=retry_at))

    def mark_error(self, number: str, message: str) -> None:
        """The server refused the saved document for good (e.g. 422): state ``error`` with ``message``;
        the outbox row stays (not retried) until the user saves again or reverts."""
        num = normalize_number(number)
        with self._write() as conn:
            self._require(conn, num)
            conn.execute(update(O).where(O.c.number == num).values(attempts=O.c.attempts + 1, last_error=message))
            conn.execute(update(N).where(N.c.number == num).values(sync_state="error", sync_message=message))

    def mark_conflict(self, number: str, theirs_doc: RoutingDocument, revision: int) -> None:
        """The server has ``theirs_doc`` at ``revision`` and it conflicts with the local change: keep
        both; state ``conflict`` until :meth:`resolve_conflict`."""
        num = normalize_number(number)
        with self._write() as conn:
            self._require(conn, num)
            conn.execute(update(N).where(N.c.number == num).values(
                sync_state="conflict", theirs_json=doc_text(theirs_doc), theirs_revision=revision,
                sync_message=None))

    def get_theirs(self, number: str) -> tuple[RoutingDocument, int] | None:
        """The server's side of a conflict and its revision (None when not in conflict)."""
        num = normalize_number(number)
        with self._read() as conn:
            row = conn.execute(select(N.c.theirs_json, N.c.theirs_revision).where(N.c.number == num)).first()
        if row is None or row[0] is None:
            return None
        doc = text_doc(row[0])
        assert doc is not None
        return doc, int(row[1])

    def resolve_conflict(self, number: str, result: RoutingDocument) -> None:
        """Finish a conflict with ``result`` (mine, theirs or a merge). Theirs becomes the base at its
        revision; when ``result`` equals theirs the number is synced, otherwise ``result`` is saved and
        queued against theirs' revision with a new idempotency key. The draft is left as it is."""
        num, text = normalize_number(number), doc_text(result)
        theirs = self.get_theirs(num)
        if theirs is None:
            raise UnknownNumberError(num) if not self._exists(num) else ValueError(f"{num} is not in conflict")
        theirs_text, theirs_rev = doc_text(theirs[0]), theirs[1]
        with self._write() as conn:
            conn.execute(update(N).where(N.c.number == num).values(
                base_json=theirs_text, revision=theirs_rev, theirs_json=None, theirs_revision=None,
                sync_state="changed", sync_message=None, **_doc_values(num, result, text)))
            conn.execute(delete(O).where(O.c.number == num))
            if text == theirs_text:
                conn.execute(update(N).where(N.c.number == num).values(sync_state="synced"))
            else:
                self._queue(conn, num, text, theirs_rev, time.time())

    def take_merge(self, number: str, theirs_doc: RoutingDocument, revision: int, result: RoutingDocument) -> None:
        """:meth:`mark_conflict` then :meth:`resolve_conflict` with ``result``, in one transaction: the server's
        ``theirs_doc`` at ``revision`` becomes the base, ``result`` (a clean merge, or theirs itself) is saved
        and queued against it with a new key, or the number is synced when ``result`` equals theirs."""
        num, text, theirs_text = normalize_number(number), doc_text(result), doc_text(theirs_doc)
        with self._write() as conn:
            self._require(conn, num)
            conn.execute(update(N).where(N.c.number == num).values(
                base_json=theirs_text, revision=revision, theirs_json=None, theirs_revision=None,
                sync_state="synced" if text == theirs_text else "changed", sync_message=None,
                **_doc_values(num, result, text)))
            conn.execute(delete(O).where(O.c.number == num))
            if text != theirs_text:
                self._queue(conn, num, text, revision, time.time())

    def remove_number(self, number: str, force: bool = False) -> bool:
        """The number was deleted on the server (a ``deleted`` change). It is removed with its outbox row
        when nothing local would be lost; with a pending change or a draft it stays (returns False) unless
        ``force`` — the engine can then :meth:`mark_error` it so the administrator decides."""
        num = normalize_number(number)
        with self._write() as conn:
            row = conn.execute(select(N.c.sync_state, N.c.draft_json.is_not(None)).where(N.c.number == num)).first()
            if row is None:
                return True
            if not force and (row[0] != "synced" or row[1]):
                return False
            conn.execute(delete(N).where(N.c.number == num))
            return True

    def get_base(self, number: str) -> RoutingDocument | None:
        """The last synced document (the base of three-way merges); None for a number never synced."""
        return text_doc(self._column(number, N.c.base_json))

    def _exists(self, num: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(N.c.number).where(N.c.number == num)).first() is not None
