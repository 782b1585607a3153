"""Qt's own floor for the scenario tree's slowest edit (issue 9): the rows of bench/tree_bench.py (same
texts, flags and roles, all expanded) copied into a plain ``QStandardItemModel`` shown by a plain
``QTreeView``, and the same structural edit as tree_bench's "replace" and its undo: two rows inserted under
a leaf, then removed again, with the view catching up (processEvents twice) each time. No pbxdesk code
runs during the measured edits, so this is what Qt itself needs for them on this machine.

    .venv/bin/python bench/tree_floor_bench.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app does, before Qt and numpy load (pbxdesk/app/process_env.py)

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView
from tree_bench import DIRECTORY, big_document

from pbxdesk.scenario_editor.tree_model import ScenarioTreeModel
from pbxdesk.widgets.session import DocumentSession


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


def main() -> None:
    app = QApplication.instance() or QApplication([])
    source = ScenarioTreeModel(DocumentSession(big_document(), DIRECTORY))
    model, leaves = plain_copy(source)
    view = QTreeView()
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setModel(model)
    view.resize(520, 760)
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
    rows = sum(1 for _item in source.all_items())
    print(f"plain QStandardItemModel + QTreeView, {rows} rows all expanded, {len(removes)} edits (median / max ms):")
    print(f"  insert two rows under a leaf: {statistics.median(inserts):.2f} / {max(inserts):.2f}")
    print(f"  remove them again:           {statistics.median(removes):.2f} / {max(removes):.2f}")
    print("compare with bench/tree_bench.py 'replace/apply' and 'replace/undo' (target < 5 ms)")


if __name__ == "__main__":
    main()
