"""Greetings from the server: the company's audio files, downloaded when a number using them is opened or one
is listened to, kept in the profile's media library by media id (the SHA-256 of the uploaded file: a file
once here is never downloaded again), and named as they were uploaded (``GET /media``).

:class:`MediaFetcher` does the network and disk work on worker threads and reports on the GUI thread:
``progress(id, fraction)``, ``fetched(id)``, ``failed(id)`` (then :meth:`problem` words why in the UI
language: offline, no server, not on the server) and ``namesChanged()``. A failed download is tried again
when asked again (Listen, reopening the number) or after the next sync that reached the server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from pbxdesk.audio.media import is_media_id
from pbxdesk.desktop.media_catalog import MediaCatalog

log = logging.getLogger(__name__)

HERE, FETCHING, FAILED, MISSING = "here", "fetching", "failed", "missing"
OFFLINE, NO_SERVER, NOT_ON_SERVER, BROKEN = "offline", "no_server", "not_on_server", "broken"


def problem_words(kind: str) -> str:
    """Why an audio file could not be downloaded, in the UI language."""
    if kind == OFFLINE:
        return QCoreApplication.translate("MediaFetcher", "The server cannot be reached: the audio file is not on "
                                                          "this computer yet. It is downloaded when the server is back.")
    if kind == NO_SERVER:
        return QCoreApplication.translate("MediaFetcher", "No server to download the audio file from: log in to the "
                                                          "company's server.")
    if kind == NOT_ON_SERVER:
        return QCoreApplication.translate("MediaFetcher", "The server has no such audio file.")
    return QCoreApplication.translate("MediaFetcher", "The audio file could not be downloaded.")


class MediaFetcher(QObject):
    progress = Signal(str, float)
    fetched = Signal(str)
    failed = Signal(str)
    namesChanged = Signal()
    _report = Signal(str, str, float)  # from the workers: (kind, media id, value)

    def __init__(self, context: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._state: dict[str, str] = {}
        self._problems: dict[str, str] = {}
        self._named = False  # the server's list of names was read in this run
        self._names_lock = threading.Lock()
        self._stop = threading.Event()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._report.connect(self._on_report)
        self.catalog = MediaCatalog(context, self)  # the company's greetings, to choose one from
        self.catalog.listed.connect(lambda _items: self.namesChanged.emit())

    # -- asking ---------------------------------------------------------------------------------------------
    def state(self, mid: str) -> str:
        if self._state.get(mid) == FETCHING:
            return FETCHING
        if self.context.library.has(mid):
            return HERE
        return FAILED if mid in self._problems else MISSING

    def problem(self, mid: str) -> str:
        """Why ``mid`` is not here, in the UI language ("" when nothing went wrong)."""
        kind = self._problems.get(mid)
        return problem_words(kind) if kind else ""

    def fetch(self, media_ids: Iterable[str]) -> None:
        """Download those of ``media_ids`` not here yet (nor on the way); learn the names of those unnamed."""
        wanted = [m for m in dict.fromkeys(media_ids) if is_media_id(m)]
        names = self.context.media_names.names()
        if any(m not in names for m in wanted):
            self.learn_names()
        for mid in wanted:
            if self._state.get(mid) == FETCHING or self.context.library.has(mid):
                continue
            self._state[mid] = FETCHING
            self._problems.pop(mid, None)
            self._pool.start(lambda mid=mid: self._download(mid))

    def learn_names(self) -> None:
        """Read the names the company's files were uploaded with (once a run, again after a failure)."""
        if not self._named:
            self._named = True
            self._pool.start(self._read_names)

    def retry(self) -> None:
        """Try the failed downloads again (the server was reached again)."""
        failed = list(self._problems)
        if failed:
            self._named = False
            self.fetch(failed)

    def shutdown(self) -> None:
        self._stop.set()
        self.catalog.shutdown()
        self._pool.clear()
        self._pool.waitForDone(5000)

    # -- on the workers -------------------------------------------------------------------------------------
    def _client(self) -> Any:
        return self.context.make_client()

    def _read_names(self) -> None:
        client = self._client()
        if client is None:
            return
        try:
            items = client.list_media()
        except Exception as exc:  # names come with the next fetch; the files are still downloaded
            log.info("media names not read: %s", exc)
            with self._names_lock:
                self._named = False
            return
        finally:
            client.close()
        known = self.context.media_names.names()
        changed = False
        for item in items:
            if item.name and known.get(item.id) != item.name and is_media_id(item.id):
                self.context.media_names.set(item.id, item.name)
                changed = True
        if changed:
            self._emit("names", "", 0.0)

    def _download(self, mid: str) -> None:
        from pbxdesk.sync.client import DownloadCancelled
        from pbxdesk.sync.errors import AuthError, NetworkError, NotFound

        client = self._client()
        if client is None:
            self._emit("failed", mid, 0.0, NO_SERVER)
            return
        try:
            data = client.download_media(mid, lambda done, total: self._emit("progress", mid, done / total
                                                                              if total else 0.0),
                                         self._stop.is_set)
            self.context.library.add_master(mid, data)
        except DownloadCancelled:
            return
        except NetworkError:
            self._emit("failed", mid, 0.0, OFFLINE)
        except AuthError:
            self._emit("failed", mid, 0.0, NO_SERVER)
        except NotFound:
            self._emit("failed", mid, 0.0, NOT_ON_SERVER)
        except Exception as exc:  # a bad answer: said, never a crash of the worker
            log.warning("media %s not downloaded: %s", mid, exc)
            self._emit("failed", mid, 0.0, BROKEN)
        else:
            self._emit("fetched", mid, 1.0)
        finally:
            client.close()

    def _emit(self, kind: str, mid: str, value: float, problem: str = "") -> None:
        if self._stop.is_set():
            return
        try:
            self._report.emit(f"{kind}:{problem}", mid, value)
        except RuntimeError:  # the fetcher was deleted with its window meanwhile: nobody to tell
            self._stop.set()

    # -- back on the GUI thread -----------------------------------------------------------------------------
    def _on_report(self, what: str, mid: str, value: float) -> None:
        kind, _, problem = what.partition(":")
        if kind == "progress":
            self.progress.emit(mid, value)
        elif kind == "fetched":
            self._state.pop(mid, None)
            self.fetched.emit(mid)
        elif kind == "failed":
            self._state.pop(mid, None)
            self._problems[mid] = problem
            self.failed.emit(mid)
        elif kind == "names":
            self.namesChanged.emit()

