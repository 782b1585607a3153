"""Shared pieces of validation: the problem collector and the lookups built once per run."""

from __future__ import annotations

import re

from pbxdesk.domain.messages import CATALOG, message
from pbxdesk.domain.models import Department, Directory, Employee
from pbxdesk.domain.problems import Problem, Severity

MEDIA_ID = re.compile(r"^[0-9a-f]{64}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
TTS_MAX = 1000


class Collector:
    """Problems in the order they are found (the checks walk the document in document order)."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, ptr: str, **params: object) -> None:
        sev: Severity = "warning" if CATALOG[code][0] == "warning" else "error"
        ru, en = message(code, **params)
        self.problems.append(Problem(sev, ptr, code, ru, en))


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
                if emp.extension:
                    self.extensions_by_key.setdefault(emp.extension[0], []).append(emp.extension)
            for key in self.extensions_by_key:
                self.extensions_by_key[key] = sorted(set(self.extensions_by_key[key]))


def join_allowed(values: tuple[int, ...]) -> str:
    return ", ".join(str(v) for v in values)
