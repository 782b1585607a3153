"""The modules ``MainWindow.attach`` needs, imported together on the profile loader's thread so that the
GUI thread never spends the half second they take (the fast start: ``quick_start``)."""

from pbxdesk.app import numbers_now  # noqa: F401
from pbxdesk.desktop import media_fetch, store_worker, sync_worker  # noqa: F401
from pbxdesk.domain import document  # noqa: F401  (the editors parse drafts with it)
from pbxdesk.sync_ui import controller  # noqa: F401
