"""The "Right now" column of the numbers list: what a call at this moment gets, for every saved number.

Runs on the store worker thread; the table model only shows the texts. ``NowTexts`` keeps the parsed
documents between runs and parses again only those whose saved text changed: the column is recomputed
every minute, and parsing 1,000 documents takes about 0.2 s where the summaries take 6 ms.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from pbxdesk.domain.describe import interval_name, node_summary
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.schedule import interval_at
from pbxdesk.store.codec import text_doc

if TYPE_CHECKING:  # the quick reader or the store (SQLAlchemy is not needed for the first list)
    from pbxdesk.store import Store


def now_summary(doc: RoutingDocument, directory: Directory | None, at: datetime, lang: str,
                media: Mapping[str, str] | None = None) -> str:
    """What a call right now gets: the interval and its first action, in words (``media``: greetings by the
    names they were uploaded with)."""
    try:
        interval = interval_at(doc, at)
    except ValueError:
        return ""
    node = doc.scenarios.get(interval)
    action = node_summary(node, directory, lang, media) if node is not None else ("—")
    return f"{interval_name(doc, interval, lang)}: {action}"


class NowTexts:
    """``now_summary`` of each saved number among ``numbers`` (numbers without a saved document are left
    out), with the parsed documents kept between calls (use it from one thread)."""

    def __init__(self) -> None:
        self._docs: dict[str, tuple[str, RoutingDocument | None]] = {}

    def __call__(self, store: Store, numbers: list[str], lang: str, at: datetime | None = None,
                 media: Mapping[str, str] | None = None) -> dict[str, str]:
        saved = store.saved_texts()
        directory = store.get_directory()
        moment = at or datetime.now().astimezone()
        texts: dict[str, str] = {}
        for number in numbers:
            text = saved.get(number)
            if text is None:
                continue
            cached = self._docs.get(number)
            if cached is None or cached[0] != text:
                cached = self._docs[number] = (text, text_doc(text))
            if cached[1] is not None:
                texts[number] = now_summary(cached[1], directory, moment, lang, media)
        for gone in set(self._docs) - set(saved):
            del self._docs[gone]
        return texts
