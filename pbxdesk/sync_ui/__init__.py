"""The sync made visible: pending changes, conflicts, history, server problems, banners and reachability.

``SyncUi(window)`` wires everything into the main window (see :mod:`pbxdesk.sync_ui.controller`).
"""

from pbxdesk.sync_ui.controller import SyncUi

__all__ = ["SyncUi"]
