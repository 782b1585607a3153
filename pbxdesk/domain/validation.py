"""Validation of routing documents (SPEC §5): what "Save changes" checks.

``validate_document`` reports the semantic problems of a structurally valid document in document
order: number, name, timezone, the schedule (``validation_schedule``), then each scenario (coverage
of the intervals, R5/R14) with its node tree (``validation_nodes``), then scenarios missing for
intervals that occur. ``validate_data`` starts from decoded JSON: structure problems first (pydantic,
``pbxdesk.domain.document``); when the structure is broken it still checks what is cheap to check on
the raw data (number, name, timezone), otherwise the full semantic pass.

Employee and department references are checked only with a directory, media ids only against
``known_media``. Each problem's code is in ``pbxdesk.domain.messages.CATALOG``.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from pbxdesk.domain.document import parse_document
from pbxdesk.domain.models import FIXED_INTERVALS, Directory, RoutingDocument
from pbxdesk.domain.phone import is_valid_number
from pbxdesk.domain.problems import Problem, escape_token
from pbxdesk.domain.validation_common import Collector, Refs
from pbxdesk.domain.validation_nodes import check_tree
from pbxdesk.domain.validation_schedule import check_schedule

__all__ = ["validate_data", "validate_document"]


def _timezone_known(name: str) -> bool:
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError, IsADirectoryError (e.g. "Europe"), ...
        return False
    return True


def _check_header(number: Any, name: Any, timezone: Any, out: Collector) -> None:
    if isinstance(number, str) and not is_valid_number(number):
        out.add("number.malformed", "/number", value=number)
    if isinstance(name, str) and not name.strip():
        out.add("name.empty", "/name")
    if isinstance(timezone, str) and not _timezone_known(timezone):
        out.add("timezone.unknown", "/timezone", value=timezone)


def validate_document(doc: RoutingDocument, directory: Directory | None = None,
                      known_media: set[str] | None = None) -> list[Problem]:
    """Semantic problems of a structurally valid document (errors and warnings), in document order."""
    out = Collector()
    refs = Refs(directory, known_media)
    _check_header(doc.number, doc.name, doc.timezone, out)
    facts = check_schedule(doc.schedule, out)
    declared, occurring = facts.declared, facts.occurring
    for i, interval in enumerate(doc.schedule.intervals):
        iid = interval.id
        if iid not in FIXED_INTERVALS and iid not in occurring and declared.get(iid) is not None \
                and _first_index(doc, iid) == i:
            out.add("interval.unused", f"/schedule/intervals/{i}", name=declared[iid])
    for iid, root in doc.scenarios.items():
        ptr = "/scenarios/" + escape_token(iid)
        if iid not in declared:
            if iid not in FIXED_INTERVALS:  # a missing fixed interval is reported as interval.missing
                out.add("scenario.undeclared_interval", ptr, id=iid)
        elif iid not in occurring:
            if root is not None:
                out.add("scenario.never_occurs", ptr, name=declared[iid])
        elif root is None:
            out.add("scenario.missing", ptr, name=declared[iid])
        if root is not None:
            check_tree(ptr, root, out, refs)
    wanted = list(declared) + [f for f in FIXED_INTERVALS if f not in declared]
    for iid in wanted:
        if iid in occurring and iid not in doc.scenarios:
            out.add("scenario.missing", "/scenarios/" + escape_token(iid), name=declared.get(iid, iid))
    return out.problems


def _first_index(doc: RoutingDocument, iid: str) -> int:
    return next(i for i, interval in enumerate(doc.schedule.intervals) if interval.id == iid)


def validate_data(data: Any, directory: Directory | None = None,
                  known_media: set[str] | None = None) -> list[Problem]:
    """Structure problems (plus the cheap semantic ones of the raw data), or when the structure is sound,
    the full semantic check."""
    result = parse_document(data)
    if result.document is not None:
        return validate_document(result.document, directory, known_media)
    problems = list(result.problems)
    if isinstance(data, dict):
        out = Collector()
        reported = {p.pointer for p in problems}
        _check_header(data.get("number"), data.get("name"), data.get("timezone"), out)
        problems.extend(p for p in out.problems if p.pointer not in reported)
        problems.sort(key=_member_rank)  # stable: document order of the top-level members
    return problems


_MEMBER_RANK = {name: i for i, name in enumerate(RoutingDocument.model_fields)}


def _member_rank(problem: Problem) -> int:
    first = problem.pointer[1:].split("/", 1)[0]
    return _MEMBER_RANK.get(first, len(_MEMBER_RANK))
