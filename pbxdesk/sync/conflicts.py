"""Conflicts of the local profile: list them by merge unit and resolve them.

A number is in conflict when the server has a newer revision that changed a merge unit the local save also
changed differently (or when the merged result would not validate: unit ``document``). Both versions are
kept in the store (saved = mine, ``get_theirs`` = theirs, ``get_base`` = the common ancestor) and neither
is sent anywhere until the user resolves.

Resolving: each conflicting unit (or the whole number, unit ``document``) is taken from ``mine``, from
``theirs`` or given as an edited value. Choices for some units only are kept in ``conflict-choices.json`` in
the profile (tied to the server revision they were made against) and the number stays in conflict; once
every conflicting unit has a choice, the result is built with :func:`pbxdesk.domain.merge.resolve`,
validated and handed to ``store.resolve_conflict``, which queues it for the next push (new idempotency key).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.domain.merge import DOCUMENT_UNIT, UnitConflict, merge, resolve
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.phone import normalize_number
from pbxdesk.domain.problems import Problem, has_errors
from pbxdesk.domain.validation import validate_document
from pbxdesk.store import Store

CHOICES_FILE = "conflict-choices.json"
TAKE = ("mine", "theirs")


class ResolveError(ValueError):
    """The resolution cannot be applied: not in conflict, unknown unit, or a result with errors."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class NumberConflict:
    number: str
    name: str
    base_revision: int | None
    theirs_revision: int
    base: RoutingDocument | None
    mine: RoutingDocument
    theirs: RoutingDocument
    units: list[UnitConflict]
    problems: list[Problem] = field(default_factory=list)  # of the automatic merge (unit ``document``)
    chosen: dict[str, Any] = field(default_factory=dict)  # choices made so far (unit -> mine/theirs/value)

    @property
    def open_units(self) -> list[str]:
        return [u.unit for u in self.units if u.unit not in self.chosen]

    def as_json(self) -> dict[str, Any]:
        return {"number": self.number, "name": self.name, "base_revision": self.base_revision,
                "theirs_revision": self.theirs_revision, "open_units": self.open_units,
                "chosen": self.chosen,
                "units": [{"unit": u.unit, "base": u.base, "mine": u.mine, "theirs": u.theirs} for u in self.units],
                "problems": [p.as_dict("en") for p in self.problems]}


def conflict_of(store: Store, number: str) -> NumberConflict | None:
    """The conflict of ``number`` with its conflicting units (None when the number is not in conflict)."""
    num = normalize_number(number)
    theirs = store.get_theirs(num)
    mine = store.get_saved(num)
    if theirs is None or mine is None:
        return None
    base = store.get_base(num)
    result = merge(base, mine, theirs[0], store.get_directory())
    summary = store.summary(num)
    units = result.conflicts  # empty when both sides agree by now: nothing left to decide
    chosen = _load_choices(store).get(num, {})
    if chosen.get("revision") != theirs[1]:
        chosen = {}
    return NumberConflict(num, mine.name, summary.revision, theirs[1], base, mine, theirs[0], units,
                          result.problems, dict(chosen.get("choices", {})))


def list_conflicts(store: Store) -> list[NumberConflict]:
    """Every number in state ``conflict``, ordered by number."""
    out = []
    for summary in store.list_numbers(state="conflict"):
        found = conflict_of(store, summary.number)
        if found is not None:
            out.append(found)
    return out


def resolve_number(store: Store, number: str, choices: dict[str, Any]) -> NumberConflict | None:
    """Apply ``choices`` (unit -> ``"mine"`` / ``"theirs"`` / an edited unit value; unit ``document``
    takes a whole side). Returns the conflict still open (some units undecided) or None when the number
    was resolved and queued. ``ResolveError`` when the number is not in conflict, a unit is not one of
    its conflicting units, or the result has validation errors (nothing is changed then)."""
    conflict = conflict_of(store, number)
    if conflict is None:
        raise ResolveError(f"{normalize_number(number)} is not in conflict")
    names = {u.unit for u in conflict.units} | {DOCUMENT_UNIT}
    unknown = sorted(set(choices) - names)
    if unknown:
        raise ResolveError(f"not a conflicting unit of {conflict.number}: {', '.join(unknown)} "
                           f"(conflicting: {', '.join(u.unit for u in conflict.units) or 'none'})")
    whole = choices.get(DOCUMENT_UNIT)
    if whole is not None and whole not in TAKE:
        raise ResolveError("the whole number is taken as mine or theirs; give an edited document with "
                           "resolve_with_document")
    merged = {**conflict.chosen, **choices}
    if whole is None and DOCUMENT_UNIT in {u.unit for u in conflict.units}:
        # the automatic merge did not validate: every unit merged fine on its own, so the user picks a side
        raise ResolveError(f"the merge of {conflict.number} does not validate; take the whole number "
                           f"(--take mine|theirs without --unit) or save an edited document",
                           conflict.problems)
    if whole is None and any(u not in merged for u in conflict.open_units):
        _save_choice(store, conflict.number, conflict.theirs_revision, merged)
        conflict.chosen = merged
        return conflict
    result = resolve(conflict.base, conflict.mine, conflict.theirs, merged if whole is None else {DOCUMENT_UNIT: whole})
    _finish(store, conflict.number, result)
    return None


def resolve_with_document(store: Store, number: str, edited: RoutingDocument) -> None:
    """Resolve the whole number with an edited document (validated like a save)."""
    if conflict_of(store, number) is None:
        raise ResolveError(f"{normalize_number(number)} is not in conflict")
    _finish(store, normalize_number(number), edited)


def _finish(store: Store, num: str, result: RoutingDocument) -> None:
    if normalize_number(result.number) != num:
        raise ResolveError(f"the document is for number {result.number}, not {num}")
    problems = validate_document(result, store.get_directory(), store.media_ids() or None)
    if has_errors(problems):
        raise ResolveError(f"the resolved document of {num} has errors", problems)
    store.resolve_conflict(num, result)
    _save_choice(store, num, None, None)


# ---------------------------------------------------------------------------------- partial choices
def _choices_path(store: Store) -> Path:
    return Path(store.profile_dir) / CHOICES_FILE


def _load_choices(store: Store) -> dict[str, Any]:
    try:
        data = json.loads(_choices_path(store).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_choice(store: Store, num: str, revision: int | None, choices: dict[str, Any] | None) -> None:
    data = _load_choices(store)
    if choices is None:
        if num not in data:
            return
        data.pop(num)
    else:
        data[num] = {"revision": revision, "choices": choices}
    path = _choices_path(store)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def unit_value(doc: RoutingDocument | None, unit: str) -> Any:
    """The canonical JSON value of ``unit`` in ``doc`` (None when absent)."""
    from pbxdesk.domain.merge import units

    if doc is None:
        return None
    return to_canonical_dict(doc) if unit == DOCUMENT_UNIT else units(doc).get(unit)
