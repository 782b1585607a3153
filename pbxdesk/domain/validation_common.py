"""Shared pieces of validation: the problem collector and the lookups built once per run."""

from __future__ import annotations

import re

from pbxdesk.domain.messages import CATALOG, message
from pbxdesk.domain.models import Department, Directory, Employee
from pbxdesk.domain.problems import Problem, Severity
from pbxdesk.domain.text import TextRule, char_name, is_blank, is_extension

MEDIA_ID = re.compile(r"^[0-9a-f]{64}$")


class Collector:
    """Problems in the order they are found (the checks walk the document in document order)."""

    __slots__ = ("longest_pointer", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.longest_pointer = 0  # of the nodes checked (a document nested too deep has long ones)

    def add(self, code: str, ptr: str, **params: object) -> None:
        sev: Severity = "warning" if CATALOG[code][0] == "warning" else "error"
        ru, en = message(code, **params)
        self.problems.append(Problem(sev, ptr, code, ru, en))

    def text(self, rule: TextRule, value: str, ptr: str, field: str, empty_code: str | None,
             too_long_code: str = "text.too_long", **empty_params: object) -> bool:
        """Check free text against ``rule`` (:mod:`pbxdesk.domain.text`): a forbidden character first, then
        blank (``empty_code``, when blank text is an error), then the length. True when it passed."""
        if len(value) <= rule.max_length and rule._valid(value) is not None:  # type: ignore[attr-defined]
            return True  # (rule.valid inlined: this runs for every name, prompt and id of a document)
        bad = rule.forbidden(value)
        if bad is not None:
            self.add("text.forbidden_char", ptr, char=char_name(bad[1]), field=field, position=bad[0])
            return False
        if is_blank(value):
            if empty_code is not None:
                self.add(empty_code, ptr, **empty_params)
            return False
        if len(value) > rule.max_length:
            self.add(too_long_code, ptr, field=field, max=rule.max_length, length=len(value))
            return False
        return True


class Refs:
    """What references are checked against: the directory (optional) and the known media (optional)."""

    __slots__ = ("employees", "departments", "known_media", "extensions_by_key")

    def __init__(self, directory: Directory | None, known_media: set[str] | None) -> None:
        self.employees: dict[str, Employee] | None = None
        self.departments: dict[str, Department] | None = None
        self.extensions_by_key: dict[str, list[str]] = {}
        self.known_media = known_media
        if directory is not None:
            self.employees = {e.id: e for e in directory.employees}
            self.departments = {d.id: d for d in directory.departments}
            for emp in directory.employees:
                ext = emp.extension
                if ext is not None and is_extension(ext):  # what the dialplan can dial
                    self.extensions_by_key.setdefault(ext[0], []).append(ext)
            for key in self.extensions_by_key:
                self.extensions_by_key[key] = sorted(set(self.extensions_by_key[key]))


def join_allowed(values: tuple[int, ...]) -> str:
    return ", ".join(str(v) for v in values)
