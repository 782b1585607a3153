"""Documents in and out of the database: canonical text for saved documents, raw JSON for drafts."""

from __future__ import annotations

import json
from typing import Any

from pbxdesk.domain.document import from_dict, parse_document, to_canonical_dict
from pbxdesk.domain.models import RoutingDocument
from pbxdesk.domain.text import json_text


def doc_text(doc: RoutingDocument) -> str:
    """The stored form of a saved/base/outbox document: the canonical key order and sorting of SPEC §4,
    written compactly (no indentation, so the C JSON encoder does it: about 10x faster than the indented
    canonical text for a large document). Equal documents give equal text; ``dumps`` gives the
    canonical file form on the way out (``get``, ``export_json``)."""
    return json_text(to_canonical_dict(doc), separators=(",", ":"))


def text_doc(text: str | None) -> RoutingDocument | None:
    """A stored canonical text back to a document (None stays None)."""
    return None if text is None else from_dict(json.loads(text))


def raw_text(data: Any) -> str:
    """A draft as JSON text, whatever it holds (it may not be a valid document; lone surrogates typed or pasted
    into it travel as JSON escapes, which SQLite can store)."""
    return json_text(data, separators=(",", ":"))


def as_data(doc_or_data: RoutingDocument | Any) -> Any:
    if isinstance(doc_or_data, RoutingDocument):
        return doc_or_data.model_dump(mode="json")
    return doc_or_data


def as_doc(doc_or_data: RoutingDocument | Any) -> RoutingDocument | None:
    if isinstance(doc_or_data, RoutingDocument):
        return doc_or_data
    return parse_document(doc_or_data).document


def search_text(number: str, name: str) -> str:
    return f"{number} {name}".casefold()
