"""The local store of a profile: the operations the Qt layer and the CLI call.

Every change of a number's saved document, draft and outbox row happens in one SQLite transaction
(``BEGIN IMMEDIATE`` ... ``COMMIT`` with ``synchronous=FULL``), so when a method returns, the change is on
disk, and a crash at any moment leaves either all of it or none of it. Methods are safe to call from any
one thread at a time per ``Store`` (the GUI should call them off its main thread); several processes may
open the same profile. Sync-engine operations are in :class:`~pbxdesk.store.sync_ops.SyncOps`, profile,
directory, media and cursor in :class:`~pbxdesk.store.meta_ops.MetaOps`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, literal, select, update
from sqlalchemy.engine import Connection

from pbxdesk.domain.defaults import copy_settings as copy_document_settings
from pbxdesk.domain.document import dumps, load_path
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import normalize_number
from pbxdesk.domain.problems import Problem, has_errors
from pbxdesk.domain.validation import number_mismatch, validate_data, validate_document
from pbxdesk.store.base import StoreBase
from pbxdesk.store.codec import as_data, as_doc, doc_text, raw_text, search_text, text_doc
from pbxdesk.store.errors import SaveRefusedError, UnknownNumberError
from pbxdesk.store.meta_ops import MetaOps
from pbxdesk.store.problem_ops import ProblemOps
from pbxdesk.store.records import NumberSummary, PendingChange
from pbxdesk.store.summary import describe_changes
from pbxdesk.store.sync_ops import SyncOps
from pbxdesk.store.tables import NUMBERS, OUTBOX
from pbxdesk.store.withdrawn import WITHDRAWN, WithdrawnNumberError, WithdrawnOps

N = NUMBERS
O = OUTBOX  # noqa: E741


class Store(SyncOps, WithdrawnOps, MetaOps, ProblemOps, StoreBase):
    """A profile's database. ``Store(profile_dir)`` or ``Store.open(profile_dir)`` creates the directory
    and file if needed, backs the file up and migrates it (``StoreVersionError`` for a newer file).

    Numbers are passed in any form an administrator types (``+7 (495) 230-22-22``) and stored as 10 digits.
    """

    # ----------------------------------------------------------------- reading
    def list_numbers(self, search: str | None = None, state: str | None = None) -> list[NumberSummary]:
        """All numbers ordered by number; ``search`` matches number or name, case-insensitively (digits of
        a typed number such as ``+7 495`` match too); ``state`` is one of synced/changed/conflict/error/withdrawn."""
        q = select(N.c.number, N.c.name, N.c.schedule_mode, N.c.sync_state, N.c.draft_updated_at.is_not(None),
                   N.c.revision, N.c.sync_message).order_by(N.c.number)
        if state:
            q = q.where(N.c.sync_state == state)
        if search and search.strip():
            needle = search.strip().casefold()
            digits = "".join(ch for ch in needle if ch.isdigit())
            cond = func.instr(N.c.search_text, needle) > 0
            if digits and len(digits) >= 3 and not any(ch.isalpha() for ch in needle):
                cond = cond | (func.instr(N.c.number, digits[1:] if len(digits) == 11 else digits) > 0)
            q = q.where(cond)
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [NumberSummary(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]

    def summary(self, number: str) -> NumberSummary:
        """The list line of one number (``UnknownNumberError`` if absent)."""
        num = self._num(number)
        q = select(N.c.number, N.c.name, N.c.schedule_mode, N.c.sync_state, N.c.draft_updated_at.is_not(None),
                   N.c.revision, N.c.sync_message).where(N.c.number == num)
        with self._read() as conn:
            r = conn.execute(q).first()
        if r is None:
            raise UnknownNumberError(num)
        return NumberSummary(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6])

    def has_number(self, number: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(N.c.number).where(N.c.number == self._num(number))).first() is not None

    def get_saved(self, number: str) -> RoutingDocument | None:
        """The saved document (what is or will be on the server); None for an unknown number."""
        return text_doc(self._column(number, N.c.saved_json))

    def saved_texts(self) -> dict[str, str]:
        """The canonical saved text of every number that has one, in one query (callers that keep parsed
        documents compare texts to know which changed)."""
        with self._read() as conn:
            rows = conn.execute(select(N.c.number, N.c.saved_json).where(N.c.saved_json.is_not(None))).all()
        return {r[0]: r[1] for r in rows}

    def load_draft(self, number: str) -> Any | None:
        """The draft as raw JSON data (it may be invalid or incomplete); None when there is no draft."""
        import json

        text = self._column(number, N.c.draft_json)
        return None if text is None else json.loads(text)

    # ----------------------------------------------------------------- drafts
    def save_draft(self, number: str, data: Any) -> None:
        """Autosave: store the working copy as it is, valid or not. Durable when this returns."""
        num, text = self._num(number), raw_text(as_data(data))
        with self._write() as conn:
            self._require(conn, num)
            conn.execute(update(N).where(N.c.number == num).values(draft_json=text, draft_updated_at=time.time()))

    def discard_draft(self, number: str) -> None:
        """Drop the working copy; the saved document is unchanged."""
        num = self._num(number)
        with self._write() as conn:
            self._require(conn, num)
            conn.execute(update(N).where(N.c.number == num).values(draft_json=None, draft_updated_at=None))

    # ----------------------------------------------------------------- saving
    def save(self, number: str, doc_or_data: RoutingDocument | Any, directory: Directory | None = None,
             *, create: bool = False) -> list[Problem]:
        """"Save changes" (R14): validate; with errors nothing is written and the problems are returned.
        Otherwise, in one transaction: the saved document becomes the canonical form, the draft is cleared,
        the state becomes ``changed`` (``conflict`` stays) and the outbox holds one ``put`` with this
        document (a new idempotency key whenever the payload changes). Saving back exactly the last synced
        document clears the pending change instead. ``directory`` defaults to the cached one.
        ``create=True`` adds a number that is not in the profile. Returns the problems (warnings only
        when saved); use ``has_errors(result)`` to tell."""
        num = self._num(number)
        problems, doc = self._check(num, doc_or_data, directory)
        if has_errors(problems):
            return problems
        assert doc is not None
        with self._write() as conn:
            if not create:
                self._require(conn, num)
            self._promote(conn, num, doc)
        return problems

    def _check(self, num: str, data: RoutingDocument | Any, directory: Directory | None) -> tuple[list[Problem], RoutingDocument | None]:
        directory = directory or self.get_directory()
        media = self.media_ids() or None
        doc = as_doc(data)
        if doc is None:  # broken structure: the structural problems (validate_data reports just those)
            return validate_data(data, directory, media, num) or [number_mismatch("?", num)], None
        problems = validate_document(doc, directory, media)
        if has_errors(problems):
            return problems, None
        if doc.number != num:
            return problems + [number_mismatch(doc.number, num)], None
        return problems, doc

    def _promote(self, conn: Connection, num: str, doc: RoutingDocument) -> None:
        text, now = doc_text(doc), time.time()
        # compared inside SQLite: a large document is not read back into Python just to compare it
        same_as_base = func.coalesce(N.c.base_json == literal(text), False)
        row = conn.execute(select(same_as_base, N.c.revision, N.c.sync_state).where(N.c.number == num)).first()
        values = dict(saved_json=text, name=doc.name, schedule_mode=doc.schedule.mode, draft_json=None,
                      draft_updated_at=None, updated_at=now, search_text=search_text(num, doc.name))
        if row is None:
            conn.execute(insert(N).values(number=num, sync_state="changed", **values))
            is_base, revision, state = False, None, "changed"
        else:
            is_base, revision, state = row
        if state == WITHDRAWN:
            raise WithdrawnNumberError(num)
        if state != "conflict" and is_base:
            conn.execute(update(N).where(N.c.number == num).values(sync_state="synced", sync_message=None, **values))
            conn.execute(delete(O).where(O.c.number == num))
            return
        new_state = "conflict" if state == "conflict" else "changed"
        conn.execute(update(N).where(N.c.number == num).values(sync_state=new_state, sync_message=None, **values))
        self._queue(conn, num, text, revision, now)

    def copy_settings(self, source: str, targets: list[str],
                      directory: Directory | None = None) -> dict[str, NumberSummary]:
        """R2: copy everything but the number and its name from ``source``'s saved document to each target
        and save them (drafts of the targets are replaced), all in one transaction. Raises
        ``UnknownNumberError`` for a missing number and ``SaveRefusedError`` (nothing written) when a
        result has errors. Returns the new list line of each target."""
        src = self.get_saved(source)
        if src is None:
            raise UnknownNumberError(self._num(source))
        results: dict[str, RoutingDocument] = {}
        refused: dict[str, list[Problem]] = {}
        for target in targets:
            num = self._num(target)
            current = self.get_saved(num)
            if current is None:
                raise UnknownNumberError(num)
            copied = copy_document_settings(src, current)
            problems, doc = self._check(num, copied, directory)
            if doc is None:
                refused[num] = problems
            else:
                results[num] = doc
        if refused:
            raise SaveRefusedError(refused)
        with self._write() as conn:
            for num, doc in results.items():
                self._promote(conn, num, doc)
        return {num: self.summary(num) for num in results}

    def revert(self, number: str) -> None:
        """Back to the last synced document: saved = base, draft and outbox row dropped, state synced.
        A number never synced (no base) is removed from the profile. A withdrawn number drops its kept edit
        and stays withdrawn."""
        num = self._num(number)
        if self.is_withdrawn(num):
            self.discard_kept_edit(num)
            return
        with self._write() as conn:
            self._require(conn, num)
            base = conn.execute(select(N.c.base_json).where(N.c.number == num)).scalar_one()
            conn.execute(delete(O).where(O.c.number == num))
            if base is None:
                conn.execute(delete(N).where(N.c.number == num))
                return
            doc = text_doc(base)
            assert doc is not None
            conn.execute(update(N).where(N.c.number == num).values(
                saved_json=base, draft_json=None, draft_updated_at=None, sync_state="synced", sync_message=None,
                theirs_json=None, theirs_revision=None, name=doc.name, schedule_mode=doc.schedule.mode,
                search_text=search_text(num, doc.name), updated_at=time.time()))

    def pending_changes(self) -> list[PendingChange]:
        """Numbers not in sync (changed, conflict, error) with a per-field summary against the base (a
        withdrawn number's kept edit is not: it goes nowhere, see :mod:`pbxdesk.store.withdrawn`)."""
        q = (select(N.c.number, N.c.name, N.c.sync_state, N.c.revision, N.c.base_json, N.c.saved_json,
                    O.c.attempts, O.c.last_error)
             .select_from(N.outerjoin(O, O.c.number == N.c.number))
             .where(N.c.sync_state.not_in(("synced", WITHDRAWN))).order_by(N.c.number))
        with self._read() as conn:
            rows = conn.execute(q).all()
        out = []
        for num, name, state, rev, base, saved, attempts, last_error in rows:
            mine = text_doc(saved)
            changes = describe_changes(text_doc(base), mine) if mine is not None else []
            out.append(PendingChange(num, name, state, rev, changes, attempts or 0, last_error))
        return out

    # ----------------------------------------------------------------- files
    def import_json(self, path: str | Path, directory: Directory | None = None) -> tuple[str, list[Problem]]:
        """Read a routing document file and save it to the number it names (created when new).
        Returns (number, problems); with errors nothing is written. ``DocumentReadError`` for a file that
        is not JSON."""
        result = load_path(str(path))
        data = result.data
        number = data.get("number") if isinstance(data, dict) else None
        try:
            num = self._num(str(number))
        except ValueError:
            return str(number), result.problems or [number_mismatch(number, "?")]
        return num, self.save(num, data, directory, create=True)

    def export_json(self, number: str, path: str | Path) -> None:
        """Write the saved document, canonical (SPEC §4), to ``path`` (atomically: temp file + rename)."""
        doc = self.get_saved(number)
        if doc is None:
            raise UnknownNumberError(self._num(number))
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(dumps(doc), encoding="utf-8")
        tmp.replace(target)

    @staticmethod
    def _num(number: str) -> str:
        return normalize_number(number)
