"""Documents in and out of the database: canonical text for saved documents, raw JSON for drafts."""

from __future__ import annotations

import json
from typing import Any

from pbxdesk.domain.document import dumps, from_dict, parse_document
from pbxdesk.domain.models import RoutingDocument


def doc_text(doc: RoutingDocument) -> str:
    """Canonical text (SPEC §4) — what is stored as the saved/base document and pushed."""
    return dumps(doc)


def text_doc(text: str | None) -> RoutingDocument | None:
    """A stored canonical text back to a document (None stays None)."""
    return None if text is None else from_dict(json.loads(text))


def raw_text(data: Any) -> str:
    """A draft as JSON text, whatever it holds (it may not be a valid document)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
