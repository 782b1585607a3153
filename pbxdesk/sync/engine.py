"""The sync run: pull the server's changes, then push the outbox.

* Pull reads the change feed from the stored cursor, page by page (the cursor is stored after each page,
  so a crash repeats at most one page, and every step below is idempotent). A number with no local change
  is replaced; a number with a local change is merged three-way against its base
  (:mod:`pbxdesk.domain.merge`); a conflict keeps both versions (state ``conflict``).
* Push sends each outbox operation with ``If-Match`` and its idempotency key; media referenced by a document
  are uploaded first, once per id, and only when the server's library (``GET /media``, read once a run) does
  not have them yet: a greeting used by several numbers is uploaded once. 412 -> merge with the server's document and push the merge (with a new
  key); 422 (or a payload that breaks the rules before it is even sent) -> the number is set aside (state
  ``error`` with the problems, kept in the store until the user saves it again) and the push goes on with
  the others; a 500 for one number -> that number is retried later and the push goes on (several in a row:
  the server is broken, the push stops); no answer, 502-504, 429 -> a retry is scheduled and the push ends
  (the server is away); 401/403 stops the run (log in again). One number never holds the others back.
* Progress goes to a callback ``(done, total, current item)``; ``cancel`` (a ``threading.Event``) is checked
  between items.
* Then the deploy status: the server accepts a change at once and its Asterisk nodes deploy it a moment
  later, so the run ends by reading which numbers are not live on every node yet (``GET /deploy``): kept in
  the store for the numbers list, the editor and ``pbxdesk status``, and in the report
  (:attr:`SyncReport.not_live`). :meth:`SyncEngine.wait_live` waits for given numbers to go live.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from pbxdesk.domain.document import from_dict, to_canonical_dict
from pbxdesk.domain.merge import merge
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import normalize_number
from pbxdesk.domain.text import printable
from pbxdesk.domain.validation import validate_document
from pbxdesk.domain.walk import media_ids
from pbxdesk.store import Store
from pbxdesk.store.records import DeployState, OutboxItem
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.errors import (
    ApiError,
    AuthError,
    MalformedResponse,
    NetworkError,
    NotFound,
    PreconditionFailed,
    Unprocessable,
    Withdrawn,
)
from pbxdesk.sync.journal import PushJournal
from pbxdesk.sync.pipeline import Cancelled, Committer, Progress, Ticker, fetch_numbers
from pbxdesk.sync.problem_counts import read_counts
from pbxdesk.sync.withdrawal import withdraw

PAGE = 500
FETCHERS = 4  # parallel GETs of changed numbers during a pull
APPLY_BATCH = 100  # pulled documents stored per transaction (one fsync)
MAX_RETRY_DELAY_S = 300.0
SERVER_ERRORS_IN_A_ROW = 3  # 500 answers to that many pushes in a row: the server is broken, not one payload


@dataclass
class SyncReport:
    pulled: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    pushed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    media_uploaded: list[str] = field(default_factory=list)
    offline: str | None = None
    auth_error: str | None = None
    cancelled: bool = False
    directory_updated: bool = False
    removed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)  # the company no longer has them (removed or moved)
    kept_edits: list[str] = field(default_factory=list)  # withdrawn ones whose unsent edit stays in the profile
    requests: int = 0
    not_live: list[DeployState] = field(default_factory=list)
    deploy_unknown: str | None = None  # why the deploy status could not be read (None: it was read)
    with_problems: dict[str, int] | None = None  # numbers with problems against the directory (None: not read)

    @property
    def ok(self) -> bool:
        """Nothing left to look at: no conflict, no error, no edit kept of a withdrawn number, the server
        reached, not cancelled."""
        return not (self.conflicts or self.errors or self.kept_edits or self.offline or self.auth_error
                    or self.cancelled)


def problems_text(message: str, errors: list[dict[str, object]]) -> str:
    """The sync message stored on a refused number: a summary line, then ``ERROR /pointer code: text`` lines
    (each one line, whatever the server put in them)."""
    lines = [printable(message, 500)]
    for e in errors[:50]:
        lines.append(printable(f"{str(e.get('severity', 'error')).upper()} {e.get('pointer', '')} "
                               f"{e.get('code', '')}: {e.get('message', '')}", 500))
    if len(errors) > 50:
        lines.append(f"... and {len(errors) - 50} more")
    return "\n".join(lines)


class SyncEngine:
    def __init__(self, store: Store, client: ApiClient,
                 media_original: Callable[[str], Path | None] | None = None) -> None:
        self.store, self.client = store, client
        self.media_original = media_original or self._indexed_original
        self._uploaded: set[str] = set()
        self._server_media: set[str] | None = None  # ids the server's library has (read once a run)
        self._committer: Committer | None = None
        self._server_errors = 0
        self._cached_directory: Directory | None = None
        self.journal = PushJournal(store.profile_dir)

    def _directory(self) -> Directory | None:
        if self._cached_directory is None:
            self._cached_directory = self.store.get_directory()
        return self._cached_directory

    def _indexed_original(self, media_id: str) -> Path | None:
        entry = self.store.get_media(media_id)
        return Path(entry.local_path) if entry is not None and entry.local_path else None

    # ------------------------------------------------------------------------------------------------
    def run(self, progress: Progress | None = None, cancel: threading.Event | None = None, *,
            due_only: bool = False) -> SyncReport:
        """Pull, then push. ``due_only`` (background syncs) skips pushes whose retry time has not come;
        a sync the user asked for pushes everything pending. Never raises for server trouble: the report
        tells (``offline``, ``auth_error``, ``errors`` per item)."""
        report = SyncReport()
        self._cached_directory = None  # read once per run (a merge validates against it), again after a pull
        self._server_media = None
        tick = Ticker(progress, cancel)
        before = self.client.requests_made
        try:
            try:
                self.pull(report, tick)
            except MalformedResponse as exc:  # the feed itself is unusable: skip the pull, still push
                report.errors["changes"] = str(exc)
            self.push(report, tick, due_only)
            self.read_deploy_status(report)
            moved = bool(report.pushed or report.pulled or report.merged or report.directory_updated or report.removed)
            report.with_problems = read_counts(self.client, self.store, moved)
        except Cancelled:
            report.cancelled = True
        except AuthError as exc:
            report.auth_error = str(exc)
        except NetworkError as exc:
            report.offline = str(exc)
        report.requests = self.client.requests_made - before
        tick.finish()
        return report

    # -- deploy status -------------------------------------------------------------------------------------
    def read_deploy_status(self, report: SyncReport, force: bool = False) -> None:
        """Which numbers are not live on every Asterisk node (kept in the store); a server without the
        call (an older version) or a malformed answer leaves the stored status as it was. Read when the run
        moved something or the last status had numbers not live (a sync with nothing to do and everything
        live stays one request)."""
        moved = report.pushed or report.pulled or report.merged or report.directory_updated or report.removed \
            or report.withdrawn
        if not (force or moved or self.store.deploy_status()):
            report.not_live = []
            return
        try:
            report.not_live = self.client.deploy_overview()
        except (NotFound, MalformedResponse) as exc:
            report.deploy_unknown = str(exc)
            return
        self.store.set_deploy_status(report.not_live)

    def wait_live(self, numbers: list[str], timeout_s: float, cancel: threading.Event | None = None,
                  poll_s: float = 0.5) -> tuple[list[DeployState], bool]:
        """Wait until none of ``numbers`` is pending (live everywhere, or failed on some node), at most
        ``timeout_s``: every number not live at the end (kept in the store), and whether some of
        ``numbers`` is still pending."""
        wanted = set(numbers)
        deadline = time.monotonic() + timeout_s
        while True:
            states = self.client.deploy_overview()
            self.store.set_deploy_status(states)
            pending = any(s.state == "pending" and s.number in wanted for s in states)
            if not pending or time.monotonic() >= deadline:
                return states, pending
            if cancel is not None:
                if cancel.wait(poll_s):
                    return states, pending
            else:
                time.sleep(poll_s)

    # -- pull ----------------------------------------------------------------------------------------------
    def pull(self, report: SyncReport, tick: Ticker) -> None:
        cursor = self.store.get_cursor()
        held = False
        while True:
            page = self.client.changes(since=cursor, limit=PAGE)
            latest: dict[str, int | None] = {}
            deleted: set[str] = set()
            directory_changed = False
            for change in page.changes:
                if change.kind == "number":
                    (deleted.add if change.deleted else deleted.discard)(change.id)
                    latest[change.id] = None if change.deleted else change.revision
                elif change.kind == "directory":
                    directory_changed = True
            # only this page's numbers are looked up (an empty page, the no-op sync, reads nothing)
            known = self.store.revisions(list(latest)) if latest else {}
            todo = [n for n, rev in latest.items() if n not in deleted
                    and (rev is None or known.get(n) is None or rev > (known[n] or 0))]
            gone = [n for n in deleted if n in known]
            back = self.store.withdrawn_among(todo) if todo else set()  # the server has them again
            tick.add(len(todo) + len(gone) + (1 if directory_changed else 0))
            failed = False
            if directory_changed:
                tick.step("directory")
                try:
                    self.store.set_directory(self.client.directory())
                    self._cached_directory = None
                    report.directory_updated = True
                except MalformedResponse as exc:
                    report.errors["directory"] = str(exc)
                    failed = True
            for number in gone:
                tick.step(number)
                self._remove(number, report)
            batch: list[tuple[str, RoutingDocument, int]] = []
            try:
                with closing(self._fetch_all(todo)) as fetched_all:
                    for number, fetched in zip(todo, fetched_all, strict=True):
                        tick.step(number)
                        if isinstance(fetched, NetworkError | AuthError):
                            raise fetched
                        if isinstance(fetched, Withdrawn):  # withdrawn after this page was written
                            withdraw(self.store, number, report)
                            continue
                        if isinstance(fetched, NotFound | MalformedResponse):
                            report.errors[number] = str(fetched)
                            failed = True
                            continue
                        assert not isinstance(fetched, BaseException)
                        doc, revision = fetched
                        if normalize_number(doc.number) != normalize_number(number):
                            report.errors[number] = f"the server sent the document of {doc.number} for {number}"
                            failed = True
                            continue
                        if number in back:
                            self.store.reinstate(number)
                        batch.append((number, doc, revision))
                        if len(batch) >= APPLY_BATCH:
                            done, batch = batch, []
                            self._integrate_batch(done, report)
            finally:  # what was read is stored, whatever stops the loop (a cancel, the server going away)
                self._integrate_batch(batch, report)
            # A page with an unreadable item keeps the stored cursor where it is (the next sync reads it
            # again; what was integrated is skipped then); later pages are still pulled this time.
            held = held or failed
            moved = page.next is not None and page.next != cursor
            cursor = page.next if page.next is not None else cursor
            if not held and moved:  # nothing new: no write at all (a no-op sync only reads)
                self.store.set_cursor(cursor)
            if not page.has_more:
                return

    def _fetch_all(self, todo: list[str]) -> Generator[tuple[RoutingDocument, int] | ApiError, None, None]:
        """``GET /numbers/{n}`` for each of ``todo`` in order (in parallel for longer lists)."""
        return fetch_numbers(self.client, todo, FETCHERS)

    def _remove(self, number: str, report: SyncReport) -> None:
        """A number deleted on the server (removed, or moved to another company): withdrawn here, its last
        synced document and any unsent edit kept (:mod:`pbxdesk.sync.withdrawal`)."""
        withdraw(self.store, number, report)

    def _integrate_batch(self, batch: list[tuple[str, RoutingDocument, int]], report: SyncReport) -> None:
        """Pulled documents: those of numbers with no local change stored in one transaction, the others
        merged one by one."""
        if not batch:
            return
        for (number, theirs, revision), stored in zip(batch, self.store.apply_server_documents(batch), strict=True):
            if stored:
                report.pulled.append(number)
            else:
                self._integrate_changed(number, theirs, revision, report)

    def integrate(self, number: str, theirs: RoutingDocument, revision: int, report: SyncReport) -> None:
        """Take the server's ``theirs`` at ``revision`` into the store (replace, merge or conflict)."""
        if self.store.apply_server_document(number, theirs, revision):
            report.pulled.append(number)
            return
        self._integrate_changed(number, theirs, revision, report)

    def _integrate_changed(self, number: str, theirs: RoutingDocument, revision: int, report: SyncReport) -> None:
        """``theirs`` for a number the store did not simply replace: skipped, recognised as ours, merged, or
        a conflict."""
        summary = self.store.summary(number)
        if summary.revision is not None and revision <= summary.revision:
            return  # already have it (e.g. our own push coming back through the feed)
        own_key = self.journal.own_push(number, revision, theirs)
        if own_key is not None:  # our own earlier push whose answer was lost: not someone else's change
            self.store.mark_pushed(number, revision, theirs, own_key)
            report.pulled.append(number)
            return
        mine = self.store.get_saved(number)
        if mine is None:
            return
        if to_canonical_dict(mine) == to_canonical_dict(theirs):
            self.store.take_merge(number, theirs, revision, theirs)
            report.pulled.append(number)
            return
        result = merge(self.store.get_base(number), mine, theirs, self._directory())
        if result.ok and result.merged is not None:
            self.store.take_merge(number, theirs, revision, result.merged)  # saved + queued, new key
            report.merged.append(number)
        else:
            self.store.mark_conflict(number, theirs, revision)
            report.conflicts.append(number)

    # -- push ----------------------------------------------------------------------------------------------
    def push(self, report: SyncReport, tick: Ticker, due_only: bool = False) -> None:
        items = self.store.outbox_items(due_at=time.time() if due_only else None)
        if items:
            self._journal(items)
        tick.add(len(items))
        committer = Committer(self.store.profile_dir) if len(items) > 1 else None
        self._committer = committer
        self._server_errors = 0
        try:
            for item in items:
                tick.step(item.number)
                self._push_one(item, report, attempts_left=3)
        finally:
            self._committer = None
            if committer is not None:
                committer.close()  # every accepted push is recorded before push() returns or raises

    def _journal(self, items: list[OutboxItem]) -> None:
        revisions = {s.number: s.revision for s in self.store.list_numbers()}
        self.journal.record([(i.number, i.base_revision, i.payload, i.idempotency_key) for i in items], revisions)

    def _current_item(self, number: str) -> OutboxItem | None:
        """The number's queued payload after a merge, journalled before it is sent (one row, one append)."""
        item = self.store.outbox_item(number)
        if item is not None:
            self.journal.add(item.number, item.base_revision, item.payload, item.idempotency_key)
        return item

    def _set_aside(self, number: str, text: str, report: SyncReport) -> None:
        """The number is refused for good: kept with its problems (state ``error``), not sent again until the
        user saves it; the others go on."""
        self.store.mark_error(number, text)
        report.errors[number] = text

    def _push_one(self, item: OutboxItem | None, report: SyncReport, attempts_left: int) -> None:
        if item is None:
            return
        number = item.number
        try:
            doc = from_dict(item.payload)
        except ValueError as exc:  # a payload queued by an older pbxdesk may not even parse now
            self._set_aside(number, f"the queued document cannot be read: {exc}", report)
            return
        found = [p for p in validate_document(doc) if p.is_error]
        if found:  # queued before today's rules: the server would refuse it too, so it is not even sent
            self._set_aside(number, problems_text("refused before sending: the document breaks the rules",
                                                  [p.as_dict("en") for p in found]), report)
            return
        try:
            self._upload_media(doc, report)
            stored, revision = self.client.put_number(doc, item.base_revision, item.idempotency_key)
        except PreconditionFailed as exc:
            self._server_errors = 0
            try:
                theirs = from_dict(exc.current)
            except ValueError:
                report.errors[number] = "the server sent a malformed current document"
                return
            merged_before = len(report.merged)
            self.integrate(number, theirs, exc.revision, report)
            if len(report.merged) > merged_before and attempts_left > 1:
                self._push_one(self._current_item(number), report, attempts_left - 1)
            return
        except MalformedResponse as exc:
            # The server may or may not have stored it: retry later with the same idempotency key, which
            # makes a repeat a replay of the answer that got lost, never a second revision.
            self.store.mark_retry(number, str(exc), time.time() + self._retry_delay(item))
            report.errors[number] = str(exc)
            return
        except Unprocessable as exc:
            self._set_aside(number, problems_text(str(exc), exc.errors), report)
            return
        except Withdrawn:
            withdraw(self.store, number, report)  # the edit stays, unsent; the others go on
            return
        except NotFound as exc:
            self._set_aside(number, str(exc), report)
            return
        except NetworkError as exc:
            self.store.mark_retry(number, str(exc), time.time() + self._retry_delay(item))
            self._server_errors = self._server_errors + 1 if exc.status == 500 else SERVER_ERRORS_IN_A_ROW
            if self._server_errors >= SERVER_ERRORS_IN_A_ROW:
                raise  # the server is away or broken: the rest stays queued
            report.errors[number] = str(exc)  # this payload made the server fail: retried later, others go on
            return
        except ApiError as exc:
            if exc.status in (401, 403):
                raise
            self._set_aside(number, str(exc), report)
            return
        self._server_errors = 0
        if self._committer is not None:
            self._committer.put(number, revision, stored, item.idempotency_key)
        else:
            self.store.mark_pushed(number, revision, stored, item.idempotency_key)
        report.pushed.append(number)

    @staticmethod
    def _retry_delay(item: OutboxItem) -> float:
        return float(min(MAX_RETRY_DELAY_S, 5.0 * 2 ** min(item.attempts, 6)))

    def _upload_media(self, doc: RoutingDocument, report: SyncReport) -> None:
        for media_id in media_ids(doc):
            if media_id in self._uploaded:
                continue
            original = self.media_original(media_id)
            if original is None or not original.is_file():
                continue  # not ours to upload: the server has it, or validation there says it is unknown
            if self._server_media is None:
                self._server_media = {item.id for item in self.client.list_media()}
            if media_id in self._server_media:
                self._uploaded.add(media_id)  # already in the company's library: not sent again
                continue
            uploaded_id, duration = self.client.upload_media(original.read_bytes(), original.name)
            if uploaded_id != media_id:
                raise MalformedResponse(f"the server stored media {media_id} as {uploaded_id}")
            self.store.add_media(media_id, duration)
            self._uploaded.add(media_id)
            report.media_uploaded.append(media_id)
