"""Problems found in a routing document: JSON Pointer, stable code, severity and a message in ru/en."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pbxdesk.domain.text import printable

Severity = Literal["error", "warning"]


def escape_token(token: str | int) -> str:
    """Escape one reference token of a JSON Pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON Pointer from reference tokens: ``pointer("scenarios", "working")`` -> ``/scenarios/working``."""
    return "".join("/" + escape_token(t) for t in tokens)


def join(base: str, *tokens: str | int) -> str:
    """Append reference tokens to an existing pointer."""
    return base + pointer(*tokens)


def split(ptr: str) -> list[str]:
    """The reference tokens of a JSON Pointer (inverse of :func:`pointer`)."""
    if ptr == "":
        return []
    if not ptr.startswith("/"):
        raise ValueError(f"not a JSON Pointer: {ptr!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in ptr[1:].split("/")]


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    pointer: str
    code: str
    message_ru: str
    message_en: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "ru") -> str:
        return self.message_en if lang.startswith("en") else self.message_ru

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        return {"severity": self.severity, "pointer": self.pointer, "code": self.code,
                "message": self.message(lang)}

    def line(self, lang: str = "en") -> str:
        """The CLI line: ``ERROR /json/pointer code: message``; always one line (a pointer naming a member
        whose key holds a line break shows it escaped, as messages show the text they quote)."""
        return f"{self.severity.upper()} {printable(self.pointer)} {self.code}: {printable(self.message(lang))}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)
