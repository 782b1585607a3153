"""Started by test_laptop_layout.py on a virtual screen (a 2560 x 1600 one at QT_SCALE_FACTOR=2): the app's
main window on a new profile, as ``pbxdesk`` opens it (maximised on the first run), a number opened with a
double click, its menu selected, then the test call opened; prints what the test checks as one line of JSON.

    layout_child.py PROFILE_DIR [SCREENSHOT.png]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pbxdesk.app.process_env import prepare_environment  # noqa: E402

prepare_environment()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.app.conftest import wait_until  # noqa: E402
from tests.support.layout import node_actions_on_screen, on_screen, shares  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])  # noqa: F841  (kept alive while the window runs)
    from pbxdesk.app.main_window import MainWindow
    from pbxdesk.app.numbers_model import NumbersModel
    from pbxdesk.app.startup import open_profile
    from pbxdesk.desktop import i18n

    context = open_profile(sys.argv[1])
    i18n.set_language("ru")
    window = MainWindow(context=context)
    synced: list[bool] = []
    window.firstSyncDone.connect(lambda: synced.append(True))
    window.show()
    wait_until(lambda: bool(synced) and window.model.rowCount() > 0)
    row = next(r for r in range(window.model.rowCount())
               if window.model.index(r, NumbersModel.NAME).data() == "Главный номер")
    rect = window.table.visualRect(window.proxy.mapFromSource(window.model.index(row, NumbersModel.NAME)))
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_until(lambda: window.tabs.count() == 1)
    editor = window.tabs.widget(0)
    tree = editor.scenarios.tree
    index = tree.model().index_for_pointer("/scenarios/working/next")
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    wait_until(lambda: editor.scenarios.panel.current_editor() is not None)
    QTest.qWait(300)
    list_hidden = not window.list_panel.isVisible()
    room = shares(window, editor)  # before the test call takes its share
    window.act_test_call.trigger()
    wait_until(window.test_call_dock.isVisible)
    QTest.qWait(300)
    image = window.grab()
    if len(sys.argv) > 2:
        image.save(sys.argv[2])
    screen = window.screen().geometry()
    facts = {
        "screen": [screen.width(), screen.height()], "dpr": window.devicePixelRatioF(),
        "window": [window.width(), window.height()], "list_hidden": list_hidden,
        "node_actions_on_screen": node_actions_on_screen(window, editor),
        "commands_on_screen": all(on_screen(window, b) for b in editor.command_buttons),
        "test_call_on_screen": on_screen(window, editor.test_call.call_button),
        "image": [image.width(), image.height()], **room,
    }
    editor.session.undo_stack.setClean()
    window.close()
    context.close()
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
