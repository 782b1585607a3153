"""Week coverage of a number: which interval and which first action answer each hour, and what to watch.

* :func:`week_coverage` - 7 x 24 :class:`HourCell` from the weekly schedule (exception dates are not part
  of the week; ``always`` mode -> ``working`` everywhere). An hour split between intervals is shown with the
  one covering most of its minutes (``intervals`` lists them all, in order).
* :func:`call_paths` - every way a call can go through one scenario, from the root to where it ends
  (voicemail, fax, hang-up, or a branch not built yet), with the ring time it collects on the way.
* :func:`coverage_warnings` - what an administrator should know before saving:

  - ``coverage.interval_unused``: a declared interval that no minute of the week or of an exception uses;
  - ``coverage.scenario_unreached``: a scenario of an interval that never occurs (no call ever runs it);
  - ``coverage.no_scenario``: an interval in force at some time with no scenario;
  - ``coverage.members_never_rung``: a department forward whose step and timeout never reach some members;
  - ``coverage.no_one_rung``: a path of an occurring interval that ends in a hang-up with nobody rung and no
    voicemail or fax (the caller pressing nothing at each menu counts as a path, like any key);
  - ``coverage.ring_time``: per occurring interval, the worst-case ring time before the call reaches
    voicemail or fax (or ends, when no path has either): the longest sum of ring timeouts along one path
    (``info``, or ``warning`` above :data:`LONG_RING_S`; not given when nobody is ever rung and the call
    just ends, which ``coverage.no_one_rung`` already says). A department rings for its whole timeout
    in the worst case; a menu with extension dialing adds the :data:`EXTENSION_RING_S` of an unanswered extension before ``no_input``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pbxdesk.domain.describe import count_text, interval_name
from pbxdesk.domain.models import (
    WEEKDAYS,
    AnyNode,
    Directory,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    RoutingDocument,
    VoicemailNode,
)
from pbxdesk.domain.problems import join, pointer
from pbxdesk.domain.schedule import NON_WORKING, WORKING, day_spans, occurring_intervals
from pbxdesk.domain.simulator import EXTENSION_RING_S
from pbxdesk.domain.simulator_department import ring_windows
from pbxdesk.domain.walk import child_slots

LONG_RING_S = 120
HOURS = 24
CoverageSeverity = Literal["warning", "info"]
End = Literal["voicemail", "fax", "hangup", "broken"]


@dataclass(frozen=True)
class HourCell:
    day: str
    hour: int
    interval: str                    # the interval covering most minutes of the hour
    intervals: tuple[str, ...]       # every interval of the hour, in time order
    first_action: str | None         # the node type at the root of that interval's scenario (None: none)
    gap: bool = False                # a call in this hour can end with no one rung (or hits no scenario)


@dataclass(frozen=True)
class CallPath:
    """One way through a scenario: the node pointers in order, how it ends and what it collects."""

    nodes: tuple[str, ...]
    end: End
    end_pointer: str
    ring_s: int
    rung: bool


@dataclass(frozen=True)
class CoverageWarning:
    severity: CoverageSeverity
    code: str
    pointer: str
    interval: str | None
    message_ru: str
    message_en: str
    seconds: int | None = None
    path: tuple[str, ...] = field(default=())

    def message(self, lang: str = "ru") -> str:
        return self.message_en if lang.startswith("en") else self.message_ru


def _hour_intervals(spans: list[tuple[int, int, str]], hour: int) -> tuple[str, tuple[str, ...]]:
    lo, hi = hour * 60, hour * 60 + 60
    minutes: dict[str, int] = {}
    reached = lo
    for start, end, interval in sorted(spans):
        s, e = max(start, lo), min(end, hi)
        if e <= s:
            continue
        if s > reached:
            minutes[NON_WORKING] = minutes.get(NON_WORKING, 0) + s - reached
        minutes[interval] = minutes.get(interval, 0) + e - s
        reached = max(reached, e)
    if reached < hi:
        minutes[NON_WORKING] = minutes.get(NON_WORKING, 0) + hi - reached
    order = list(minutes)  # first appearance in time order
    main = max(order, key=lambda i: (minutes[i], -order.index(i)))
    return main, tuple(order)


def week_coverage(doc: RoutingDocument, directory: Directory | None = None) -> list[list[HourCell]]:
    """Seven rows (Monday first) of 24 hour cells; see the module docstring."""
    gaps = _gap_intervals(doc, directory)
    rows: list[list[HourCell]] = []
    for day in WEEKDAYS:
        spans = [(0, 24 * 60, WORKING)] if doc.schedule.mode == "always" else day_spans(doc, day)
        row = []
        for hour in range(HOURS):
            main, all_ = _hour_intervals(spans, hour)
            root = doc.scenarios.get(main)
            row.append(HourCell(day, hour, main, all_, root.type if root is not None else None,
                                any(i in gaps for i in all_)))
        rows.append(row)
    return rows


def _department_rings(node: ForwardDepartmentNode, directory: Directory | None) -> bool:
    if directory is None:
        return True
    dept = directory.department(node.department)
    return dept is None or bool(dept.members)  # an unknown department is validation's business


def call_paths(root: AnyNode | None, ptr: str, directory: Directory | None = None) -> list[CallPath]:
    """Every path from ``root`` (at ``ptr``) to where the call ends; see the module docstring."""
    paths: list[CallPath] = []
    # (node, pointer, nodes so far, ring seconds so far, rung so far)
    stack: list[tuple[AnyNode | None, str, tuple[str, ...], int, bool]] = [(root, ptr, (), 0, False)]
    while stack:
        node, at, nodes, ring_s, rung = stack.pop()
        if node is None:
            paths.append(CallPath(nodes, "broken", at, ring_s, rung))
            continue
        nodes = nodes + (at,)
        if isinstance(node, VoicemailNode | FaxNode):
            paths.append(CallPath(nodes, node.type, at, ring_s, rung))
            continue
        if isinstance(node, ForwardExternalNode | ForwardEmployeeNode):
            ring_s, rung = ring_s + node.timeout_s, True
        elif isinstance(node, ForwardDepartmentNode) and _department_rings(node, directory):
            ring_s, rung = ring_s + node.timeout_s, True
        slots = child_slots(node)
        if not slots:  # a menu always has no_input; this is only for completeness
            paths.append(CallPath(nodes, "hangup", at, ring_s, rung))
            continue
        for tokens, child in reversed(slots):
            extra = EXTENSION_RING_S if isinstance(node, MenuNode) and node.extension_dialing \
                and tokens == ("no_input",) else 0
            if child is None and tokens == ("next",):
                paths.append(CallPath(nodes, "hangup", at, ring_s, rung))
            else:
                stack.append((child, join(at, *tokens), nodes, ring_s + extra, rung))
    return paths


def _gap_intervals(doc: RoutingDocument, directory: Directory | None) -> set[str]:
    found: set[str] = set()
    for interval in occurring_intervals(doc):
        root = doc.scenarios.get(interval)
        paths = call_paths(root, pointer("scenarios", interval), directory)
        if root is None or any(p.end == "hangup" and not p.rung for p in paths):
            found.add(interval)
    return found


def _never_rung(node: ForwardDepartmentNode, directory: Directory) -> int:
    dept = directory.department(node.department)
    if dept is None or node.distribution == "all":
        return 0
    members = list(dict.fromkeys(dept.members))
    try:
        windows = ring_windows(node.distribution, members, node.step_s, node.timeout_s)
    except ValueError:
        return 0  # a missing step: validation reports it
    return len(set(members) - {w[0] for w in windows})


def _schedule_warnings(doc: RoutingDocument, occurring: set[str]) -> list[CoverageWarning]:
    out: list[CoverageWarning] = []
    for index, iv in enumerate(doc.schedule.intervals):
        if iv.id not in occurring:
            ru, en = interval_name(doc, iv.id, "ru"), interval_name(doc, iv.id, "en")
            out.append(CoverageWarning(
                "warning", "coverage.interval_unused", pointer("schedule", "intervals", index), iv.id,
                f"Интервал «{ru}» не встречается ни в одном часе недели и ни в одной дате-исключении",
                f"The interval “{en}” is not used at any hour of the week or on any exception date"))
    for interval_id, root in doc.scenarios.items():
        if root is not None and interval_id not in occurring:
            ru, en = interval_name(doc, interval_id, "ru"), interval_name(doc, interval_id, "en")
            out.append(CoverageWarning(
                "warning", "coverage.scenario_unreached", pointer("scenarios", interval_id), interval_id,
                f"Сценарий интервала «{ru}» никогда не выполняется: интервал не встречается в расписании",
                f"The scenario of “{en}” never runs: the interval does not occur in the schedule"))
    for interval_id in sorted(occurring):
        if doc.scenarios.get(interval_id) is None:
            ru, en = interval_name(doc, interval_id, "ru"), interval_name(doc, interval_id, "en")
            out.append(CoverageWarning(
                "warning", "coverage.no_scenario", pointer("scenarios", interval_id), interval_id,
                f"Интервал «{ru}» действует, но у него нет сценария: звонок ни к кому не попадёт",
                f"“{en}” is in force but has no scenario: a call reaches nobody"))
    return out


def _seconds_text(n: int, lang: str) -> str:
    return count_text(n, lang, ("секунда", "секунды", "секунд"), ("second", "seconds"))


def _interval_warnings(doc: RoutingDocument, interval_id: str,
                       directory: Directory | None) -> list[CoverageWarning]:
    root = doc.scenarios.get(interval_id)
    if root is None:
        return []
    out: list[CoverageWarning] = []
    ru, en = interval_name(doc, interval_id, "ru"), interval_name(doc, interval_id, "en")
    paths = call_paths(root, pointer("scenarios", interval_id), directory)
    for path in paths:
        if path.end == "hangup" and not path.rung:
            out.append(CoverageWarning(
                "warning", "coverage.no_one_rung", path.end_pointer, interval_id,
                f"«{ru}»: на этом пути вызов завершается, никого не вызвав и не записав сообщение",
                f"“{en}”: on this path the call ends without ringing anyone or taking a message",
                path=path.nodes))
    ends = [p for p in paths if p.end in ("voicemail", "fax")] or [p for p in paths if p.end != "broken"]
    if ends:
        worst = max(ends, key=lambda p: p.ring_s)
        mail = worst.end in ("voicemail", "fax")
        long = worst.ring_s > LONG_RING_S
        if worst.ring_s == 0 and mail:
            out.append(CoverageWarning(
                "info", "coverage.ring_time", worst.end_pointer, interval_id,
                f"«{ru}»: никого не вызывает — звонок сразу попадает на "
                + ("автоответчик" if worst.end == "voicemail" else "факс"),
                f"“{en}”: rings nobody — the call goes straight to " + worst.end,
                seconds=0, path=worst.nodes))
        elif worst.ring_s > 0:
            where_ru = {"voicemail": "до автоответчика", "fax": "до факса"}.get(
                worst.end, "до завершения вызова")
            where_en = {"voicemail": "before voicemail", "fax": "before fax"}.get(
                worst.end, "before the call ends")
            out.append(CoverageWarning(
                "warning" if long else "info", "coverage.ring_time",
                worst.end_pointer if mail else pointer("scenarios", interval_id), interval_id,
                f"«{ru}»: в худшем случае {_seconds_text(worst.ring_s, 'ru')} ожидания ответа {where_ru}"
                + (" — звонящий может не дождаться" if long else ""),
                f"“{en}”: at worst {_seconds_text(worst.ring_s, 'en')} of ringing {where_en}"
                + (" — callers may give up" if long else ""),
                seconds=worst.ring_s, path=worst.nodes))
    if directory is not None:
        stack: list[tuple[AnyNode, str]] = [(root, pointer("scenarios", interval_id))]
        while stack:
            node, at = stack.pop()
            if isinstance(node, ForwardDepartmentNode) and (missed := _never_rung(node, directory)):
                out.append(CoverageWarning(
                    "warning", "coverage.members_never_rung", at, interval_id,
                    f"«{ru}»: при таком шаге и времени ожидания "
                    f"{count_text(missed, 'ru', ('сотрудник', 'сотрудника', 'сотрудников'), ('', ''))} "
                    "отдела никогда не получат вызов",
                    f"“{en}”: with this step and timeout "
                    f"{count_text(missed, 'en', ('', '', ''), ('member', 'members'))} "
                    "of the department never ring"))
            stack.extend((c, join(at, *t)) for t, c in reversed(child_slots(node)) if c is not None)
    return out


def coverage_warnings(doc: RoutingDocument, directory: Directory | None = None) -> list[CoverageWarning]:
    """The warnings and facts of the module docstring: schedule first, then each occurring interval."""
    occurring = occurring_intervals(doc)
    out = _schedule_warnings(doc, occurring)
    order = [iv.id for iv in doc.schedule.intervals] + sorted(occurring)
    for interval_id in dict.fromkeys(order):
        if interval_id in occurring:
            out.extend(_interval_warnings(doc, interval_id, directory))
    return out


def worst_ring_seconds(doc: RoutingDocument, interval_id: str,
                       directory: Directory | None = None) -> int | None:
    """The worst-case ring time of ``coverage.ring_time`` for one interval (None: no scenario or no end)."""
    for warning in _interval_warnings(doc, interval_id, directory):
        if warning.code == "coverage.ring_time":
            return warning.seconds
    return None
