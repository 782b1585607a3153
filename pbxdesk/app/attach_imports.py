"""The modules ``MainWindow.attach`` and the first number editor need, imported together on the profile
loader's thread (the fast start: ``quick_start``), so that the GUI thread spends none of that time, and a
number opened later opens without loading anything."""

from pbxdesk.app import number_editor, numbers_now  # noqa: F401
from pbxdesk.desktop import media_fetch, store_worker, sync_worker  # noqa: F401
from pbxdesk.domain import document  # noqa: F401  (the editors parse drafts with it)
from pbxdesk.sync_ui import controller  # noqa: F401
from pbxdesk.widgets import prompt_widget  # noqa: F401  (the action editors' prompts, and Qt Multimedia)
