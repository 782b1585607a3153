"""Translated names of weekdays and intervals shown by the schedule editors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate

from pbxdesk.domain.models import WEEKDAYS, Range, RoutingDocument


def day_short(day: str) -> str:
    if day == "mon":
        return QCoreApplication.translate("ScheduleNames", "Mon")
    if day == "tue":
        return QCoreApplication.translate("ScheduleNames", "Tue")
    if day == "wed":
        return QCoreApplication.translate("ScheduleNames", "Wed")
    if day == "thu":
        return QCoreApplication.translate("ScheduleNames", "Thu")
    if day == "fri":
        return QCoreApplication.translate("ScheduleNames", "Fri")
    if day == "sat":
        return QCoreApplication.translate("ScheduleNames", "Sat")
    if day == "sun":
        return QCoreApplication.translate("ScheduleNames", "Sun")
    return day


def date_format() -> str:
    """The date as the UI language writes it (a Qt date format): 31.12.2026 in Russian, 2026-12-31 in English."""
    return QCoreApplication.translate("ScheduleNames", "yyyy-MM-dd")


def date_label(day: date | str) -> str:
    """A calendar date for people, with its weekday: «Чт 31.12.2026» / «Thu 2026-12-31» (an ISO string as the
    document stores it, or a date)."""
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day)
        except ValueError:
            return day
    return f"{day_short(WEEKDAYS[day.weekday()])} {QDate(day.year, day.month, day.day).toString(date_format())}"


def day_long(day: str) -> str:
    if day == "mon":
        return QCoreApplication.translate("ScheduleNames", "Monday")
    if day == "tue":
        return QCoreApplication.translate("ScheduleNames", "Tuesday")
    if day == "wed":
        return QCoreApplication.translate("ScheduleNames", "Wednesday")
    if day == "thu":
        return QCoreApplication.translate("ScheduleNames", "Thursday")
    if day == "fri":
        return QCoreApplication.translate("ScheduleNames", "Friday")
    if day == "sat":
        return QCoreApplication.translate("ScheduleNames", "Saturday")
    if day == "sun":
        return QCoreApplication.translate("ScheduleNames", "Sunday")
    return day


def day_by_index(index: int) -> str:
    return WEEKDAYS[index]


def fixed_interval_name(interval_id: str) -> str | None:
    if interval_id == "working":
        return QCoreApplication.translate("ScheduleNames", "Working time")
    if interval_id == "non_working":
        return QCoreApplication.translate("ScheduleNames", "Non-working time")
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
