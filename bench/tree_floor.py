"""Qt's own floor for the scenario tree's structural edit, used by bench/tree_bench.py in the same
process: the rows of a ScenarioTreeModel (same flags and every stored role, all expanded) copied into a plain
``QStandardItemModel`` shown by a plain ``QTreeView`` of the same size and icon size, and the same edit as
tree_bench's "replace" and its undo: two rows inserted under a leaf, then removed again, with the view
catching up (processEvents twice) each time. No pbxdesk code runs during these edits.

Alone (prints the floor only):

    .venv/bin/python bench/tree_floor.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app does, before Qt and numpy load (pbxdesk/app/process_env.py)

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView

from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel


def plain_copy(source: ScenarioTreeModel) -> tuple[QStandardItemModel, list[QStandardItem]]:
    """The source rows (flags and every stored role) in a plain model; returns it and its leaf items."""
    model, leaves = QStandardItemModel(), []

    def copy(parent_index: QModelIndex, parent_item: QStandardItem) -> None:
        for row in range(source.rowCount(parent_index)):
            index = source.index(row, 0, parent_index)
            item = QStandardItem()
            item.setFlags(source.flags(index))
            for role, value in source.itemData(index).items():
                item.setData(value, role)
            parent_item.appendRow(item)
            copy(index, item)
            if not source.rowCount(index):
                leaves.append(item)

    copy(QModelIndex(), model.invisibleRootItem())
    return model, leaves


def floor_edits(app: QApplication, source: ScenarioTreeModel, size: QSize, icon_size: QSize) -> dict[str, list[float]]:
    """Milliseconds of each insert of two rows under a leaf and of their removal, in a plain tree."""
    model, leaves = plain_copy(source)
    view = QTreeView()
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setIconSize(icon_size)
    view.setModel(model)
    view.resize(size)
    view.show()
    view.expandAll()
    app.processEvents()
    inserts, removes = [], []
    for leaf in leaves[500:600:3]:  # leaves deep in the tree, as tree_bench's edits pick them
        leaf.setFlags(leaf.flags() & ~Qt.ItemFlag.ItemNeverHasChildren)  # it gets rows now
        start = time.perf_counter()
        slot = QStandardItem("then")
        slot.appendRow(QStandardItem("+"))
        leaf.appendRow(slot)
        view.expand(leaf.index())
        view.expand(slot.index())
        app.processEvents()
        app.processEvents()
        middle = time.perf_counter()
        leaf.removeRow(0)
        app.processEvents()
        app.processEvents()
        end = time.perf_counter()
        inserts.append((middle - start) * 1000)
        removes.append((end - middle) * 1000)
    view.close()
    return {"insert": inserts, "removal": removes}


def main() -> None:
    from tree_bench import DIRECTORY, big_document

    from pbxdesk.widgets.session import DocumentSession

    app = QApplication.instance() or QApplication([])
    source = ScenarioTreeModel(DocumentSession(big_document(), DIRECTORY))
    got = floor_edits(app, source, QSize(622, 772), QSize(28, 16))
    rows = sum(1 for _item in source.all_items())
    print(f"plain QStandardItemModel + QTreeView, {rows} rows all expanded, {len(got['removal'])} edits (median / max ms):")
    for key in ("insert", "removal"):
        print(f"  {key:<8} {statistics.median(got[key]):.2f} / {max(got[key]):.2f}")


if __name__ == "__main__":
    main()
