"""Wall-clock ``HH:MM`` times of the schedule as minutes of the day (0..1440)."""

from __future__ import annotations

import re

_HHMM = re.compile(r"^([01][0-9]|2[0-4]):([0-5][0-9])$")
DAY_MINUTES = 24 * 60
WEEK_MINUTES = 7 * DAY_MINUTES


def parse_hhmm(text: str) -> int | None:
    """Minutes since midnight, ``24:00`` -> 1440; None when the text is not a valid time."""
    if not isinstance(text, str):
        return None
    match = _HHMM.fullmatch(text)
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours == 24 and minutes != 0:
        return None
    return hours * 60 + minutes


def format_hhmm(minutes: int) -> str:
    """1440 -> ``24:00``; 545 -> ``09:05``."""
    if not 0 <= minutes <= DAY_MINUTES:
        raise ValueError(f"minute of day out of range: {minutes}")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
