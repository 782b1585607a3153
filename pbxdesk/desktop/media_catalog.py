"""The company's greetings as the server lists them (``GET /media``), for choosing one from the library.

:class:`MediaCatalog` reads the list on a worker thread and reports on the GUI thread: ``listed(items)`` (a
list of :class:`~pbxdesk.sync.client.MediaItem`: name, duration, the numbers using each) or ``failed(text)``
(why, in the UI language). The names it learns go to the profile's media names too, so the greeting chosen
is named at once everywhere. The media fetcher (``window.media.catalog``) holds one.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from pbxdesk.audio.media import is_media_id

log = logging.getLogger(__name__)


def _words(kind: str) -> str:
    if kind == "no_server":
        return QCoreApplication.translate("MediaCatalog", "No server to read the company's greetings from: log in "
                                                          "to the company's server.")
    if kind == "offline":
        return QCoreApplication.translate("MediaCatalog", "The server cannot be reached: the company's greetings "
                                                          "cannot be listed now.")
    return QCoreApplication.translate("MediaCatalog", "The company's greetings could not be read.")


class _Read(QRunnable):
    def __init__(self, catalog: MediaCatalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.setAutoDelete(True)

    def run(self) -> None:
        self.catalog._read()


class MediaCatalog(QObject):
    listed = Signal(object)  # list[MediaItem]
    failed = Signal(str)
    _report = Signal(str, object)

    def __init__(self, context: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._report.connect(self._on_report)

    def refresh(self) -> None:
        """Read the list again (answered by ``listed`` or ``failed``)."""
        self._pool.start(_Read(self))

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone(5000)

    def _read(self) -> None:  # on the worker
        from pbxdesk.sync.errors import NetworkError

        client = self.context.make_client()
        if client is None:
            self._report.emit("failed", "no_server")
            return
        try:
            items = client.list_media()
        except NetworkError as exc:
            log.info("the company's greetings not listed: %s", exc)
            self._report.emit("failed", "offline")
            return
        except Exception as exc:  # an answer we cannot use: say so, nothing else changes
            log.info("the company's greetings not listed: %s", exc)
            self._report.emit("failed", "broken")
            return
        finally:
            client.close()
        names = self.context.media_names
        try:
            for item in items:
                if item.name and names.get(item.id) != item.name and is_media_id(item.id):
                    names.set(item.id, item.name)
        except OSError as exc:  # the profile's disk: the list is still shown
            log.info("greeting names not kept: %s", exc)
        self._report.emit("listed", items)

    def _on_report(self, kind: str, value: object) -> None:
        if kind == "listed":
            self.listed.emit(value)
        else:
            self.failed.emit(_words(str(value)))
