"""The provisioning service's own database as a feed source: the node agent inside ``pbxdesk serve``
reads it directly (no token, no HTTP), through the same functions the ``/fleet`` routes use."""

from __future__ import annotations

import threading
import time

from sqlalchemy.exc import SQLAlchemyError

from pbxdesk.audio.errors import AudioError
from pbxdesk.fleet import feed
from pbxdesk.fleet.nodes import Node
from pbxdesk.fleet.source import (
    Documents,
    FeedPage,
    NotAvailable,
    Report,
    SourceError,
    parse_documents,
    parse_feed,
    parse_numbers,
)
from pbxdesk.server.context import ServerContext
from pbxdesk.server.database import read_connection
from pbxdesk.server.mediafiles import read_master

DB_POLL_S = 1.0  # how often a waiting agent looks at the database for writes of other processes


def _unavailable(exc: SQLAlchemyError) -> SourceError:
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    return SourceError(f"database: {type(exc).__name__}: {detail}")


class LocalSource:
    def __init__(self, ctx: ServerContext, node: Node) -> None:
        self.ctx = ctx
        self.node = node
        self.node_name = node.name
        self.stopping = threading.Event()  # set (and the feed signal notified) to end a wait at once

    def head(self) -> int:
        try:
            with read_connection(self.ctx.engine) as conn:
                return feed.feed_head(conn)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    def feed(self, since: int, limit: int, wait_s: float) -> FeedPage:
        deadline = time.monotonic() + wait_s
        while True:
            seen = self.ctx.feed_signal.generation
            try:
                with read_connection(self.ctx.engine) as conn:
                    page = parse_feed(feed.feed_page(conn, since, limit))
            except SQLAlchemyError as exc:
                raise _unavailable(exc) from exc
            left = deadline - time.monotonic()
            if page.entries or left <= 0 or self.stopping.is_set():
                return page
            self.ctx.feed_signal.wait(seen, min(DB_POLL_S, left))

    def numbers(self, after: str, limit: int, company: int | None = None) -> tuple[list[str], bool]:
        try:
            with read_connection(self.ctx.engine) as conn:
                return parse_numbers(feed.list_numbers(conn, after, limit, company))
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc

    def documents(self, numbers: list[str]) -> Documents:
        try:
            with read_connection(self.ctx.engine) as conn:
                raw = feed.documents_json(conn, self.node.id, numbers)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        return parse_documents(raw)

    def media(self, media_id: str) -> bytes:
        try:
            data = read_master(self.ctx.engine, media_id)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
        if data is None:
            raise NotAvailable(f"no media master {media_id}")
        return data

    def tts(self, text: str, voice: str) -> bytes:
        try:
            return self.ctx.tts.synthesize(text, voice).read_bytes()
        except AudioError as exc:
            raise NotAvailable(f"text-to-speech failed: {exc.message('en')}") from exc

    def report(self, reports: list[Report], cursor: int | None) -> None:
        try:
            feed.record_reports(self.ctx.engine, self.node.id, [r.as_json() for r in reports], cursor)
        except SQLAlchemyError as exc:
            raise _unavailable(exc) from exc
