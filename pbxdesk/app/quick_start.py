"""The fast start: the window shows the numbers list first, the rest of the app loads behind it.

``quick_start(cli_value)`` (in :mod:`pbxdesk.store.quick_read`, run before Qt is imported) decides which
profile the app opens and reads its numbers list, or returns None (a new profile, a file to migrate): the
app then opens the profile the normal way before showing the window.

:class:`ProfileLoader` then opens the profile for real on a thread (the store with SQLAlchemy, the token
from the keyring, the domain models, the sync engine: about half a second of imports) and hands the
:class:`~pbxdesk.desktop.context.AppContext` to the window on the GUI thread (``MainWindow.attach``).
The profile opens without its store and token (``open_profile(store_later=True)``): the first screen (the
list, its "Right now" column, the first number's editor) is read with ``sqlite3`` by the store worker, which
opens the store (SQLAlchemy, about 0.3 s of imports) once that screen is shown; the first sync waits for it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from pbxdesk.store.quick_read import QuickStart, quick_start

__all__ = ["ProfileLoader", "QuickStart", "quick_start"]

log = logging.getLogger(__name__)


class ProfileLoader(QObject):
    """Opens the profile on a thread; ``loaded(context, error)`` arrives on the GUI thread."""

    loaded = Signal(object, object)

    def start(self, cli_value: str | None, settings: Any) -> None:
        def work() -> None:
            context: Any = None
            error: BaseException | None = None
            try:
                from pbxdesk.app.startup import open_profile

                context = open_profile(cli_value, settings=settings, store_later=True)
                import pbxdesk.app.attach_imports  # noqa: F401  (what attach needs, imported here, not in the GUI)
            except BaseException as exc:  # shown by the window, which keeps the list it has
                log.exception("opening the profile failed")
                error = exc
            self.loaded.emit(context, error)

        threading.Thread(target=work, name="pbxdesk-open-profile", daemon=True).start()
