"""Validation of ``schedule`` (SPEC §5): intervals, weekly ranges, exception dates, and which intervals occur."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pbxdesk.domain.models import EXTRA_INTERVALS, FIXED_INTERVALS, WEEKDAYS, DayRange, Range, Schedule
from pbxdesk.domain.text import INTERVAL_NAME
from pbxdesk.domain.timeutil import DAY_MINUTES, parse_hhmm
from pbxdesk.domain.validation_common import Collector

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_VALID_IDS = frozenset(FIXED_INTERVALS + EXTRA_INTERVALS)
Span = tuple[int, int, int]  # start, end, index of the range in its list


@dataclass
class ScheduleFacts:
    """What the scenario checks need to know about the schedule."""

    declared: dict[str, str] = field(default_factory=dict)  # id -> name (first declaration)
    occurring: set[str] = field(default_factory=set)


def check_intervals(schedule: Schedule, out: Collector, facts: ScheduleFacts) -> None:
    names: set[str] = set()
    extras = 0
    for i, interval in enumerate(schedule.intervals):
        base = f"/schedule/intervals/{i}"
        iid = interval.id
        if iid not in _VALID_IDS:
            out.add("interval.unknown_id", base + "/id", id=iid)
        if iid in facts.declared:
            out.add("interval.duplicate_id", base + "/id", id=iid)
        else:
            facts.declared[iid] = interval.name.strip() or iid
        if iid not in FIXED_INTERVALS:
            extras += 1
            if extras > len(EXTRA_INTERVALS):
                out.add("interval.too_many_extra", base)
        name = interval.name.strip()
        if out.text(INTERVAL_NAME, interval.name, base + "/name", "name", "interval.name_empty", id=iid):
            folded = name.casefold()
            if folded in names:
                out.add("interval.name_duplicate", base + "/name", name=name)
            names.add(folded)
    for fixed in FIXED_INTERVALS:
        if fixed not in facts.declared:
            out.add("interval.missing", "/schedule/intervals", id=fixed)


def _check_range(rng: Range | DayRange, base: str, out: Collector, declared: dict[str, str]) -> Span | None:
    """Check one range's times and interval; the span in minutes when its times are sound."""
    start = parse_hhmm(rng.start)
    if start is not None and start >= DAY_MINUTES:
        start = None
    if start is None:
        out.add("range.bad_time", base + "/start", value=rng.start)
    end = parse_hhmm(rng.end)
    if end is None:
        out.add("range.bad_time", base + "/end", value=rng.end)
    if start is not None and end is not None and start >= end:
        out.add("range.start_not_before_end", base, start=rng.start, end=rng.end)
    if rng.interval not in declared:
        out.add("interval.unknown", base + "/interval", id=rng.interval)
    if start is None or end is None or start >= end:
        return None
    return start, end, 0


def _overlaps(spans: list[Span], ranges: list[Range] | list[DayRange], prefix: str) -> list[tuple[int, str, dict[str, str]]]:
    """(index, pointer, params) of each range that overlaps an earlier-starting one of the same day."""
    found: dict[int, tuple[int, str, dict[str, str]]] = {}
    reach, reach_idx = -1, -1
    for start, end, idx in sorted(spans):
        if start < reach:
            culprit, other = max(idx, reach_idx), min(idx, reach_idx)
            if culprit not in found:
                a, b = ranges[culprit], ranges[other]
                found[culprit] = (culprit, f"{prefix}/{culprit}",
                                  {"start": a.start, "end": a.end, "other_start": b.start, "other_end": b.end})
        if end > reach:
            reach, reach_idx = end, idx
    return [found[k] for k in sorted(found)]


def _covers_day(spans: list[Span]) -> bool:
    reached = 0
    for start, end, _idx in sorted(spans):
        if start > reached:
            return False
        reached = max(reached, end)
    return reached >= DAY_MINUTES


def check_schedule(schedule: Schedule, out: Collector) -> ScheduleFacts:
    """Report the schedule's problems and work out which intervals occur (declared or not)."""
    facts = ScheduleFacts()
    check_intervals(schedule, out, facts)
    declared = facts.declared
    names_of_range: dict[int, str] = {}
    days: dict[str, list[Span]] = {day: [] for day in WEEKDAYS}
    for i, rng in enumerate(schedule.ranges):
        base = f"/schedule/ranges/{i}"
        if rng.day not in days:
            out.add("range.bad_day", base + "/day", value=rng.day)
        span = _check_range(rng, base, out, declared)
        if span is not None and rng.day in days:
            days[rng.day].append((span[0], span[1], i))
            names_of_range[i] = rng.interval
    for spans in days.values():
        for _i, ptr, params in _overlaps(spans, schedule.ranges, "/schedule/ranges"):
            out.add("range.overlap", ptr, **params)
    occurring: set[str] = set(names_of_range.values())
    if any(not _covers_day(spans) for spans in days.values()):
        occurring.add("non_working")
    seen_dates: set[str] = set()
    for j, exc in enumerate(schedule.exceptions):
        base = f"/schedule/exceptions/{j}"
        if not _valid_date(exc.date):
            out.add("exception.bad_date", base + "/date", value=exc.date)
        elif exc.date in seen_dates:
            out.add("exception.duplicate_date", base + "/date", value=exc.date)
        duplicate = exc.date in seen_dates
        seen_dates.add(exc.date)
        exc_spans: list[Span] = []
        for k, drng in enumerate(exc.ranges):
            span = _check_range(drng, f"{base}/ranges/{k}", out, declared)
            if span is not None:
                exc_spans.append((span[0], span[1], k))
        for _k, ptr, params in _overlaps(exc_spans, exc.ranges, base + "/ranges"):
            out.add("range.overlap", ptr, **params)
        if not duplicate:  # the first entry of a date is the one in force
            occurring.update(exc.ranges[k].interval for _s, _e, k in exc_spans)
            if not _covers_day(exc_spans):
                occurring.add("non_working")
    facts.occurring = {"working"} if schedule.mode == "always" else occurring
    return facts


def _valid_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
