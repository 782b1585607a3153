"""Editing the weekly ranges of a schedule: painting, erasing, overnight ranges, copying days (SPEC §4).

All functions are pure: they take ranges and return a new, normalised list. Normalised means: ranges
sorted by weekday then start, never overlapping, adjacent ranges of the same interval merged, an end of
the day written ``24:00``. Painting ``non_working`` erases (time no range covers is non-working), so the
painters never store ``non_working`` ranges; ones already in a document are kept until painted over.
Ranges whose day or times are malformed are kept unchanged at the end (validation reports them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from pbxdesk.domain.models import WEEKDAYS, DayRange, ExceptionDate, Range
from pbxdesk.domain.schedule import zone
from pbxdesk.domain.timeutil import DAY_MINUTES, format_hhmm, parse_hhmm

NON_WORKING = "non_working"
Span = tuple[int, int, str]  # (start minute, end minute, interval id) of one day


def next_day(day: str) -> str:
    """The weekday after ``day``; Sunday wraps to Monday."""
    return WEEKDAYS[(WEEKDAYS.index(day) + 1) % len(WEEKDAYS)]


def _span_of(start: str, end: str, interval: str) -> Span | None:
    s, e = parse_hhmm(start), parse_hhmm(end)
    if s is None or e is None or s >= e:
        return None
    return (s, e, interval)


def normalise_spans(spans: Iterable[Span]) -> list[Span]:
    """Spans of one day sorted, with later spans winning where they overlap, adjacent equal ones merged."""
    result: list[Span] = []
    for span in spans:
        result = _paint_spans(result, span[0], span[1], span[2], erase=False)
    return result


def _paint_spans(spans: list[Span], start: int, end: int, interval: str, erase: bool) -> list[Span]:
    start, end = max(0, start), min(DAY_MINUTES, end)
    kept: list[Span] = []
    for s, e, iv in spans:
        if e <= start or s >= end:
            kept.append((s, e, iv))
            continue
        if s < start:
            kept.append((s, start, iv))
        if e > end:
            kept.append((end, e, iv))
    if not erase and start < end:
        kept.append((start, end, interval))
    kept.sort()
    merged: list[Span] = []
    for s, e, iv in kept:
        if merged and merged[-1][1] == s and merged[-1][2] == iv:
            merged[-1] = (merged[-1][0], e, iv)
        else:
            merged.append((s, e, iv))
    return merged


def paint_day_spans(spans: Sequence[Span], start_min: int, end_min: int, interval: str) -> list[Span]:
    """Paint ``[start_min, end_min)`` of one day with ``interval`` (``non_working`` erases)."""
    return _paint_spans(normalise_spans(spans), start_min, end_min, interval, erase=interval == NON_WORKING)


def spans_by_day(ranges: Iterable[Range]) -> tuple[dict[str, list[Span]], list[Range]]:
    """The well-formed ranges as normalised spans per weekday, and the malformed ranges as they are."""
    by_day: dict[str, list[Span]] = {d: [] for d in WEEKDAYS}
    bad: list[Range] = []
    for r in ranges:
        span = _span_of(r.start, r.end, r.interval)
        if r.day not in by_day or span is None:
            bad.append(r)
        else:
            by_day[r.day].append(span)
    return {d: normalise_spans(sorted(s)) for d, s in by_day.items()}, bad


def ranges_from_spans(by_day: dict[str, list[Span]], bad: Sequence[Range] = ()) -> list[Range]:
    out = [Range(day=d, start=format_hhmm(s), end=format_hhmm(e), interval=iv)
           for d in WEEKDAYS for s, e, iv in by_day.get(d, [])]
    return out + [r.model_copy() for r in bad]


def normalise(ranges: Iterable[Range]) -> list[Range]:
    """Sorted, non-overlapping (later ranges win), adjacent same-interval ranges merged."""
    by_day, bad = spans_by_day(ranges)
    return ranges_from_spans(by_day, bad)


def paint(ranges: list[Range], days: Sequence[str], start_min: int, end_min: int, interval: str) -> list[Range]:
    """Paint the rectangle ``days`` x ``[start_min, end_min)`` with ``interval``; ``non_working`` erases.

    Ranges of other intervals under it are split and trimmed.
    """
    by_day, bad = spans_by_day(ranges)
    for day in days:
        by_day[day] = paint_day_spans(by_day[day], start_min, end_min, interval)
    return ranges_from_spans(by_day, bad)


def paint_pieces(ranges: list[Range], pieces: Iterable[tuple[str, int, int]], interval: str) -> list[Range]:
    """Paint several (day, start, end) pieces, e.g. the two halves of an overnight range."""
    result = ranges
    for day, start, end in pieces:
        result = paint(result, [day], start, end, interval)
    return result


def split_overnight(day: str, start_min: int, end_min: int) -> list[tuple[str, int, int]]:
    """A range as typed, as (day, start, end) pieces: across midnight it becomes two (Sun wraps to Mon).

    ``22:00``-``06:00`` on Monday -> Mon 22:00-24:00 and Tue 00:00-06:00; an end of ``00:00`` means
    midnight (``24:00``). Raises ValueError for an empty range (start == end) or minutes out of range.
    """
    if day not in WEEKDAYS:
        raise ValueError(f"unknown weekday {day!r}")
    if not (0 <= start_min < DAY_MINUTES and 0 <= end_min <= DAY_MINUTES):
        raise ValueError("minutes out of range")
    if end_min == 0:
        end_min = DAY_MINUTES
    if start_min == end_min:
        raise ValueError("empty range")
    if start_min < end_min:
        return [(day, start_min, end_min)]
    return [(day, start_min, DAY_MINUTES), (next_day(day), 0, end_min)]


def replaced_by_paint(ranges: list[Range], days: Sequence[str], start_min: int, end_min: int,
                      interval: str) -> list[Range]:
    """The parts of existing ranges a paint would overwrite with another interval (clipped to it)."""
    by_day, _ = spans_by_day(ranges)
    out: list[Range] = []
    for day in days:
        for s, e, iv in by_day.get(day, []):
            lo, hi = max(s, start_min), min(e, end_min)
            if lo < hi and iv != interval:
                out.append(Range(day=day, start=format_hhmm(lo), end=format_hhmm(hi), interval=iv))
    return out


def replaced_by_pieces(ranges: list[Range], pieces: Iterable[tuple[str, int, int]], interval: str) -> list[Range]:
    out: list[Range] = []
    for day, start, end in pieces:
        out.extend(replaced_by_paint(ranges, [day], start, end, interval))
    return out


def set_day(ranges: list[Range], day: str, spans: Iterable[Span]) -> list[Range]:
    """Replace all ranges of ``day`` with ``spans`` (later ones win; ``non_working`` spans are dropped)."""
    by_day, bad = spans_by_day(ranges)
    by_day[day] = [s for s in normalise_spans(spans) if s[2] != NON_WORKING]
    return ranges_from_spans(by_day, bad)


def copy_day(ranges: list[Range], source: str, targets: Iterable[str]) -> list[Range]:
    """Make each target weekday a copy of ``source`` (its previous ranges are replaced)."""
    by_day, bad = spans_by_day(ranges)
    for target in targets:
        by_day[target] = list(by_day[source])
    return ranges_from_spans(by_day, bad)


def day_spans_of(ranges: Iterable[Range], day: str) -> list[Span]:
    return spans_by_day(ranges)[0].get(day, [])


def without_interval(ranges: Iterable[Range], interval: str) -> list[Range]:
    return [r.model_copy() for r in ranges if r.interval != interval]


def exceptions_without_interval(exceptions: Iterable[ExceptionDate], interval: str) -> list[ExceptionDate]:
    return [ExceptionDate(date=e.date, ranges=[r.model_copy() for r in e.ranges if r.interval != interval])
            for e in exceptions]


def day_ranges_from_spans(spans: Iterable[Span]) -> list[DayRange]:
    return [DayRange(start=format_hhmm(s), end=format_hhmm(e), interval=iv)
            for s, e, iv in normalise_spans(spans) if iv != NON_WORKING]


def set_exception(exceptions: Iterable[ExceptionDate], date_iso: str, spans: Iterable[Span]) -> list[ExceptionDate]:
    """Add or replace the exception of ``date_iso`` (empty spans = whole day off); sorted by date."""
    out = [e.model_copy(deep=True) for e in exceptions if e.date != date_iso]
    out.append(ExceptionDate(date=date_iso, ranges=day_ranges_from_spans(spans)))
    return sorted(out, key=lambda e: e.date)


def remove_exception(exceptions: Iterable[ExceptionDate], date_iso: str) -> list[ExceptionDate]:
    return [e.model_copy(deep=True) for e in exceptions if e.date != date_iso]


def add_days_off(exceptions: Iterable[ExceptionDate], dates: Iterable[date]) -> tuple[list[ExceptionDate], int]:
    """Whole-day-off exceptions for ``dates`` not already excepted; (new list, how many were added)."""
    out = [e.model_copy(deep=True) for e in exceptions]
    known = {e.date for e in out}
    added = 0
    for d in sorted(set(dates)):
        iso = d.isoformat()
        if iso not in known:
            out.append(ExceptionDate(date=iso, ranges=[]))
            known.add(iso)
            added += 1
    return sorted(out, key=lambda e: e.date), added


def _exists(tz_name: str, day: date, minute: int) -> bool:
    tz = zone(tz_name)
    wall = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
    there = wall.replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return there == wall


def nonexistent_starts(ranges: Iterable[Range], tz_name: str, year: int) -> list[tuple[Range, date]]:
    """Ranges starting in a local hour that does not exist on a DST day of ``tz_name`` in ``year``."""
    tz = zone(tz_name)
    wanted = [(r, _span_of(r.start, r.end, r.interval)) for r in ranges]
    found: list[tuple[Range, date]] = []
    day = date(year, 1, 1)
    prev = datetime(year, 1, 1, tzinfo=tz).utcoffset()
    while day.year == year:
        nxt = day + timedelta(days=1)
        offset = datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz).utcoffset()
        if offset != prev:
            weekday = WEEKDAYS[day.weekday()]
            for r, span in wanted:
                if span is not None and r.day == weekday and not _exists(tz_name, day, span[0]):
                    found.append((r, day))
        prev, day = offset, nxt
    return found
