"""Network work off the GUI thread: one-shot calls and the periodic reachability check.

``call_in_thread(fn, on_done)`` runs ``fn()`` in a daemon thread and hands ``(result, error)`` back to
``on_done`` on the GUI thread. ``ReachabilityProbe`` asks the server for one change
(``GET /changes?since=<cursor>&limit=1``, no retries, short timeouts) every ``interval_ms`` and emits
``checked(state, detail)`` with state ``online``, ``offline`` or ``auth``, so the indicator follows the
server going away and coming back without the user doing anything.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

PROBE_INTERVAL_MS = 10_000


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, result, error

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(lambda cb, result, error: cb(result, error))


_relay: _Relay | None = None


def call_in_thread(fn: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
    """Run ``fn`` in a background thread; ``on_done(result, error)`` runs later on the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()  # created on the GUI thread (first call), so queued signals land there
    relay = _relay

    def work() -> None:
        try:
            result, error = fn(), None
        except BaseException as exc:  # handed to the GUI, which shows it
            result, error = None, exc
        relay.done.emit(on_done, result, error)

    threading.Thread(target=work, name="pbxdesk-sync-ui", daemon=True).start()


def probe_server(url: str, token: str | None, cursor: str | None) -> tuple[str, str]:
    """One cheap request: ``("online", "")``, ``("offline", why)`` or ``("auth", why)``."""
    if not token:
        return "auth", "no access token"
    from pbxdesk.sync.client import ApiClient  # (requests: imported here, off the start-up's path)
    from pbxdesk.sync.errors import ApiError, AuthError, NetworkError

    client = ApiClient(url, token, retries=0, connect_timeout=2.0, read_timeout=5.0)
    try:
        client.changes(since=cursor, limit=1)
        return "online", ""
    except AuthError as exc:
        return "auth", str(exc)
    except NetworkError as exc:
        return "offline", str(exc)
    except ApiError as exc:  # the server answered: it is there, the answer is the sync's business
        return "online", str(exc)
    finally:
        client.close()


class ReachabilityProbe(QObject):
    checked = Signal(str, str)  # state, detail

    def __init__(self, target: Callable[[], tuple[str | None, str | None, str | None]],
                 parent: QObject | None = None, interval_ms: int = PROBE_INTERVAL_MS) -> None:
        """``target()`` gives ``(url, token, cursor)`` at the time of each check (url None: nothing to do)."""
        super().__init__(parent)
        self._target = target
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self) -> None:
        if self._busy:
            return
        url, token, cursor = self._target()
        if not url:
            return
        self._busy = True
        call_in_thread(lambda: probe_server(url, token, cursor), self._done)

    def _done(self, result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):  # the window closed while the check was on its way
            return
        self._busy = False
        state, detail = result if error is None else ("offline", str(error))
        self.checked.emit(state, detail)
