"""Which interval of a number's schedule is in force at an instant (SPEC §4, §6 step 1).

* ``local_instant`` turns the call instant into the number's wall-clock time. An aware datetime is
  converted; a naive one is the number's own wall-clock time, read as ``zoneinfo`` reads it with
  ``fold=0`` and then normalised through UTC. So an ambiguous time (the clock goes back) is its first
  occurrence, and a time that does not exist (the clock jumps forward) is read with the offset before
  the jump: in Europe/Berlin, 2026-03-29 02:30 is the instant 01:30 UTC, that is 03:30 local.
* ``interval_at``: ``always`` -> ``working``; else the exception of that date if there is one (its
  ranges replace the weekday's), else the weekday's ranges; a minute no range covers is ``non_working``.
* ``occurring_intervals``: the intervals that can occur at all during the week or on an exception date.

Ranges whose day or times are malformed are ignored here (validation reports them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pbxdesk.domain.models import WEEKDAYS, RoutingDocument
from pbxdesk.domain.timeutil import DAY_MINUTES, parse_hhmm

NON_WORKING = "non_working"
WORKING = "working"


class UnknownTimezoneError(ValueError):
    """The document's ``timezone`` is not an IANA zone this system knows."""


def zone(name: str) -> ZoneInfo:
    """The ``ZoneInfo`` of a document timezone; UnknownTimezoneError for a name that is no IANA zone."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:  # "Europe" is a directory
        raise UnknownTimezoneError(f"unknown timezone {name!r}") from exc


def to_local(timezone: str, at: datetime) -> datetime:
    """``at`` as wall-clock time of ``timezone`` (naive ``at`` = local, fold=0, normalised via UTC)."""
    tz = zone(timezone)
    if at.tzinfo is None or at.utcoffset() is None:
        at = at.replace(tzinfo=tz, fold=0)
    return at.astimezone(UTC).astimezone(tz)


def local_instant(doc: RoutingDocument, at: datetime) -> datetime:
    """The call instant as wall-clock time of the number (see the module docstring)."""
    return to_local(doc.timezone, at)


def _spans(ranges: Iterable[tuple[str, str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, interval) of the well-formed ranges, in minutes of the day."""
    spans: list[tuple[int, int, str]] = []
    for start_text, end_text, interval in ranges:
        start, end = parse_hhmm(start_text), parse_hhmm(end_text)
        if start is not None and end is not None and start < end:
            spans.append((start, end, interval))
    return spans


def day_spans(doc: RoutingDocument, day: str) -> list[tuple[int, int, str]]:
    """The well-formed weekly ranges of a weekday (``mon``..``sun``) in minutes, sorted by start."""
    spans = _spans((r.start, r.end, r.interval) for r in doc.schedule.ranges if r.day == day)
    return sorted(spans)


def exception_spans(doc: RoutingDocument, date_iso: str) -> list[tuple[int, int, str]] | None:
    """The ranges of the exception on ``YYYY-MM-DD`` (first one if duplicated), or None if there is none."""
    for exc in doc.schedule.exceptions:
        if exc.date == date_iso:
            return sorted(_spans((r.start, r.end, r.interval) for r in exc.ranges))
    return None


def _lookup(spans: Sequence[tuple[int, int, str]], minute: int) -> str:
    for start, end, interval in spans:
        if start <= minute < end:
            return interval
    return NON_WORKING


def interval_at_local(doc: RoutingDocument, local: datetime) -> str:
    """The interval id at a wall-clock time already in the number's timezone."""
    if doc.schedule.mode == "always":
        return WORKING
    minute = local.hour * 60 + local.minute
    spans = exception_spans(doc, local.date().isoformat())
    if spans is None:
        spans = day_spans(doc, WEEKDAYS[local.weekday()])
    return _lookup(spans, minute)


def interval_at(doc: RoutingDocument, at: datetime) -> str:
    """The interval id in force at the instant ``at`` (SPEC §6 step 1)."""
    return interval_at_local(doc, local_instant(doc, at))


def _covers_whole_day(spans: Sequence[tuple[int, int, str]]) -> bool:
    reached = 0
    for start, end, _interval in sorted(spans):
        if start > reached:
            return False
        reached = max(reached, end)
    return reached >= DAY_MINUTES


def occurring_intervals(doc: RoutingDocument) -> set[str]:
    """Interval ids that can be in force at some time: during the week or on an exception date.

    ``always`` mode -> ``{"working"}``. Otherwise every interval named by a well-formed range of a known
    weekday or of an exception, plus ``non_working`` when some minute of a weekday or of an exception
    date is covered by no range. Ids are returned as the ranges name them, declared or not.
    """
    if doc.schedule.mode == "always":
        return {WORKING}
    found: set[str] = set()
    days: list[list[tuple[int, int, str]]] = [day_spans(doc, day) for day in WEEKDAYS]
    seen_dates: set[str] = set()
    for exc in doc.schedule.exceptions:
        if exc.date in seen_dates:
            continue  # a duplicate date never applies: the first one wins
        seen_dates.add(exc.date)
        days.append(_spans((r.start, r.end, r.interval) for r in exc.ranges))
    for spans in days:
        found.update(interval for _s, _e, interval in spans)
        if not _covers_whole_day(spans):
            found.add(NON_WORKING)
    return found
