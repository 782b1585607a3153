"""Numbers the company no longer has: removed on the server, or moved to another company.

A withdrawn number stays in the profile in state ``withdrawn`` with its last synced document (its history
as this profile knows it). A local edit of it that was never sent (its outbox row, its draft) is *kept*,
never dropped: it is no longer pushed (only ``changed`` numbers are), and can be read and exported
(:meth:`WithdrawnOps.kept_edit`) until the user discards it (:meth:`WithdrawnOps.discard_kept_edit`). A
withdrawn number cannot be saved (:class:`WithdrawnNumberError`). Should the server give the number back
(added or moved back), the sync takes it again like any number with or without a local change
(:meth:`WithdrawnOps.reinstate`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import normalize_number
from pbxdesk.store.base import StoreBase
from pbxdesk.store.codec import text_doc
from pbxdesk.store.errors import StoreError
from pbxdesk.store.tables import NUMBERS, OUTBOX

N = NUMBERS
O = OUTBOX  # noqa: E741
WITHDRAWN = "withdrawn"


class WithdrawnNumberError(StoreError):
    """The number was withdrawn from the company: it is read-only here."""

    def __init__(self, number: str) -> None:
        super().__init__(
            f"Номер {number} изъят у компании: его нельзя изменить; несохранённую правку можно экспортировать "
            f"(pbxdesk get {number} > файл.json)",
            f"The number {number} was withdrawn from the company: it cannot be changed; a kept edit can be "
            f"exported (pbxdesk get {number} > FILE.json)")
        self.number = number


class WithdrawnOps(StoreBase):
    def withdraw(self, number: str) -> bool | None:
        """The server no longer has ``number`` for this company: state ``withdrawn``, everything local kept.
        Returns whether an unsent edit (an outbox row or a draft) was kept; None when the profile does not
        hold the number."""
        num = normalize_number(number)
        with self._write() as conn:
            row = conn.execute(select(N.c.draft_json.is_not(None)).where(N.c.number == num)).first()
            if row is None:
                return None
            queued = conn.execute(select(O.c.id).where(O.c.number == num)).first() is not None
            conn.execute(update(N).where(N.c.number == num).values(
                sync_state=WITHDRAWN, sync_message=None, theirs_json=None, theirs_revision=None))
            return queued or bool(row[0])

    def is_withdrawn(self, number: str) -> bool:
        return bool(self._column(number, N.c.sync_state) == WITHDRAWN)

    def has_kept_edit(self, number: str) -> bool:
        """A withdrawn number with an edit that never reached the server (a queued save or a draft)."""
        num = normalize_number(number)
        with self._read() as conn:
            row = conn.execute(select(N.c.sync_state, N.c.draft_json.is_not(None), O.c.id.is_not(None))
                               .select_from(N.outerjoin(O, O.c.number == N.c.number)).where(N.c.number == num)).first()
        return row is not None and row[0] == WITHDRAWN and (bool(row[1]) or bool(row[2]))

    def kept_edits(self) -> list[str]:
        """Every withdrawn number with a kept edit, in number order."""
        with self._read() as conn:
            rows = conn.execute(select(N.c.number).select_from(N.outerjoin(O, O.c.number == N.c.number))
                                .where(N.c.sync_state == WITHDRAWN,
                                       N.c.draft_json.is_not(None) | O.c.id.is_not(None))
                                .order_by(N.c.number)).scalars()
            return list(rows)

    def kept_edit(self, number: str) -> RoutingDocument | Any | None:
        """What to export of a withdrawn number: its draft (raw JSON data, valid or not) when it has one, else
        its saved document (the queued edit, or the last synced one)."""
        import json

        num = normalize_number(number)
        with self._read() as conn:
            row = conn.execute(select(N.c.draft_json, N.c.saved_json).where(N.c.number == num)).first()
        if row is None:
            return None
        if row[0] is not None:
            return json.loads(row[0])
        return text_doc(row[1])

    def discard_kept_edit(self, number: str) -> None:
        """The user has what they wanted of the edit: drop the queued save and the draft (the number stays
        withdrawn, with its last synced document)."""
        num = normalize_number(number)
        with self._write() as conn:
            self._require(conn, num)
            base = conn.execute(select(N.c.base_json).where(N.c.number == num)).scalar()
            conn.execute(delete(O).where(O.c.number == num))
            values: dict[str, Any] = dict(draft_json=None, draft_updated_at=None)
            if base is not None:
                values["saved_json"] = base
            conn.execute(update(N).where(N.c.number == num, N.c.sync_state == WITHDRAWN).values(**values))

    def reinstate(self, number: str) -> None:
        """The server has the number for this company again: ``changed`` when an edit is queued, else
        ``synced`` (the pull then merges or replaces as for any number)."""
        num = normalize_number(number)
        with self._write() as conn:
            queued = conn.execute(select(O.c.id).where(O.c.number == num)).first() is not None
            conn.execute(update(N).where(N.c.number == num, N.c.sync_state == WITHDRAWN).values(
                sync_state="changed" if queued else "synced"))

    def withdrawn_among(self, numbers: list[str]) -> set[str]:
        """Which of ``numbers`` are withdrawn here (a pull asks per page, for numbers the server has again)."""
        found: set[str] = set()
        with self._read() as conn:
            for start in range(0, len(numbers), 500):
                chunk = numbers[start:start + 500]
                found.update(conn.execute(select(N.c.number).where(N.c.number.in_(chunk),
                                                                   N.c.sync_state == WITHDRAWN)).scalars())
        return found
