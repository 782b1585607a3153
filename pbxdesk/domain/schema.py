"""The JSON Schema of ``pbxdesk.routing/1``, generated from the models.

``python -m pbxdesk.domain.schema OUT.json`` writes it; ``--check OUT.json`` exits 1 when the file is stale.
"""

from __future__ import annotations

import json
import sys
from typing import Any

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
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    if len(paths) != 1 or paths[0].startswith("-"):
        print("usage: python -m pbxdesk.domain.schema [--check] OUT.json", file=sys.stderr)
        return 2
    text = schema_text()
    if check:
        try:
            with open(paths[0], encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = ""
        if current != text:
            print(f"{paths[0]} is stale: run python -m pbxdesk.domain.schema {paths[0]}", file=sys.stderr)
            return 1
        return 0
    with open(paths[0], "w", encoding="utf-8") as fh:
        fh.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
