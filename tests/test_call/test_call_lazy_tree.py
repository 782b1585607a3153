"""The path of a test call through rows of the scenario tree that were not built yet (the tree builds rows as
far as they are shown: pbxdesk/scenario_editor/tree_model.py): they are built, shown and highlighted."""

from __future__ import annotations

from datetime import datetime

from pbxdesk.scenario_editor import tree_model
from pbxdesk.scenario_editor.tree_model import POINTER_ROLE
from tests.support.big_scenario import big_document


def test_the_path_of_a_test_call_reaches_rows_not_built(make_editors, directory, monkeypatch) -> None:
    monkeypatch.setattr(tree_model, "ROW_BUDGET", 0)  # nothing below the intervals is built at open
    doc = big_document(3)
    editors = make_editors(doc, directory)
    model = editors.scenarios.model
    assert all(model.is_pending(model.index(0, 0, model.index(r, 0))) for r in range(model.rowCount())
               if model.rowCount(model.index(r, 0)))
    panel = editors.panel
    panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["3", "2", "4", "1"], [], None, 0)
    result = panel.run()
    assert result is not None, panel.outcome_text()
    nodes = {step["node"] for step in result.steps}
    assert "/scenarios/working/keys/3/keys/2/keys/4/keys/1" in nodes
    rows = panel.highlighter.highlighted_rows()
    assert {row.data(POINTER_ROLE) for row in rows} == nodes
    tree = editors.scenarios.tree
    last = model.index_for_pointer(result.steps[-1]["node"])
    assert tree.visualRect(last).isValid()  # its branch is shown expanded
