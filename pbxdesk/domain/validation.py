"""Validation of routing documents (SPEC §5): what "Save changes" checks.

``validate_document`` reports the semantic problems of a structurally valid document in document
order: number, name, timezone, the schedule (``validation_schedule``), then each scenario (coverage
of the intervals, R5/R14) with its node tree (``validation_nodes``), then scenarios missing for
intervals that occur. ``validate_data`` starts from decoded JSON: structure problems first (pydantic,
``pbxdesk.domain.document``); when the structure is broken it still checks each part that is sound
on its own (number, name, timezone, the schedule, each scenario tree, and the coverage of the intervals
when the schedule is sound: a scenario whose own structure is broken still counts as present), otherwise
the full semantic pass.

Employee and department references are checked only with a directory, media ids only against
``known_media``. Each problem's code is in ``pbxdesk.domain.messages.CATALOG``.

Readings chosen where SPEC §4/§5 leave room (conformance audit, tests/cli/test_conformance.py):
* a missing member is reported at the pointer it would have, including a node's ``type``
  (``/scenarios/working/type``, ``type.missing``); a node of an unknown type is ``node.unknown_type`` at
  the node's own pointer (the whole node is of no known kind);
* node fields are all required (§4 "all fields required unless marked ?"): an absent ``step_s`` is
  ``type.missing`` whatever the distribution; a null one is ``department.step_missing`` for ``in_turn`` and
  ``incremental`` (§5) and accepted for ``all`` (a number there is the warning ``department.step_ignored``);
* the names of ``working``/``non_working`` are fixed and shown translated, so their text is not compared
  with anything; only the §5 rules (not empty, no duplicate name) apply to them as to every interval;
* top-level ``format`` and ``timezone`` and ``schedule.ranges``/``exceptions`` may be absent (the model's
  defaults: ``pbxdesk.routing/1``, ``Europe/Moscow``, no ranges); the canonical writer writes them out;
* a scenario whose own structure is broken still counts as present for the coverage of the intervals.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError

from pbxdesk.domain.document import parse_document, to_canonical_dict, too_deep
from pbxdesk.domain.messages import message
from pbxdesk.domain.models import (
    FIXED_INTERVALS,
    AnyNode,
    Directory,
    MenuNode,
    Node,
    RoutingDocument,
    Schedule,
)
from pbxdesk.domain.phone import is_valid_number
from pbxdesk.domain.problems import Problem, escape_token
from pbxdesk.domain.text import MAX_DEPTH, NAME
from pbxdesk.domain.validation_common import Collector, Refs
from pbxdesk.domain.validation_nodes import check_tree
from pbxdesk.domain.validation_schedule import ScheduleFacts, check_schedule

__all__ = ["number_mismatch", "validate_data", "validate_document"]

_NODE: TypeAdapter[AnyNode] = TypeAdapter(Node)


def _timezone_known(name: str) -> bool:
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError, IsADirectoryError (e.g. "Europe"), ...
        return False
    return True


def _check_header(number: Any, name: Any, timezone: Any, out: Collector) -> None:
    if isinstance(number, str) and not is_valid_number(number):
        out.add("number.malformed", "/number", value=number)
    if isinstance(name, str):
        out.text(NAME, name, "/name", "name", "name.empty")
    if isinstance(timezone, str) and not _timezone_known(timezone):
        out.add("timezone.unknown", "/timezone", value=timezone)


def validate_document(doc: RoutingDocument, directory: Directory | None = None,
                      known_media: set[str] | None = None) -> list[Problem]:
    """Semantic problems of a structurally valid document (errors and warnings), in document order. A
    document nested deeper than the service accepts (a long chain of nodes) is only that problem."""
    out = Collector()
    _check_header(doc.number, doc.name, doc.timezone, out)
    facts = check_schedule(doc.schedule, out)
    _check_unused(doc.schedule, facts, out)
    _check_scenarios(doc.scenarios, facts, out, Refs(directory, known_media))
    # every pointer token takes at least 2 characters ("/x"): only a node pointer that long can be that deep
    if out.longest_pointer >= 2 * (MAX_DEPTH - 3):
        deep = _too_deep(doc)
        if deep is not None:
            return [deep]
    return out.problems


def _too_deep(doc: RoutingDocument) -> Problem | None:
    """``document.too_deep`` of a document built in memory (a parsed one was checked as JSON already). A node
    at pointer depth k is JSON level k + 1 and holds values at most 3 levels further (a mail recipient's id),
    so only a document with a node that deep is measured as JSON."""
    if not _nodes_below(doc, MAX_DEPTH - 3):
        return None
    return too_deep(to_canonical_dict(doc))


def _nodes_below(doc: RoutingDocument, tokens: int) -> bool:
    """Whether some node's pointer has ``tokens`` tokens or more (``/scenarios/working`` has 2; ``next`` and
    ``no_input`` add 1, a menu key 2): a walk with counts only, no pointers built."""
    stack = [(root, 2) for root in doc.scenarios.values() if root is not None]
    while stack:
        node, depth = stack.pop()
        if depth >= tokens:
            return True
        kind = node.type
        if kind == "menu":
            menu: MenuNode = node  # type: ignore[assignment]
            stack.extend((child, depth + 2) for child in menu.keys.values() if child is not None)
            if menu.no_input is not None:
                stack.append((menu.no_input, depth + 1))
        elif kind != "voicemail" and kind != "fax":
            nxt = node.next  # type: ignore[union-attr]
            if nxt is not None:
                stack.append((nxt, depth + 1))
    return False


def _check_unused(schedule: Schedule, facts: ScheduleFacts, out: Collector) -> None:
    seen: set[str] = set()
    for i, interval in enumerate(schedule.intervals):
        iid = interval.id
        if iid not in FIXED_INTERVALS and iid not in facts.occurring and iid not in seen:
            out.add("interval.unused", f"/schedule/intervals/{i}", name=facts.declared[iid])
        seen.add(iid)


def _check_scenarios(scenarios: Mapping[str, AnyNode | None], facts: ScheduleFacts | None, out: Collector,
                     refs: Refs, broken: frozenset[str] = frozenset()) -> None:
    """Coverage of the intervals (R5, R14; skipped when ``facts`` is None) and every scenario's tree.

    ``broken``: ids of scenarios present but structurally broken (their problems are reported already);
    they count as present, non-null scenarios for coverage, and their trees are not checked here.
    """
    for iid, root in scenarios.items():
        ptr = "/scenarios/" + escape_token(iid)
        present = root is not None or iid in broken
        if facts is None:
            pass
        elif iid not in facts.declared:
            if iid not in FIXED_INTERVALS:  # a missing fixed interval is reported as interval.missing
                out.add("scenario.undeclared_interval", ptr, id=iid)
        elif iid not in facts.occurring:
            if present:
                out.add("scenario.never_occurs", ptr, name=facts.declared[iid])
        elif not present:
            out.add("scenario.missing", ptr, name=facts.declared[iid])
        if root is not None:
            check_tree(ptr, root, out, refs)
    if facts is None:
        return
    wanted = list(facts.declared) + [f for f in FIXED_INTERVALS if f not in facts.declared]
    for iid in wanted:
        if iid in facts.occurring and iid not in scenarios:
            out.add("scenario.missing", "/scenarios/" + escape_token(iid), name=facts.declared.get(iid, iid))


def validate_data(data: Any, directory: Directory | None = None,
                  known_media: set[str] | None = None, number: str | None = None) -> list[Problem]:
    """Structure problems (plus the cheap semantic ones of the raw data), or when the structure is sound,
    the full semantic check. ``number``: the number the document is saved to (a profile's number, the
    number in the URL of a PUT); a document naming another number is ``number.mismatch``, reported first."""
    problems = _validate(data, directory, known_media)
    if number is not None and isinstance(data, dict) and data.get("number") != number \
            and not any(p.code == "document.too_deep" for p in problems):
        problems.insert(0, number_mismatch(data.get("number"), number))
    return problems


def number_mismatch(found: Any, number: str) -> Problem:
    """``number.mismatch``: the document names ``found`` but is saved to ``number``."""
    ru, en = message("number.mismatch", found=found if isinstance(found, str) else json.dumps(found),
                     number=number)
    return Problem("error", "/number", "number.mismatch", ru, en)


def _validate(data: Any, directory: Directory | None, known_media: set[str] | None) -> list[Problem]:
    result = parse_document(data)
    if result.document is not None:
        return validate_document(result.document, directory, known_media)
    problems = list(result.problems)
    if isinstance(data, dict) and not any(p.code == "document.too_deep" for p in problems):
        out = Collector()
        _check_parts(data, out, Refs(directory, known_media))
        reported = {p.pointer for p in problems}
        problems.extend(p for p in out.problems if p.pointer not in reported)
        problems.sort(key=_member_rank)  # stable: document order of the top-level members
    return problems


def _check_parts(data: dict[str, Any], out: Collector, refs: Refs) -> None:
    """Best effort on a document whose structure is broken: check each part that is sound on its own
    (the header fields, the schedule, each scenario's tree)."""
    _check_header(data.get("number"), data.get("name"), data.get("timezone"), out)
    facts: ScheduleFacts | None = None
    try:
        schedule = Schedule.model_validate(data.get("schedule"), strict=True)
    except ValidationError:
        schedule = None
    if schedule is not None:
        facts = check_schedule(schedule, out)
        _check_unused(schedule, facts, out)
    raw = data.get("scenarios")
    if not isinstance(raw, dict):
        return
    scenarios: dict[str, AnyNode | None] = {}
    broken: set[str] = set()
    for iid, node in raw.items():
        try:
            scenarios[iid] = None if node is None else _NODE.validate_python(node, strict=True)
        except ValidationError:
            scenarios[iid] = None  # its structure problems are reported already; it is present all the same
            broken.add(iid)
    _check_scenarios(scenarios, facts, out, refs, frozenset(broken))


_MEMBER_RANK = {name: i for i, name in enumerate(RoutingDocument.model_fields)}


def _member_rank(problem: Problem) -> int:
    first = problem.pointer[1:].split("/", 1)[0]
    return _MEMBER_RANK.get(first, len(_MEMBER_RANK))
