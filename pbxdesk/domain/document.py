"""Reading and writing routing documents: structure check with JSON Pointers, canonical form (SPEC §4)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from pbxdesk.domain.messages import message
from pbxdesk.domain.models import WEEKDAYS, Directory, RoutingDocument
from pbxdesk.domain.problems import Problem, escape_token
from pbxdesk.domain.text import MAX_DEPTH, json_depth_pointer, json_text


def strip_bom(text: str | bytes) -> str | bytes:
    """The text without a leading UTF-8 byte order mark (editors on Windows write one; JSON has none)."""
    if isinstance(text, bytes):
        return text[3:] if text.startswith(b"\xef\xbb\xbf") else text
    return text[1:] if text.startswith("\ufeff") else text


class DocumentReadError(Exception):
    """The input is not a JSON object at all (unreadable file, bad JSON, not an object)."""


@dataclass
class LoadResult:
    """A parsed document (None when its structure is broken) and the structural problems found."""

    document: RoutingDocument | None
    problems: list[Problem] = field(default_factory=list)
    data: Any = None


def _loc_to_pointer(data: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into a JSON Pointer into the raw data, dropping union tags."""
    tokens: list[str] = []
    current = data
    for item in loc:
        if isinstance(item, str) and item.startswith("<") and item.endswith(">"):
            if not (isinstance(current, dict) and item in current):
                continue  # a union tag, not a member of the document
        tokens.append(escape_token(item))
        if isinstance(current, dict):
            current = current.get(str(item))
        elif isinstance(current, list) and isinstance(item, int) and 0 <= item < len(current):
            current = current[item]
        else:
            current = None
    return "".join("/" + t for t in tokens)


_NODE_SLOTS = frozenset({"next", "no_input"})


def _is_node_loc(loc: tuple[int | str, ...]) -> bool:
    """Whether a pydantic location is that of a scenario node (a scenario, a menu key, next, no_input)."""
    plain = [x for x in loc if not (isinstance(x, str) and x.startswith("<"))]
    if len(plain) == 2 and plain[0] == "scenarios":
        return True
    if len(plain) >= 2 and plain[-2] == "keys":
        return True
    return bool(plain) and plain[-1] in _NODE_SLOTS


def _structural_problem(data: Any, err: Any) -> Problem:
    loc = tuple(err["loc"])
    ptr = _loc_to_pointer(data, loc)
    kind = err["type"]
    member = next((str(x) for x in reversed(loc) if not (isinstance(x, str) and x.startswith("<"))), "")
    if kind == "extra_forbidden":
        code, params = "type.unknown_field", {"field": member}
    elif kind == "missing":
        code, params = "type.missing", {"field": member}
    elif kind in ("union_tag_invalid", "union_tag_not_found") and isinstance(err.get("input"), dict) \
            and "type" in err["input"]:
        # pointer: the node (the whole node is of no known kind; other areas rely on this pointer)
        code, params = "node.unknown_type", {"type": str(err["input"].get("type"))}
    elif kind == "union_tag_not_found" and isinstance(err.get("input"), dict) and _is_node_loc(loc):
        # a node without `type`: a missing member, reported at the pointer it would have (SPEC §5)
        code, params = "type.missing", {"field": "type"}
        ptr += "/type"
    elif loc == ("format",):
        code, params = "format.unsupported", {"value": str(err.get("input"))}
    else:
        code, params = "type.invalid", {"field": member, "detail": err.get("msg", "")}
    ru, en = message(code, **params)
    return Problem("error", ptr, code, ru, en)


def too_deep(data: Any) -> Problem | None:
    """``document.too_deep`` at the first value nested deeper than :data:`~pbxdesk.domain.text.MAX_DEPTH`
    levels (the limit the provisioning service enforces), or None."""
    deep = json_depth_pointer(data, MAX_DEPTH)
    if deep is None:
        return None
    ru, en = message("document.too_deep", max=MAX_DEPTH, max_plus=MAX_DEPTH + 1)
    return Problem("error", deep, "document.too_deep", ru, en)


def parse_document(data: Any) -> LoadResult:
    """Check the structure of already-decoded JSON and build the typed document (a document nested
    deeper than the service accepts is refused before anything else looks at it)."""
    deep = too_deep(data)
    if deep is not None:
        return LoadResult(None, [deep], data)
    if not isinstance(data, dict):
        ru, en = message("type.invalid", field="", detail="the document must be a JSON object")
        return LoadResult(None, [Problem("error", "", "type.invalid", ru, en)], data)
    try:
        doc = RoutingDocument.model_validate(data, strict=True)
    except ValidationError as exc:
        problems = [_structural_problem(data, e) for e in exc.errors()]
        return LoadResult(None, problems, data)
    return LoadResult(doc, [], data)


def loads(text: str | bytes) -> LoadResult:
    """Decode JSON text and check its structure. Raises DocumentReadError for text that is not JSON."""
    try:
        data = json.loads(strip_bom(text))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentReadError(f"not valid JSON: {exc}") from exc
    return parse_document(data)


def load_path(path: str) -> LoadResult:
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise DocumentReadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return loads(raw)


def _day_index(day: str) -> int:
    return WEEKDAYS.index(day) if day in WEEKDAYS else len(WEEKDAYS)


def to_canonical_dict(doc: RoutingDocument) -> dict[str, Any]:
    """The document as plain JSON data in canonical form (keys in SPEC order, ranges and exceptions sorted)."""
    data: dict[str, Any] = doc.model_dump(mode="json")
    schedule = data["schedule"]
    schedule["ranges"].sort(key=lambda r: (_day_index(r["day"]), r["start"], r["end"]))
    schedule["exceptions"].sort(key=lambda e: e["date"])
    for exc in schedule["exceptions"]:
        exc["ranges"].sort(key=lambda r: (r["start"], r["end"]))
    return data


def dumps(doc: RoutingDocument) -> str:
    """Canonical text: UTF-8 JSON, two-space indentation, trailing newline."""
    return json_text(to_canonical_dict(doc), indent=2) + "\n"


def from_dict(data: Any) -> RoutingDocument:
    """Build a document from JSON data known to be structurally valid (raises ValueError otherwise)."""
    result = parse_document(data)
    if result.document is None:
        raise ValueError("; ".join(p.line("en") for p in result.problems))
    return result.document


def copy_document(doc: RoutingDocument) -> RoutingDocument:
    """A deep, independent copy (edits of one never show in the other)."""
    return doc.model_copy(deep=True)


def load_directory(text: str | bytes) -> Directory:
    """Parse a directory file (SPEC §4). Raises DocumentReadError with one readable line."""
    try:
        data = json.loads(strip_bom(text))
        return Directory.model_validate(data)
    except ValidationError as exc:  # say where and what, on one line (not pydantic's multi-line report)
        err = exc.errors()[0]
        where = "".join("/" + escape_token(x) for x in err["loc"])
        raise DocumentReadError(f"not a valid directory: {where or 'the top level'}: {err['msg']}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DocumentReadError(f"not a valid directory: {first}") from exc
