"""The company's greetings as the server lists them (``GET /media``), for choosing one from the library.

:class:`MediaCatalog` reads the list on a worker thread and reports on the GUI thread: ``listed(items)`` (a
list of :class:`~pbxdesk.sync.client.MediaItem`: name, duration, the numbers using each) or ``failed(text)``
(why, in the UI language). The names it learns go to the profile's media names too, so the greeting chosen
is named at once everywhere. The media fetcher (``window.media.catalog``) holds one.

``rename(id, name)`` and ``remove(id)`` change the library on the server (``PATCH`` / ``DELETE /media/{id}``),
also on the worker: ``changed(text)`` says what was done, ``refused(text)`` why not (a name the server
refuses, a file a routing still uses: the server's words, in the UI language), and the list is read again.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

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


class MediaCatalog(QObject):
    listed = Signal(object)  # list[MediaItem]
    failed = Signal(str)
    changed = Signal(str)  # a rename or removal done, in words
    refused = Signal(str)  # a rename or removal not done, and why
    _report = Signal(str, object)

    def __init__(self, context: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._report.connect(self._on_report)

    def refresh(self) -> None:
        """Read the list again (answered by ``listed`` or ``failed``)."""
        self._pool.start(self._read)

    def rename(self, media_id: str, name: str) -> None:
        """Give the file a new name on the server (answered by ``changed`` or ``refused``, then ``listed``)."""
        self._pool.start(lambda: self._change("rename", media_id, name))

    def remove(self, media_id: str, name: str) -> None:
        """Remove the file from the company's library (refused by the server while a routing uses it)."""
        self._pool.start(lambda: self._change("remove", media_id, name))

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone(5000)

    def _change(self, action: str, media_id: str, name: str) -> None:  # on the worker
        from pbxdesk.sync.errors import ApiError, NetworkError

        client = self.context.make_client()
        if client is None:
            self._report.emit("refused", ("no_server", action, name))
            return
        try:
            if action == "rename":
                renamed = client.rename_media(media_id, name)
                if renamed.name:
                    self.context.media_names.set(media_id, renamed.name)
            else:
                client.remove_media(media_id)
        except NetworkError as exc:
            log.info("media %s not changed: %s", media_id, exc)
            self._report.emit("refused", ("offline", action, name))
            return
        except ApiError as exc:  # the server's reason, in the client's language
            self._report.emit("refused", (str(exc.problem.get("detail") or exc), action, name))
            return
        except OSError as exc:  # the profile's disk: the name is kept on the server all the same
            log.info("greeting name not kept: %s", exc)
        finally:
            client.close()
        self._report.emit("changed", (action, name))
        self._read()

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

    def _on_report(self, kind: str, value: Any) -> None:
        if kind == "listed":
            self.listed.emit(value)
        elif kind == "changed":
            action, name = value
            self.changed.emit(_done_words(action, name))
        elif kind == "refused":
            reason, action, name = value
            self.refused.emit(_refused_words(action, name, _reason_words(reason)))
        else:
            self.failed.emit(_words(str(value)))


def _done_words(action: str, name: str) -> str:
    if action == "rename":
        return QCoreApplication.translate("MediaCatalog", "Renamed to “%1”.").replace("%1", name)
    return QCoreApplication.translate("MediaCatalog", "“%1” was removed from the company's greetings.").replace(
        "%1", name)


def _reason_words(reason: str) -> str:
    """Why a change was not made: no server, no connection, or the server's own words."""
    if reason == "no_server":
        return QCoreApplication.translate("MediaCatalog", "no server: log in to the company's server.")
    if reason == "offline":
        return QCoreApplication.translate("MediaCatalog", "the server cannot be reached now.")
    return reason


def _refused_words(action: str, name: str, why: str) -> str:
    template = (QCoreApplication.translate("MediaCatalog", "Not renamed to “%1”: %2") if action == "rename" else
                QCoreApplication.translate("MediaCatalog", "“%1” was not removed: %2"))
    return re.sub("%([12])", lambda m: name if m.group(1) == "1" else why, template)
