"""What text may hold: one rule for every name, prompt text, id, e-mail and extension, everywhere.

The same rules are checked by client validation (:mod:`pbxdesk.domain.validation`), the provisioning
service (it validates with the same functions and publishes :data:`SCHEMA_PATTERNS` in its OpenAPI
document), the directory import (:mod:`pbxdesk.domain.directory_check`) and the dialplan compiler
(:func:`is_email`, :func:`is_extension`), so what one of them refuses the others refuse too.

* **Forbidden in all text**: control characters (U+0000–U+001F, U+007F–U+009F), the line and paragraph
  separators U+2028/U+2029, the text direction overrides and isolates U+202A–U+202E and U+2066–U+2069 (they
  make a name read differently from what it holds), and lone surrogates U+D800–U+DFFF (no UTF-8 form: a
  database cannot store them). Prompt text (:data:`TTS`) may also hold tabs and line breaks.
* **Lengths** (in characters): a number name 1–200, an interval name 1–60, prompt text 1–1000, an employee or
  department id 1–100, directory names 1–200, an e-mail at most 254; blank text (only spaces) is empty.
* **E-mail**: ``local@domain.tld`` in ASCII letters, digits and ``._%+-`` (the dialplan hands it to a mail
  command), **extension**: 1–15 digits.
* **Nesting**: a JSON document at most :data:`MAX_DEPTH` levels deep (the server refuses deeper ones before
  decoding them further).

:func:`printable` is the other half: text from users shown on one line (CLI messages, log lines) has its
control characters escaped, so it can never start a new line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

# Character classes (regex source, valid in Python and in ECMA-262, so the schema states exactly what the code
# checks). Lone surrogates are refused by the code too; the published patterns leave them out, because no
# UTF-8 text can hold one and some schema tools cannot spell them.
_FORBIDDEN_ALWAYS = "\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069"
ONE_LINE_FORBIDDEN = "\\u0000-\\u001f" + _FORBIDDEN_ALWAYS
MULTI_LINE_FORBIDDEN = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f" + _FORBIDDEN_ALWAYS
_SURROGATES = "\\ud800-\\udfff"
# The spaces text may hold (what Python's str.isspace() calls a space, less the forbidden characters).
SPACES = "\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000"
_ONE_LINE_BAD = re.compile(f"[{ONE_LINE_FORBIDDEN}{_SURROGATES}]")
_MULTI_LINE_BAD = re.compile(f"[{MULTI_LINE_FORBIDDEN}{_SURROGATES}]")

EMAIL_BODY = r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
EMAIL_PATTERN = f"^{EMAIL_BODY}$"
EXTENSION_PATTERN = r"^[0-9]{1,15}$"
_EMAIL = re.compile(EMAIL_PATTERN)
_EXTENSION = re.compile(EXTENSION_PATTERN)
EMAIL_MAX = 254
MAX_DEPTH = 200


def _text_pattern(forbidden: str, spaces: str) -> str:
    """Allowed characters only, at least one of them not a space (spaces spelled out: ``\\s`` differs
    between regex dialects)."""
    return f"^[{spaces}]*[^{spaces}{forbidden}][^{forbidden}]*$"


@dataclass(frozen=True)
class TextRule:
    """A kind of free text: its length limit, whether it may span lines, and its schema pattern."""

    kind: str
    max_length: int
    multiline: bool = False

    @property
    def pattern(self) -> str:
        if self.multiline:
            return _text_pattern(MULTI_LINE_FORBIDDEN, SPACES + "\\t\\n\\r")
        return _text_pattern(ONE_LINE_FORBIDDEN, SPACES)

    def __post_init__(self) -> None:
        forbidden = (MULTI_LINE_FORBIDDEN if self.multiline else ONE_LINE_FORBIDDEN) + _SURROGATES
        spaces = SPACES + ("\\t\\n\\r" if self.multiline else "")
        object.__setattr__(self, "_valid", re.compile(f"[{spaces}]*[^{spaces}{forbidden}][^{forbidden}]*\\Z").match)

    def valid(self, text: str) -> bool:
        """Whether ``text`` keeps every rule of its kind (one regex match: the check of every valid value)."""
        return len(text) <= self.max_length and self._valid(text) is not None  # type: ignore[attr-defined]

    def forbidden(self, text: str) -> tuple[int, str] | None:
        """``(position, character)`` of the first character this text may not hold (1-based), or None."""
        found = (_MULTI_LINE_BAD if self.multiline else _ONE_LINE_BAD).search(text)
        return None if found is None else (found.start() + 1, found.group())

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of a value of this kind (OpenAPI and the routing schema)."""
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": self.pattern}


NAME = TextRule("name", 200)
INTERVAL_NAME = TextRule("interval name", 60)
TTS = TextRule("prompt text", 1000, multiline=True)
ID = TextRule("id", 100)
DIRECTORY_NAME = TextRule("directory name", 200)
COMPANY_NAME = TextRule("company name", 200)


def char_name(char: str) -> str:
    """``U+000A`` for a character (how messages name a character that cannot be shown)."""
    return f"U+{ord(char):04X}"


def is_email(text: object) -> bool:
    """An e-mail address the dialplan can hand to the mail command (see the module docstring)."""
    return isinstance(text, str) and len(text) <= EMAIL_MAX and _EMAIL.fullmatch(text) is not None


def is_extension(text: object) -> bool:
    """An employee extension: 1–15 digits."""
    return isinstance(text, str) and _EXTENSION.fullmatch(text) is not None


def is_blank(text: str) -> bool:
    return not text.strip()


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, limit: int | None = None) -> str:
    """``text`` safe on one line: every character :data:`NAME` forbids is escaped (``\\n``, ``\\x00``,
    ``\\u2028``); with ``limit``, cut to that many characters with ``…``."""
    value = str(text)
    if limit is not None and len(value) > limit:
        value = value[:limit] + "…"
    return _ONE_LINE_BAD.sub(_escape, value)


def json_depth_pointer(data: Any, limit: int = MAX_DEPTH) -> str | None:
    """The JSON Pointer of the first value (in document order) nested deeper than ``limit`` levels (the
    document itself is level 1), or None when the whole document is within the limit. Iterative: a deep
    document cannot exhaust the Python stack."""
    if not _deeper_than(data, limit):
        return None
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    while stack:
        value, level, ptr = stack.pop()
        if level > limit:
            return ptr
        if isinstance(value, dict):
            items = [(v, level + 1, f"{ptr}/{_token(k)}") for k, v in value.items()]
        elif isinstance(value, list):
            items = [(v, level + 1, f"{ptr}/{i}") for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(items))
    return None


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether some value sits below level ``limit`` (the quick pass: containers only, no pointers)."""
    if not isinstance(data, dict | list):
        return limit < 1
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if not children:
            continue
        if level >= limit:
            return True
        for child in children:
            if isinstance(child, dict | list):
                stack.append((child, level + 1))
    return False


def _token(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def json_text(data: Any, **options: Any) -> str:
    """JSON text of ``data`` as UTF-8 can carry it: readable (``ensure_ascii=False``) unless the data holds
    lone surrogates, which only the escaped form can carry."""
    text = json.dumps(data, ensure_ascii=False, **options)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, ensure_ascii=True, **options)
    return text
