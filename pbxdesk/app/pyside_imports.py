"""A cheaper form of the check PySide6 makes on every module imported after it.

PySide6 (``shibokensupport.feature``, for its optional ``from __feature__ import snake_case``) looks at
each newly imported module to learn whether it uses PySide6: ``inspect.getsource(module)``, then
``"PySide6" in source``. ``getsource`` goes through ``linecache`` and ``tokenize``: it decodes and splits
every module's source into lines. The app imports its store, SQLAlchemy, pydantic and the sync engine
after Qt, hundreds of modules, and the check alone cost about a sixth of that import time (70-90 ms of CPU
on the development machine). :func:`check_sources_quickly` makes the same check on the file's bytes:
the same answer for every source file in an ASCII-compatible encoding; any other module (no ``.py``
file, an unreadable one) still gets PySide6's own check.
"""

from __future__ import annotations

import sys
from typing import Any


def check_sources_quickly() -> bool:
    """Install the byte search in place of PySide6's check (after ``import PySide6``); idempotent.
    Returns False when this PySide6 has no such check (nothing is changed then)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, "pbxdesk_quick", False):
        return True

    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.pbxdesk_quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
