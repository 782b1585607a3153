"""Generated documentation files (the JSON Schema, the list of validation codes): write them, or check that
the committed copy is current (CI fails on a stale one). Used by the ``python -m`` entry points only."""

from __future__ import annotations

import sys
from collections.abc import Callable


def write_or_check(argv: list[str], make_text: Callable[[], str], module: str) -> int:
    """``[--check] OUT``: write ``make_text()`` to OUT, or with ``--check`` exit 1 when OUT differs."""
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    if len(paths) != 1 or paths[0].startswith("-"):
        print(f"usage: python -m {module} [--check] OUT", file=sys.stderr)
        return 2
    text = make_text()
    if check:
        try:
            with open(paths[0], encoding="utf-8") as fh:
                current = fh.read()
        except OSError:
            current = ""
        if current != text:
            print(f"{paths[0]} is stale: run python -m {module} {paths[0]}", file=sys.stderr)
            return 1
        return 0
    with open(paths[0], "w", encoding="utf-8") as fh:
        fh.write(text)
    return 0
