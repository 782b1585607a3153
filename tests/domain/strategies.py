"""Hypothesis strategies: VALID routing documents (no validation errors, SPEC §5) with matching directories,
and simulated calls against them. Reusable by any engineer's tests::

    from tests.domain.strategies import calls, directories, documents_with_directory

(``tests`` is importable as a namespace package when pytest runs as ``python -m pytest`` from the checkout.)

Everything is built as plain JSON data first (``routing_data``) and then parsed with
``pbxdesk.domain.document.from_dict``, so the structure is checked by the real loader.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from pbxdesk.domain.document import from_dict
from pbxdesk.domain.models import (
    DEPARTMENT_STEPS,
    DEPARTMENT_TIMEOUTS,
    EMPLOYEE_TIMEOUTS,
    EXTERNAL_TIMEOUTS,
    MENU_KEYS,
    WEEKDAYS,
    Department,
    Directory,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    RoutingDocument,
)
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.timeutil import DAY_MINUTES, format_hhmm
from pbxdesk.domain.walk import iter_nodes

TIMEZONES = ("Europe/Moscow", "Europe/Berlin", "Asia/Yekaterinburg", "Asia/Vladivostok", "America/New_York",
             "UTC", "Australia/Lord_Howe")
FIXED_NAMES = {"working": "Рабочее время", "non_working": "Нерабочее время"}
EXTRA_NAMES = ("Обед", "Вечер", "Праздник", "Lunch break", "Утро")

ten_digits = st.text("0123456789", min_size=10, max_size=10)
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                              exclude_characters="".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))),
                min_size=1, max_size=40)  # what pbxdesk.domain.text allows in names (no direction overrides)


@st.composite
def directories(draw: st.DrawFn, min_departments: int = 1) -> Directory:
    """A company directory: 1-6 employees (unique 3-digit extensions, e-mail or none), 1-3 departments."""
    n = draw(st.integers(1, 6))
    extensions = draw(st.lists(st.integers(100, 999), min_size=n, max_size=n, unique=True))
    employees = []
    for i, ext in enumerate(extensions):
        email = draw(st.sampled_from([f"user{i}@example.ru", f"user{i}@example.ru", "shared@example.ru", None]))
        employees.append({"id": f"e-{i + 1}", "name": f"Сотрудник {i + 1}", "extension": str(ext),
                          "email": email})
    ids = [e["id"] for e in employees]
    departments = []
    for j in range(draw(st.integers(min_departments, 3))):
        members = draw(st.lists(st.sampled_from(ids), max_size=len(ids), unique=True))
        departments.append({"id": f"d-{j + 1}", "name": f"Отдел {j + 1}", "members": members})
    return Directory.model_validate({"employees": employees, "departments": departments})


def prompts() -> st.SearchStrategy[dict[str, Any]]:
    tts = st.builds(lambda text, voice: {"tts": text, "voice": voice}, _text, st.sampled_from(["ru", "en"]))
    audio = st.builds(lambda h: {"audio": h}, st.text("0123456789abcdef", min_size=64, max_size=64))
    return st.one_of(tts, audio)


def _optional_prompt(draw: st.DrawFn) -> dict[str, Any] | None:
    return draw(st.one_of(st.none(), prompts()))


def _node(draw: st.DrawFn, directory: Directory, depth: int) -> dict[str, Any]:
    kinds = ["forward_external", "voicemail", "fax"]
    if directory.employees:
        kinds.append("forward_employee")
    if directory.departments:
        kinds.append("forward_department")
    if depth > 0:
        kinds += ["message", "menu", "menu", "menu"]
    kind = draw(st.sampled_from(kinds))

    def nxt() -> dict[str, Any] | None:
        return _node(draw, directory, depth - 1) if depth > 0 and draw(st.booleans()) else None

    if kind == "message":
        return {"type": "message", "prompt": draw(prompts()), "next": nxt()}
    if kind == "menu":
        keys = draw(st.lists(st.sampled_from(MENU_KEYS), min_size=0, max_size=3, unique=True))
        dialing = draw(st.booleans()) if keys else True
        return {"type": "menu", "prompt": draw(prompts()),
                "keys": {k: _node(draw, directory, depth - 1) for k in keys},
                "no_input": _node(draw, directory, depth - 1), "extension_dialing": dialing,
                "timeout_s": draw(st.integers(1, 30)), "repeats": draw(st.integers(1, 5))}
    if kind == "forward_external":
        return {"type": kind, "number": draw(ten_digits), "timeout_s": draw(st.sampled_from(EXTERNAL_TIMEOUTS)),
                "announcement": _optional_prompt(draw), "next": nxt()}
    if kind == "forward_employee":
        employee = draw(st.sampled_from([e.id for e in directory.employees]))
        return {"type": kind, "employee": employee, "timeout_s": draw(st.sampled_from(EMPLOYEE_TIMEOUTS)),
                "announcement": _optional_prompt(draw), "next": nxt()}
    if kind == "forward_department":
        distribution = draw(st.sampled_from(["all", "in_turn", "incremental"]))
        step = None if distribution == "all" else draw(st.sampled_from(DEPARTMENT_STEPS))
        return {"type": kind, "department": draw(st.sampled_from([d.id for d in directory.departments])),
                "distribution": distribution, "step_s": step,
                "timeout_s": draw(st.sampled_from(DEPARTMENT_TIMEOUTS)),
                "announcement": _optional_prompt(draw), "next": nxt()}
    recipients: list[dict[str, str]] = []
    for _ in range(draw(st.integers(0, 3))):
        if directory.departments and draw(st.booleans()):
            recipients.append({"department": draw(st.sampled_from([d.id for d in directory.departments]))})
        elif directory.employees:
            recipients.append({"employee": draw(st.sampled_from([e.id for e in directory.employees]))})
    external = draw(st.sampled_from([None, "office@example.ru", "fax@example.com"]))
    if not recipients and external is None:
        external = "office@example.ru"
    return {"type": kind, "greeting": _optional_prompt(draw), "recipients": recipients,
            "external_email": external}


def _day_ranges(draw: st.DrawFn, interval_ids: list[str]) -> list[tuple[str, str, str]]:
    """Non-overlapping ``[start, end)`` ranges of one day (HH:MM, end may be 24:00), some minutes left free."""
    cuts = sorted(draw(st.sets(st.integers(0, DAY_MINUTES), max_size=6)))
    ranges = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        interval = draw(st.one_of(st.none(), st.sampled_from(interval_ids)))
        if interval is not None:
            ranges.append((format_hhmm(start), format_hhmm(end), interval))
    return ranges


@st.composite
def routing_data(draw: st.DrawFn, directory: Directory, max_depth: int = 3) -> dict[str, Any]:
    """JSON data of a valid ``pbxdesk.routing/1`` document whose references all exist in ``directory``."""
    extra = draw(st.lists(st.sampled_from(EXTRA_NAMES), max_size=3, unique=True))
    intervals = [{"id": i, "name": n} for i, n in FIXED_NAMES.items()]
    intervals += [{"id": f"custom{k + 1}", "name": name} for k, name in enumerate(extra)]
    ids = [i["id"] for i in intervals]
    ranges = [{"day": day, "start": s, "end": e, "interval": i}
              for day in WEEKDAYS if draw(st.booleans()) for s, e, i in _day_ranges(draw, ids)]
    dates = draw(st.lists(st.dates(date(2026, 1, 1), date(2028, 12, 31)), max_size=3, unique=True))
    exceptions = [{"date": d.isoformat(),
                   "ranges": [{"start": s, "end": e, "interval": i} for s, e, i in _day_ranges(draw, ids)]}
                  for d in dates]
    data: dict[str, Any] = {
        "format": "pbxdesk.routing/1", "number": draw(ten_digits), "name": draw(_text),
        "timezone": draw(st.sampled_from(TIMEZONES)),
        "schedule": {"mode": draw(st.sampled_from(["weekly", "weekly", "always"])), "intervals": intervals,
                     "ranges": ranges, "exceptions": exceptions},
        "scenarios": {},
    }
    needed = occurring_intervals(from_dict(data))
    for interval_id in ids:
        if interval_id in needed or draw(st.integers(0, 4)) == 0:  # occurring ones, now and then another
            data["scenarios"][interval_id] = _node(draw, directory, draw(st.integers(min(1, max_depth), max_depth)))
    return data


@st.composite
def documents_with_directory(draw: st.DrawFn, max_depth: int = 3) -> tuple[RoutingDocument, Directory]:
    directory = draw(directories())
    return from_dict(draw(routing_data(directory, max_depth))), directory


def instants(tz_names: tuple[str, ...] = TIMEZONES) -> st.SearchStrategy[datetime]:
    """Call instants in 2026-2028: naive (local to the number), UTC or with a fixed offset; DST days included."""
    naive = st.datetimes(datetime(2026, 1, 1), datetime(2028, 12, 31, 23, 59))
    offsets = st.sampled_from([UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5, minutes=-30))])
    aware = st.builds(lambda dt, tz: dt.replace(tzinfo=tz), naive, offsets)
    dst_edges = st.builds(lambda day, minute: day + timedelta(minutes=minute),
                          st.sampled_from([datetime(2026, 3, 29), datetime(2026, 10, 25), datetime(2026, 3, 8),
                                           datetime(2026, 11, 1), datetime(2026, 4, 5)]),
                          st.integers(0, DAY_MINUTES - 1))
    return st.one_of(naive, aware, dst_edges)


@st.composite
def calls(draw: st.DrawFn, doc: RoutingDocument, directory: Directory) -> dict[str, Any]:
    """Keyword arguments of ``simulate`` for a call to ``doc``: instant, menu inputs, busy, answer."""
    extensions = [e.extension for e in directory.employees if e.extension]
    inputs = draw(st.lists(st.one_of(st.sampled_from(MENU_KEYS), st.just("none"), st.sampled_from(extensions),
                                     st.just("999999")), max_size=6))
    ids = [e.id for e in directory.employees]
    busy = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    nodes = [n for _p, n in iter_nodes(doc)]
    numbers = [n.number for n in nodes if isinstance(n, ForwardExternalNode)] or ["4950000000"]
    called = [n.employee for n in nodes if isinstance(n, ForwardEmployeeNode)]
    called += [m for n in nodes if isinstance(n, ForwardDepartmentNode)
               for m in (directory.department(n.department) or Department(id="", name="")).members]
    answer = draw(st.one_of(st.just("nobody"), st.sampled_from(ids), st.sampled_from(called or ids),
                            st.sampled_from(called or ids), st.sampled_from(numbers).map(lambda n: "external:" + n)))
    after = draw(st.one_of(st.integers(0, 12), st.integers(0, 70),
                           st.floats(0, 70, allow_nan=False).map(lambda x: round(x, 1))))
    return {"at": draw(instants()), "directory": directory, "inputs": inputs, "busy": busy, "answer": answer,
            "answer_after_s": after}


def make_document(scenarios: dict[str, Any], *, mode: str = "weekly", ranges: list[dict[str, str]] | None = None,
                  exceptions: list[dict[str, Any]] | None = None, timezone_name: str = "Europe/Moscow",
                  extra: tuple[str, ...] = ()) -> RoutingDocument:
    """A hand-written document for example tests: the given scenarios (JSON data) and schedule.

    ``extra`` names extra intervals (``custom1``...). Built through the real loader (structure checked).
    """
    intervals = [{"id": i, "name": n} for i, n in FIXED_NAMES.items()]
    intervals += [{"id": f"custom{k + 1}", "name": name} for k, name in enumerate(extra)]
    return from_dict({
        "format": "pbxdesk.routing/1", "number": "4952302222", "name": "Тест", "timezone": timezone_name,
        "schedule": {"mode": mode, "intervals": intervals, "ranges": ranges or [], "exceptions": exceptions or []},
        "scenarios": scenarios,
    })
