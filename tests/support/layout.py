"""What a user sees of the main window's layout, in numbers: is a widget wholly on screen, how much of the
window the grid and the tree get, is a tab's title cut. Shared by the in-process layout tests and the child
process that checks the same on a 200 % screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect


def on_screen(window: Any, widget: Any) -> bool:
    """``widget`` is shown and wholly inside ``window`` (not cut by its edges, nor scrolled away inside a
    scroll area: every ancestor up to the window shows all of it)."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    visible = widget.visibleRegion().boundingRect()
    if visible.size() != widget.size():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def tab_titles_whole(tab_bar: Any) -> bool:
    """Every tab shows its whole title (nothing elided, no scroll arrows needed)."""
    metrics = tab_bar.fontMetrics()
    for index in range(tab_bar.count()):
        if tab_bar.tabRect(index).width() < metrics.horizontalAdvance(tab_bar.tabText(index)):
            return False
    return tab_bar.count() == 0 or tab_bar.tabRect(tab_bar.count() - 1).right() <= tab_bar.width()


def shares(window: Any, editor: Any) -> dict[str, float]:
    """How much of the window the weekly grid and the scenario tree get (fractions of its width/area)."""
    grid, tree = editor.schedule.grid, editor.scenarios.tree.viewport()
    area = window.width() * window.height()
    return {"grid_width": grid.width() / window.width(), "grid_area": grid.width() * grid.height() / area,
            "tree_area": tree.width() * tree.height() / area, "tree_height": float(tree.height())}


def node_actions_on_screen(window: Any, editor: Any) -> bool:
    """The current node editor's Save, Cancel and Delete are in sight, without scrolling."""
    node = editor.scenarios.panel.current_editor()
    return node is not None and all(on_screen(window, button) for button in
                                    (node.save_button, node.cancel_button, node.delete_button))
