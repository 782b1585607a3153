"""The app's test call on a routing whose targets left the company directory (docs/routing.md): the
forward rings nobody and the call moves on at once, as the dialplan does (tests/backend/
test_asterisk_directory_changes.py, tests/telephony); the panel shows that call, never «Cannot simulate»."""

from __future__ import annotations

from datetime import datetime


def test_a_department_and_an_employee_that_left_ring_nobody_and_the_call_moves_on(english, make_editors,
                                                                                  spec_example, directory):
    left = directory.model_copy(deep=True)
    left.departments = [d for d in left.departments if d.id != "sales"]  # the sales department is gone
    left.employees = [e for e in left.employees if e.id != "e-101"]  # and Анна Петрова left
    editors = make_editors(spec_example, left)
    panel = editors.panel

    panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["1"], [], None, 0)  # key 1: the sales department
    result = panel.run()
    assert result is not None, panel.outcome_text()
    assert [s["kind"] for s in result.steps] == ["play", "menu", "play", "record"]
    assert result.steps[2]["node"] == "/scenarios/working/keys/1/next"  # straight on to its voicemail
    assert result.outcome == {"kind": "voicemail", "emails": []}
    assert not panel.outcome_text().startswith("Cannot simulate")
    assert [panel.rings_list.item(i).text() for i in range(panel.rings_list.count())] == ["Nobody is rung"]

    panel.form.set_call(datetime(2026, 11, 23, 10, 0), [], [], "e-101", 0)  # nothing pressed: Анна, gone
    result = panel.run()
    assert result is not None, panel.outcome_text()
    assert result.outcome == {"kind": "hangup"}
    assert [s for s in result.steps if s["kind"] == "ring"] == []
