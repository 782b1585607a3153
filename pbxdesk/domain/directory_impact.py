"""What a company directory means for its routings: each number's problems against it, and what a new
directory breaks.

A number's *problems* are its SPEC §5 problems (errors and warnings) checked with the company's current
directory (and media, when given): a forward to an employee who left (``employee.unknown``), one whose
extension was removed (``employee.no_extension``), a voicemail to someone without an e-mail
(``employee.no_email``), a department that is gone or empty. The service counts them per number, the CLI
and the app show them.

:func:`directory_impact` compares two directories for a set of routings: the numbers whose routings get
problems with the new directory that they did not have with the old one, with those problems (pointer,
code, message), which is what ``pbxdesk admin import-directory`` reports (and ``--dry-run`` shows first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.problems import Problem
from pbxdesk.domain.validation import validate_data, validate_document

__all__ = ["DIRECTORY_CODES", "NumberImpact", "directory_impact", "first_directory_problem", "number_problems",
           "routing_problems"]


def routing_problems(doc: RoutingDocument, directory: Directory,
                     known_media: set[str] | None = None) -> list[Problem]:
    """The problems of a stored routing against ``directory`` (and ``known_media``), in document order."""
    return validate_document(doc, directory, known_media)


def number_problems(data: Any, directory: Directory, known_media: set[str] | None = None) -> list[Problem]:
    """The same for a routing as decoded JSON (a stored document the service kept as text)."""
    return validate_data(data, directory, known_media)


@dataclass(frozen=True)
class NumberImpact:
    """A number whose routing a new directory breaks: its new problems (pointer, code, message)."""

    number: str
    name: str
    problems: tuple[Problem, ...]

    def lines(self, lang: str = "en") -> list[str]:
        """The report's lines for this number: a heading, then one indented line per problem."""
        return [f"{self.number} {self.name}"] + ["  " + p.line(lang) for p in self.problems]


def _keys(problems: Iterable[Problem]) -> set[tuple[str, str]]:
    return {(p.pointer, p.code) for p in problems}


def directory_impact(documents: Mapping[str, Any], old: Directory, new: Directory,
                     known_media: set[str] | None = None) -> list[NumberImpact]:
    """The numbers (by number) whose routings have problems with ``new`` that they had not with ``old``.

    ``documents``: number -> routing document as decoded JSON. A problem is new when no problem of the
    same code was at the same pointer before (a problem only reworded, e.g. a renamed department still
    empty, is not new)."""
    found: list[NumberImpact] = []
    for number in sorted(documents):
        data = documents[number]
        before = _keys(number_problems(data, old, known_media))
        after = number_problems(data, new, known_media)
        fresh = tuple(p for p in after if (p.pointer, p.code) not in before)
        if fresh:
            name = data.get("name", "") if isinstance(data, dict) else ""
            found.append(NumberImpact(number, str(name), fresh))
    return found


DIRECTORY_CODES = frozenset({"employee.unknown", "employee.no_extension", "employee.no_email", "department.unknown",
                             "department.empty", "menu.extension_conflict"})
"""The problem codes a directory change can bring to a routing that did not change."""


def first_directory_problem(problems: Iterable[Problem]) -> Problem | None:
    """The problem to show first on a number flagged for its directory problems: the first of those codes
    (errors before warnings as given), else the first problem at all."""
    found = list(problems)
    return next((p for p in found if p.code in DIRECTORY_CODES), found[0] if found else None)
