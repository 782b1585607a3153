"""SPEC §6 step 1 in dialplan: which interval's scenario a call starts, in the number's time zone.

* ``always`` mode: straight to the ``working`` scenario.
* Exception dates first, compared as full dates (``GotoIfTime`` has no year):
  ``Set(PBXDESK_TODAY=${STRFTIME(${EPOCH},<tz>,%Y%m%d)})`` then one ``GotoIf`` per date to its block.
  Inside the block each range is a ``GotoIfTime`` pinned to that day of month and month as well, then
  ``non_working`` (an exception's ranges replace the weekday's; an empty list is a non-working day).
* Weekly ranges: ``GotoIfTime(HH:MM-HH:MM,<days>,*,*,<tz>?<scenario>)``; ranges with the same times and
  interval on several days share one line (days joined with ``&``). Asterisk's end minute is inclusive,
  so the range ``[09:00, 13:00)`` is written ``09:00-12:59`` and ``24:00`` becomes ``23:59``.
* Time not covered by any range: ``non_working``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pbxdesk.backend.asterisk.syntax import Extension
from pbxdesk.domain.models import WEEKDAYS, RoutingDocument
from pbxdesk.domain.schedule import NON_WORKING, WORKING, day_spans, exception_spans
from pbxdesk.domain.timeutil import format_hhmm

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def time_span(start: int, end: int) -> str:
    """``[start, end)`` in minutes as Asterisk's inclusive ``HH:MM-HH:MM``."""
    return f"{format_hhmm(start)}-{format_hhmm(end - 1)}"


def _exception_dates(doc: RoutingDocument) -> list[date]:
    """Well-formed exception dates, first occurrence only (a duplicate never applies), sorted."""
    found: dict[str, date] = {}
    for exc in doc.schedule.exceptions:
        if exc.date in found:
            continue
        try:
            parsed = date.fromisoformat(exc.date)
        except (TypeError, ValueError):
            continue
        if parsed.isoformat() == exc.date:
            found[exc.date] = parsed
    return sorted(found.values())


def emit_time_dispatch(doc: RoutingDocument, ext: Extension, target: Callable[[str], str]) -> None:
    """Append to ``ext`` the lines that pick the interval; ``target(interval_id)`` is a Goto target."""
    tz = doc.timezone
    if doc.schedule.mode == "always":
        ext.add(f"Goto({target(WORKING)})", comment="schedule: around the clock, working")
        return
    dates = _exception_dates(doc)
    if dates:
        ext.add(f"Set(PBXDESK_TODAY=${{STRFTIME(${{EPOCH}},{tz},%Y%m%d)}})",
                comment=f"exception dates first, compared with the year in {tz}")
        for when in dates:
            ext.add(f"GotoIf($[${{PBXDESK_TODAY}} = {when:%Y%m%d}]?x{when:%Y%m%d})")
    groups: dict[tuple[int, int, str], list[str]] = {}
    for day in WEEKDAYS:
        for start, end, interval in day_spans(doc, day):
            groups.setdefault((start, end, interval), []).append(day)
    first = True
    for (start, end, interval), days in sorted(groups.items()):
        ext.add(f"GotoIfTime({time_span(start, end)},{'&'.join(days)},*,*,{tz}?{target(interval)})",
                comment=f"weekly ranges in {tz}" if first else None)
        first = False
    ext.add(f"Goto({target(NON_WORKING)})", comment="time no range covers: non_working")
    for when in dates:
        spans = exception_spans(doc, when.isoformat()) or []
        label: str | None = f"x{when:%Y%m%d}"
        comment: str | None = f"exception {when.isoformat()}"
        for start, end, interval in spans:
            ext.add(f"GotoIfTime({time_span(start, end)},*,{when.day},{MONTHS[when.month - 1]},{tz}"
                    f"?{target(interval)})", label=label, comment=comment)
            label = comment = None
        ext.add(f"Goto({target(NON_WORKING)})", label=label, comment=comment)
