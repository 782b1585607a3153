"""Machinery of a sync run: progress/cancel bookkeeping, parallel fetches of pulled numbers, and the
background recording of accepted pushes."""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pbxdesk.domain.models import RoutingDocument
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.errors import ApiError

Progress = Callable[[int, int, str], None]
Fetched = tuple[RoutingDocument, int] | ApiError


class Cancelled(Exception):
    pass


def _fetch(client: ApiClient, number: str) -> Fetched:
    try:
        return client.get_number(number)
    except ApiError as exc:
        return exc


def fetch_numbers(client: ApiClient, todo: list[str], fetchers: int) -> Generator[Fetched, None, None]:
    """``GET /numbers/{n}`` for each of ``todo`` in order, up to ``fetchers`` at a time, each thread with
    its own clone of ``client`` (reads only, so fetching a little ahead of a cancel or a failure changes
    nothing); errors are yielded, not raised. Close the generator to stop early."""
    if len(todo) < 2 * fetchers:
        for number in todo:
            yield _fetch(client, number)
        return
    local = threading.local()
    clients: list[ApiClient] = []

    def fetch(number: str) -> Fetched:
        own = getattr(local, "client", None)
        if own is None:
            own = local.client = client.clone()
            clients.append(own)
        return _fetch(own, number)

    pool = ThreadPoolExecutor(fetchers, thread_name_prefix="pbxdesk-sync-fetch")
    try:
        pending: deque[Future[Fetched]] = deque()
        names = iter(todo)
        for number in names:
            pending.append(pool.submit(fetch, number))
            if len(pending) >= 4 * fetchers:
                break
        while pending:
            result = pending.popleft().result()
            nxt = next(names, None)
            if nxt is not None:
                pending.append(pool.submit(fetch, nxt))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for own in clients:
            client.requests_made += own.requests_made
            own.close()


class Committer:
    """Records accepted pushes (``mark_pushed``, one fsynced transaction each) on a second connection in a
    background thread, so the next PUT is on the wire while the previous result is being committed.

    Safe to delay: until a push is recorded the outbox row keeps its payload and idempotency key, so after
    a crash the next sync either re-sends it (the server replays its first answer) or meets it in the change
    feed (the push journal recognises it). Only numbers with no pending record are touched elsewhere meanwhile
    (each number is pushed once per run), and :meth:`close` waits for all records.
    """

    def __init__(self, profile_dir: Path) -> None:
        self.store = Store.open(profile_dir)
        self.queue: queue.Queue[tuple[str, int, RoutingDocument, str] | None] = queue.Queue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._work, name="pbxdesk-sync-commit", daemon=True)
        self.thread.start()

    def put(self, number: str, revision: int, doc: RoutingDocument, key: str) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((number, revision, doc, key))

    def _work(self) -> None:
        while (job := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.store.mark_pushed(*job)
                except BaseException as exc:  # re-raised in the sync thread
                    self.error = exc

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        self.store.close()
        if self.error is not None:
            raise self.error


class Ticker:
    """Progress bookkeeping: the total grows as the feed reveals work; cancel is checked on every step."""

    def __init__(self, progress: Progress | None, cancel: threading.Event | None) -> None:
        self.progress, self.cancel = progress, cancel
        self.done = self.total = 0

    def add(self, n: int) -> None:
        self.total += n

    def step(self, item: str) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, self.total, item)
        self.done += 1

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done), "")
