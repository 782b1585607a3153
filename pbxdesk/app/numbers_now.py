"""The "Right now" column of the numbers list: what a call at this moment gets, for every saved number.

Runs on the store worker thread (it reads every saved document); the table model only shows the texts.
"""

from __future__ import annotations

from datetime import datetime

from pbxdesk.domain.describe import interval_name, node_summary
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.schedule import interval_at
from pbxdesk.store import Store


def now_summary(doc: RoutingDocument, directory: Directory | None, at: datetime, lang: str) -> str:
    """What a call right now gets: the interval and its first action, in words."""
    try:
        interval = interval_at(doc, at)
    except ValueError:
        return ""
    node = doc.scenarios.get(interval)
    action = node_summary(node, directory, lang) if node is not None else ("—")
    return f"{interval_name(doc, interval, lang)}: {action}"


def now_texts(store: Store, numbers: list[str], lang: str, at: datetime | None = None) -> dict[str, str]:
    """``now_summary`` of each saved number among ``numbers`` (numbers without a saved document are left out)."""
    directory = store.get_directory()
    moment = at or datetime.now().astimezone()
    texts: dict[str, str] = {}
    for number in numbers:
        doc = store.get_saved(number)
        if doc is not None:
            texts[number] = now_summary(doc, directory, moment, lang)
    return texts
