"""The records of the numbers list and the profile: immutable named tuples.

They are read at the very start of the app (``quick_read``), before the window shows, so they avoid
``dataclasses``: a frozen dataclass costs about half a millisecond to define and three microseconds per
instance, and the list of a large company has thousands of rows.
"""

from __future__ import annotations

from typing import NamedTuple


class NumberSummary(NamedTuple):
    """One line of the numbers list. ``name``/``schedule_mode`` are those of the saved document."""

    number: str
    name: str
    schedule_mode: str
    sync_state: str  # synced | changed | conflict | error | withdrawn (pbxdesk.store.withdrawn)
    has_draft: bool
    revision: int | None
    sync_message: str | None = None


class ProfileInfo(NamedTuple):
    server_url: str | None
    company: str | None
    is_demo: bool
