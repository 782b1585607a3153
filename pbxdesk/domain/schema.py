"""The JSON Schema of ``pbxdesk.routing/1``, generated from the models.

``python -m pbxdesk.domain.schema OUT.json`` writes it; ``--check OUT.json`` exits 1 when the file is stale.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pbxdesk.domain.generated import write_or_check
from pbxdesk.domain.models import RoutingDocument


def routing_schema() -> dict[str, Any]:
    schema = RoutingDocument.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pbxdesk.example/schemas/pbxdesk.routing-1.json"
    schema["title"] = "pbxdesk.routing/1"
    return schema


def schema_text() -> str:
    return json.dumps(routing_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(argv, schema_text, "pbxdesk.domain.schema")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
