"""Undo commands of the schedule editors; each edit is ONE command on the session's undo stack."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from pbxdesk.domain.models import EXTRA_INTERVALS, ExceptionDate, Interval, Range
from pbxdesk.domain.schedule_edit import exceptions_without_interval, without_interval
from pbxdesk.schedule_grid.names import fixed_interval_name, interval_label
from pbxdesk.widgets.session import MISSING, DocumentSession, SetValuesCommand


def push_ranges(session: DocumentSession, ranges: Sequence[Range], text: str) -> bool:
    """Replace the weekly ranges; False (nothing pushed) when they are unchanged."""
    if list(ranges) == list(session.document.schedule.ranges):
        return False
    session.push(SetValuesCommand(session, {"/schedule/ranges": list(ranges)}, text))
    return True


def push_exceptions(session: DocumentSession, exceptions: Sequence[ExceptionDate], text: str) -> bool:
    if list(exceptions) == list(session.document.schedule.exceptions):
        return False
    session.push(SetValuesCommand(session, {"/schedule/exceptions": list(exceptions)}, text))
    return True


def push_mode(session: DocumentSession, mode: str) -> None:
    if session.document.schedule.mode != mode:
        text = QCoreApplication.translate("ScheduleCommands", "Schedule: around the clock") if mode == "always" else QCoreApplication.translate("ScheduleCommands", "Schedule: by schedule")
        session.push(SetValuesCommand(session, {"/schedule/mode": mode}, text))


def push_timezone(session: DocumentSession, tz: str) -> None:
    if session.document.timezone != tz:
        session.push(SetValuesCommand(session, {"/timezone": tz}, QCoreApplication.translate("ScheduleCommands", "Timezone %1").replace("%1", tz)))


def free_extra_id(session: DocumentSession) -> str | None:
    used = {iv.id for iv in session.document.schedule.intervals}
    return next((i for i in EXTRA_INTERVALS if i not in used), None)


def extra_count(session: DocumentSession) -> int:
    return sum(1 for iv in session.document.schedule.intervals if iv.id in EXTRA_INTERVALS)


def name_problem(session: DocumentSession, interval_id: str, name: str) -> str | None:
    """Why ``name`` cannot be the name of ``interval_id`` (empty or taken), or None when it can."""
    name = name.strip()
    if not name:
        return QCoreApplication.translate("ScheduleCommands", "The interval name cannot be empty.")
    doc = session.document
    for iv in doc.schedule.intervals:
        if iv.id == interval_id:
            continue
        taken = {iv.name.strip().casefold(), interval_label(doc, iv.id).strip().casefold()}
        if name.casefold() in taken:
            return QCoreApplication.translate("ScheduleCommands", "An interval named “%1” already exists.").replace("%1", name)
    return None


def push_add_interval(session: DocumentSession) -> str | None:
    """Declare the lowest free extra interval with a fresh name; its id, or None when all 3 are used."""
    new_id = free_extra_id(session)
    if new_id is None:
        return None
    number = EXTRA_INTERVALS.index(new_id) + 1
    name = QCoreApplication.translate("ScheduleCommands", "Extra interval %1").replace("%1", str(number))
    while name_problem(session, new_id, name) is not None:
        number += 1
        name = QCoreApplication.translate("ScheduleCommands", "Extra interval %1").replace("%1", str(number))
    intervals = list(session.document.schedule.intervals) + [Interval(id=new_id, name=name)]
    order = {i: n for n, i in enumerate(("working", "non_working", *EXTRA_INTERVALS))}
    intervals.sort(key=lambda iv: order.get(iv.id, 99))
    session.push(SetValuesCommand(session, {"/schedule/intervals": intervals},
                                  QCoreApplication.translate("ScheduleCommands", "Add interval “%1”").replace("%1", name)))
    return new_id


def push_rename_interval(session: DocumentSession, interval_id: str, name: str) -> None:
    if fixed_interval_name(interval_id) is not None:
        raise ValueError("the fixed intervals cannot be renamed")
    name = name.strip()
    intervals = [Interval(id=iv.id, name=name if iv.id == interval_id else iv.name)
                 for iv in session.document.schedule.intervals]
    if intervals != list(session.document.schedule.intervals):
        session.push(SetValuesCommand(session, {"/schedule/intervals": intervals},
                                      QCoreApplication.translate("ScheduleCommands", "Rename interval to “%1”").replace("%1", name)))


def deletion_counts(session: DocumentSession, interval_id: str) -> tuple[int, int, bool]:
    """(weekly ranges, exception ranges, has a scenario) that go with the interval."""
    sched = session.document.schedule
    weekly = sum(1 for r in sched.ranges if r.interval == interval_id)
    exc = sum(1 for e in sched.exceptions for r in e.ranges if r.interval == interval_id)
    return weekly, exc, session.document.scenarios.get(interval_id) is not None


def push_delete_interval(session: DocumentSession, interval_id: str) -> None:
    """Remove an extra interval with its ranges, exception ranges and scenario, as one command (R3)."""
    if fixed_interval_name(interval_id) is not None:
        raise ValueError("the fixed intervals cannot be deleted")
    doc = session.document
    label = interval_label(doc, interval_id)
    changes = {
        "/schedule/intervals": [iv for iv in doc.schedule.intervals if iv.id != interval_id],
        "/schedule/ranges": without_interval(doc.schedule.ranges, interval_id),
        "/schedule/exceptions": exceptions_without_interval(doc.schedule.exceptions, interval_id),
    }
    if interval_id in doc.scenarios:
        changes["/scenarios/" + interval_id] = MISSING
    session.push(SetValuesCommand(session, changes, QCoreApplication.translate("ScheduleCommands", "Delete interval “%1”").replace("%1", label)))
