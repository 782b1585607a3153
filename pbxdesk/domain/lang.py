"""The language of command-line messages: ``ru`` or ``en`` from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """``"ru"`` when ``PBXDESK_LANG`` (else the first set of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) starts
    with ``ru``; otherwise ``"en"``."""
    env = os.environ if environ is None else environ
    for name in ("PBXDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"
