"""What the desktop app's windows share, one floor below them: the open profile (``context.AppContext``),
the settings (``options``), the UI language (``i18n``), and the workers that keep the store, the sync and
media downloads off the GUI thread (``store_worker``, ``sync_worker``, ``media_fetch``).

``pbxdesk.app`` (the main window, the number editor, start-up) and ``pbxdesk.sync_ui`` (the sync made visible)
both build on it; it imports neither (an import-linter contract keeps it so). Nothing is imported here: the
fast start imports ``options`` and ``i18n`` alone.
"""
