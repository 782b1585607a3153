"""Validation of routing documents (SPEC §5). PLACEHOLDER: being implemented (issue 2)."""

from __future__ import annotations

from typing import Any

from pbxdesk.domain.document import parse_document
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.problems import Problem


def validate_document(doc: RoutingDocument, directory: Directory | None = None,
                      known_media: set[str] | None = None) -> list[Problem]:
    """Semantic problems of a structurally valid document (errors and warnings)."""
    return []


def validate_data(data: Any, directory: Directory | None = None,
                  known_media: set[str] | None = None) -> list[Problem]:
    """Structure problems, or when the structure is sound, the semantic ones."""
    result = parse_document(data)
    if result.document is None:
        return result.problems
    return validate_document(result.document, directory, known_media)
