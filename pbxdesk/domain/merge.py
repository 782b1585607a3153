"""Three-way merge of routing documents by merge units.

A document splits into **units**: ``name``, ``timezone``, ``schedule.mode``, each interval's definition
(``interval:<id>``), each weekday's ranges (``ranges:<day>``), each exception date (``exception:<date>``) and
each interval's scenario subtree (``scenario:<id>``). A unit changed on one side only is taken from that side;
a unit changed differently on both sides is a conflict. A merge whose result has validation errors is a
conflict of the whole document (unit ``document``). Conflicts keep both versions; nothing is overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from pbxdesk.domain.document import parse_document, to_canonical_dict
from pbxdesk.domain.models import WEEKDAYS, Directory, RoutingDocument
from pbxdesk.domain.problems import Problem, has_errors

DOCUMENT_UNIT = "document"
Choice = Literal["mine", "theirs"]


def units(doc: RoutingDocument) -> dict[str, Any]:
    """The merge units of a document as canonical JSON values (absent units are not listed)."""
    data = to_canonical_dict(doc)
    schedule = data["schedule"]
    out: dict[str, Any] = {"name": data["name"], "timezone": data["timezone"], "schedule.mode": schedule["mode"]}
    for interval in schedule["intervals"]:
        out[f"interval:{interval['id']}"] = interval
    for day in WEEKDAYS:
        day_ranges = [r for r in schedule["ranges"] if r["day"] == day]
        if day_ranges:
            out[f"ranges:{day}"] = day_ranges
    for other in sorted({r["day"] for r in schedule["ranges"]} - set(WEEKDAYS)):
        out[f"ranges:{other}"] = [r for r in schedule["ranges"] if r["day"] == other]
    for exc in schedule["exceptions"]:
        out[f"exception:{exc['date']}"] = exc
    for interval_id, node in data["scenarios"].items():
        out[f"scenario:{interval_id}"] = node
    return out


def _order(*sources: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for source in sources:
        for key in source:
            seen.setdefault(key, None)
    return list(seen)


def assemble(number: str, values: dict[str, Any], order: list[str]) -> RoutingDocument:
    """Build a document back from unit values (``order`` keeps intervals and scenarios in a stable order)."""
    keys = [k for k in order if k in values] + [k for k in values if k not in order]
    data = {
        "format": "pbxdesk.routing/1", "number": number, "name": values.get("name", ""),
        "timezone": values.get("timezone", "Europe/Moscow"),
        "schedule": {
            "mode": values.get("schedule.mode", "always"),
            "intervals": [values[k] for k in keys if k.startswith("interval:")],
            "ranges": [r for k in keys if k.startswith("ranges:") for r in values[k]],
            "exceptions": [values[k] for k in keys if k.startswith("exception:")],
        },
        "scenarios": {k.split(":", 1)[1]: values[k] for k in keys if k.startswith("scenario:")},
    }
    result = parse_document(json.loads(json.dumps(data)))
    if result.document is None:
        raise ValueError("; ".join(p.line("en") for p in result.problems))
    return result.document


@dataclass
class UnitConflict:
    unit: str
    base: Any
    mine: Any
    theirs: Any


@dataclass
class MergeResult:
    merged: RoutingDocument | None
    conflicts: list[UnitConflict] = field(default_factory=list)
    taken_from_theirs: list[str] = field(default_factory=list)
    taken_from_mine: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.merged is not None and not self.conflicts


def merge(base: RoutingDocument | None, mine: RoutingDocument, theirs: RoutingDocument,
          directory: Directory | None = None) -> MergeResult:
    """Merge ``mine`` (local edits) and ``theirs`` (the server's) against their common ``base``."""
    from pbxdesk.domain.validation import validate_document

    b = units(base) if base is not None else {}
    m, t = units(mine), units(theirs)
    values: dict[str, Any] = {}
    result = MergeResult(None)
    for key in _order(m, t, b):
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if mv == tv:
            chosen = mv
        elif mv == bv:
            chosen = tv
            result.taken_from_theirs.append(key)
        elif tv == bv:
            chosen = mv
            result.taken_from_mine.append(key)
        else:
            result.conflicts.append(UnitConflict(key, bv, mv, tv))
            continue
        if chosen is not None:
            values[key] = chosen
    if result.conflicts:
        return result
    merged = assemble(mine.number, values, _order(m, t))
    problems = validate_document(merged, directory)
    if has_errors(problems):
        result.problems = problems
        result.conflicts.append(UnitConflict(DOCUMENT_UNIT, to_canonical_dict(base) if base else None,
                                             to_canonical_dict(mine), to_canonical_dict(theirs)))
        return result
    result.merged = merged
    return result


def resolve(base: RoutingDocument | None, mine: RoutingDocument, theirs: RoutingDocument,
            choices: dict[str, Choice | Any]) -> RoutingDocument:
    """Apply a resolution: for each unit ``"mine"``, ``"theirs"`` or an edited unit value (None = remove).

    Units not named in ``choices`` merge as :func:`merge` does; a conflicting unit left unnamed keeps mine.
    ``choices[DOCUMENT_UNIT]`` = ``"mine"`` / ``"theirs"`` takes that whole side.
    """
    whole = choices.get(DOCUMENT_UNIT)
    if whole == "mine":
        return mine.model_copy(deep=True)
    if whole == "theirs":
        return theirs.model_copy(deep=True)
    b = units(base) if base is not None else {}
    m, t = units(mine), units(theirs)
    values: dict[str, Any] = {}
    for key in _order(m, t, b):
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if key in choices:
            choice = choices[key]
            chosen = mv if choice == "mine" else tv if choice == "theirs" else choice
        else:
            chosen = tv if mv == bv else mv
        if chosen is not None:
            values[key] = chosen
    return assemble(mine.number, values, _order(m, t))
