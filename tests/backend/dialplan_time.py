"""Runs the interval choice of extension ``s`` (see pbxdesk.backend.asterisk.schedule) the way Asterisk
would, for a wall-clock time of the number: ``STRFTIME`` date, ``GotoIf`` on it, ``GotoIfTime`` with
Asterisk's rules (end minute inclusive, ``&`` lists, ``*``), ``Goto``. Returns where the call goes."""

from __future__ import annotations

import re
from datetime import datetime

from tests.backend.dialplan_checks import Key, resolve
from tests.backend.dialplan_parser import Dialplan, split_top

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TODAY = re.compile(r"^PBXDESK_TODAY=\$\{STRFTIME\(\$\{EPOCH\},([^,]+),%Y%m%d\)\}$")
_IS_DAY = re.compile(r"^\$\[\$\{PBXDESK_TODAY\} = ([0-9]{8})\]$")


def _minute(text: str) -> int:
    hours, minutes = text.split(":")
    assert 0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59, text  # Asterisk rejects 24:00
    return int(hours) * 60 + int(minutes)


def _time_matches(spec: str, local: datetime, tz: str) -> bool:
    times, dow, dom, month, zone = split_top(spec, ",")
    assert zone == tz
    minute = local.hour * 60 + local.minute
    if times != "*":
        start, end = (_minute(t) for t in times.split("-"))
        if not start <= minute <= end:  # Asterisk: the end minute is included
            return False
    if dow != "*" and DAYS[local.weekday()] not in dow.split("&"):
        return False
    if dom != "*" and local.day != int(dom):
        return False
    return month == "*" or MONTHS[local.month - 1] == month


def route_at(plan: Dialplan, main: str, local: datetime, tz: str) -> Key:
    ext = plan.contexts[main].extensions["s"]
    today: str | None = None
    index = 1
    for _ in range(10_000):
        p = ext.priorities[index - 1]
        index += 1
        if p.app == "NoOp":
            continue
        if p.app == "Set":
            m = _TODAY.match(p.args)
            assert m and m.group(1) == tz, p.args
            today = local.strftime("%Y%m%d")
            continue
        if p.app == "Goto":
            key = resolve(plan, p, p.args)
        elif p.app == "GotoIf":
            cond, target = split_top(p.args, "?")
            m = _IS_DAY.match(cond)
            assert m and today is not None, p.args
            if today != m.group(1):
                continue
            key = resolve(plan, p, target)
        elif p.app == "GotoIfTime":
            spec, target = split_top(p.args, "?")
            if not _time_matches(spec, local, tz):
                continue
            key = resolve(plan, p, target)
        else:
            raise AssertionError(f"unexpected {p.app} in the interval choice")
        if key[:2] != (main, "s"):
            return key
        index = key[2]
    raise AssertionError("the interval choice loops")


def scenario_start(plan: Dialplan, main: str, interval: str) -> Key:
    """Where the compiled scenario of an interval starts (by the pointer comments), or ``hangup``."""
    head = f"/scenarios/{interval}: "
    for ctx in plan.contexts.values():
        if ctx.comment and ctx.comment.startswith(head):
            return ctx.name, "s", 1
        for ext in ctx.extensions.values():
            if ext.comment and ext.comment.startswith(head):
                return ctx.name, ext.name, 1
    return main, "hangup", 1
