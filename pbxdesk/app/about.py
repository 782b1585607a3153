"""The About box text: versions of pbxdesk and of what it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion

from pbxdesk import __version__


def about_text() -> str:
    description = QCoreApplication.translate("About", "Incoming-call configurator for a cloud PBX.")
    return (f"<h3>pbxdesk {__version__}</h3>"
            f"<p>{description}</p>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__}</p>")
