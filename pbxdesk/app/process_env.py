"""The process environment pbxdesk runs in, set before Qt or numpy is loaded: one place, used by the app,
the tests and the benches, so all three paint and compute the same way. Measured on the 2-core CI machine.

* ``QT_NO_GUI_THREADPOOL=1``. Qt's raster painter splits a fill of more than about a hundred scan lines
  into tasks for a thread pool (``QT_THREAD_PARALLEL_FILLS`` in qdrawhelper.cpp). pbxdesk paints small
  widgets: lists, trees, forms, a week grid. There a tall, narrow fill (a Fusion scroll bar's gradient, a
  tree row's background) becomes a dozen tiny tasks, and handing them over costs more than the painting.
  - One repaint of a 770-pixel Fusion scroll bar: 1.1–1.6 ms with the pool, 0.1 ms without.
  - The scenario tree's row removal, view included: 9.98 → 5.93 ms (bench/tree_bench.py).
* ``OPENBLAS_NUM_THREADS=1``. numpy and scipy each start an OpenBLAS thread per core, which spin for a
  while after starting. pbxdesk's audio arrays are seconds of 8 kHz sound, far too small to share out.
  Opening the first number spent 0.25 s more CPU with them (the GUI thread competes with the spinners).

Each is only a default: a variable already set is left alone, and ``PBXDESK_GUI_THREADPOOL=1`` keeps Qt's
pool. Qt reads its variable once, on the first fill; OpenBLAS when numpy is imported.
"""

from __future__ import annotations

import os


def prepare_environment() -> None:
    """Set pbxdesk's defaults. Call before the ``QApplication`` is made and numpy is imported; idempotent."""
    if os.environ.get("PBXDESK_GUI_THREADPOOL") != "1":
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
