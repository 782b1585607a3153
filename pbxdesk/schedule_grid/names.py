"""Translated names of weekdays and intervals shown by the schedule editors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pbxdesk.domain.models import WEEKDAYS, Range, RoutingDocument


def _t(text: str) -> str:
    return QCoreApplication.translate("ScheduleNames", text)


def day_short(day: str) -> str:
    names = {"mon": _t("Mon"), "tue": _t("Tue"), "wed": _t("Wed"), "thu": _t("Thu"), "fri": _t("Fri"),
             "sat": _t("Sat"), "sun": _t("Sun")}
    return names.get(day, day)


def day_long(day: str) -> str:
    names = {"mon": _t("Monday"), "tue": _t("Tuesday"), "wed": _t("Wednesday"), "thu": _t("Thursday"),
             "fri": _t("Friday"), "sat": _t("Saturday"), "sun": _t("Sunday")}
    return names.get(day, day)


def day_by_index(index: int) -> str:
    return WEEKDAYS[index]


def fixed_interval_name(interval_id: str) -> str | None:
    if interval_id == "working":
        return _t("Working time")
    if interval_id == "non_working":
        return _t("Non-working time")
    return None


def interval_label(doc: RoutingDocument, interval_id: str) -> str:
    """The name shown for an interval: our translation for the fixed ones, the document's for the extra."""
    fixed = fixed_interval_name(interval_id)
    if fixed is not None:
        return fixed
    for iv in doc.schedule.intervals:
        if iv.id == interval_id:
            return iv.name or interval_id
    return interval_id


def range_text(doc: RoutingDocument, r: Range) -> str:
    """``Tue 00:00–06:00 Working time``."""
    return f"{day_short(r.day)} {r.start}–{r.end} {interval_label(doc, r.interval)}"


def ui_lang() -> str:
    """``ru`` when the Russian translation is installed, else ``en`` (for domain texts in two languages)."""
    return "ru" if QCoreApplication.translate("ScheduleNames", "en") == "ru" else "en"
