"""Workaround for PySide6 6.12.0 on Python 3.11: every call of a void C++ method (``QPainter.fillRect``,
``QWidget.update``, ``QLineEdit.setText``...) returns None without a reference, and ``Signal.emit``
returns True without one. On Python < 3.12 these singletons are not immortal, so the process aborts
(``none_dealloc`` / ``bool_dealloc``) after ~14,000 such calls: about 140 repaints of the grid.
PySide6 6.11.3 does not have the bug (measured here), and on Python >= 3.12 the singletons are immortal.

``protect_singletons()`` detects the bug once and, only then, adds 2**40 references to None, True and
False (what Python 3.12 does by making them immortal), so they can never be freed. It is idempotent.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 64
_BOOST = 1 << 40
_done = False


class _Probe(QObject):
    ping = Signal()


def _drops(obj: object, call: object) -> bool:
    before = sys.getrefcount(obj)
    for _ in range(_PROBES):
        call()  # type: ignore[operator]
    lost = before - sys.getrefcount(obj)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    return lost >= _PROBES // 2


def bug_present() -> bool:
    probe = _Probe()
    return _drops(None, lambda: probe.setObjectName("probe")) or _drops(True, probe.ping.emit)


def protect_singletons() -> bool:
    """Make None/True/False effectively immortal when the running PySide drops their references."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return _done
    if bug_present():
        for obj in (None, True, False):
            ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
        _done = True
    return _done
