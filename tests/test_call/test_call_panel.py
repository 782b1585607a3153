"""The test call panel against ``pbxdesk simulate``, the path it marks, and drafts with unbuilt branches."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.scenario_editor.tree_model import POINTER_ROLE
from pbxdesk.widgets.session import MISSING, SetValuesCommand

ROOT = Path(__file__).resolve().parents[2]

# (local time of the number, keys pressed, busy employees, who answers, after how many seconds)
CALLS = [
    ("2026-11-23T10:00", ["1"], ["e-102"], "e-103", 3),       # Monday: menu key 1, department in turn
    ("2026-11-23T10:00", [], [], "e-101", 5),                 # nothing pressed -> Анна Петрова answers
    ("2026-11-23T10:00", ["102"], [], None, 0),               # extension dialled, unanswered -> no_input
    ("2026-11-23T11:45", ["7", "9", "none"], ["e-101"], None, 0),  # wrong keys replay the prompt
    ("2026-11-23T13:30", [], [], None, 0),                    # lunch: a message, then the call ends
    ("2026-11-24T03:00", [], [], None, 0),                    # Tuesday night: voicemail
    ("2026-12-31T10:00", ["1"], [], "e-101", 2),              # exception date: working
    ("2026-12-31T16:00", ["1"], [], None, 0),                 # exception date after its range: non_working
    ("2026-11-23T17:59", ["5"], [], "external:4957770000", 1),  # a key that is not enabled, external never rung
    ("2026-11-23T10:00", ["99", "1"], [], None, 0),           # digits nothing starts with: a wrong key at each 9
]


def cli(document_path: Path, directory_path: Path, at: str, inputs, busy, answer, after) -> dict:
    args = [sys.executable, "-m", "pbxdesk", "simulate", str(document_path), "--at", at,
            "--directory", str(directory_path)]
    for value in inputs:
        args += ["--input", value]
    for who in busy:
        args += ["--busy", who]
    if answer:
        args += ["--answer", f"{answer}@{after}"]
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


def run_panel(editors, at: str, inputs, busy, answer, after):
    panel = editors.panel
    panel.form.set_call(datetime.fromisoformat(at), inputs, busy, answer, after)
    result = panel.run()
    assert result is not None, panel.outcome_text()
    return result


@pytest.mark.parametrize("call", CALLS, ids=[f"{c[0]}-{'-'.join(c[1]) or 'none'}" for c in CALLS])
def test_panel_outcome_equals_pbxdesk_simulate(editors, spec_example_path, directory_path, call):
    result = run_panel(editors, *call)
    expected = cli(spec_example_path, directory_path, *call)
    assert result.to_json() == expected
    shown = editors.panel.outcome_text()
    outcome = expected["outcome"]
    directory = editors.session.directory
    if "employee" in outcome:
        assert directory.employee(outcome["employee"]).name in shown
    elif outcome["kind"] == "voicemail":
        assert str(len(outcome["emails"])) in shown
    rings = [s for s in expected["steps"] if s["kind"] == "ring"]
    listed = [editors.panel.rings_list.item(i).text() for i in range(editors.panel.rings_list.count())]
    if rings:
        assert len(listed) == len(rings)
        for line, ring in zip(listed, rings, strict=True):
            assert directory.employee(ring["target"]).name in line
            assert f"{ring['from_s']} " in line.replace("–", " ") or str(ring["from_s"]) in line
            assert str(ring["to_s"]) in line
    assert editors.panel.steps_list.count() == len(expected["steps"])


def test_digits_are_read_as_the_pbx_reads_them(english, editors):
    """"99" where no key or extension starts with 9: a real call replays the menu at each 9 (Asterisk takes
    a digit that can start nothing as a wrong input at once); the test call shows the same."""
    run_panel(editors, "2026-11-23T10:00", ["99"], [], None, 0)
    steps = [editors.panel.steps_list.item(i).text() for i in range(editors.panel.steps_list.count())]
    assert sum("The caller presses 9" in line for line in steps) == 2


def test_words_of_the_outcomes(english, editors):
    run_panel(editors, "2026-11-23T10:00", ["1"], ["e-102"], "e-103", 3)
    assert "Вера Козлова" in editors.panel.outcome_text()
    assert editors.panel.rings_list.item(0).text() == "Анна Петрова rings from 0 to 10 s"
    assert editors.panel.rings_list.item(1).text() == "Вера Козлова rings from 10 to 13 s"
    run_panel(editors, "2026-11-23T13:30", [], [], None, 0)
    assert editors.panel.outcome_text() == "The call ends after the message"
    run_panel(editors, "2026-11-23T10:00", ["1"], [], None, 0)
    assert editors.panel.outcome_text() == "Voice message to 3 addresses"


def tree_pointers(editors) -> set[str]:
    rows = editors.panel.highlighter.highlighted_rows()
    return {row.data(POINTER_ROLE) for row in rows}


def test_highlighted_rows_are_exactly_the_nodes_of_the_steps(editors):
    result = run_panel(editors, "2026-11-23T10:00", [], [], None, 0)
    nodes = {step["node"] for step in result.steps}
    assert nodes == {"/scenarios/working", "/scenarios/working/no_input"}
    assert tree_pointers(editors) == nodes
    assert editors.schedule.grid.highlight() == ("mon", 600)
    result = run_panel(editors, "2026-11-24T03:00", [], [], None, 0)
    assert tree_pointers(editors) == {step["node"] for step in result.steps} == {"/scenarios/non_working"}
    assert editors.schedule.grid.highlight() == ("tue", 180)
    result = run_panel(editors, "2026-11-23T10:00", [], ["e-101"], None, 0)  # a busy employee is not rung
    assert tree_pointers(editors) == {step["node"] for step in result.steps} == {"/scenarios/working"}


def test_step_by_step_marks_the_path_as_it_grows(editors):
    result = run_panel(editors, "2026-11-23T10:00", ["1"], [], None, 0)
    panel = editors.panel
    panel.stepper.reset()
    assert tree_pointers(editors) == set()
    seen = []
    for index in range(len(result.steps)):
        panel.step()
        assert panel.stepper.current == index
        assert tree_pointers(editors) == {s["node"] for s in result.steps[:index + 1]}
        assert panel.highlighter.current == result.steps[index]["node"]
        assert panel.steps_list.currentRow() == index
        seen.append(panel.highlighter.current)
    assert seen[0] == "/scenarios/working" and seen[-1] == "/scenarios/working/keys/1/next"


def test_play_runs_through_every_step_and_pause_stops(editors, qtbot):
    result = run_panel(editors, "2026-11-23T10:00", ["1"], [], None, 0)
    panel = editors.panel
    panel.stepper.step_ms = 5
    shown: list[int] = []
    panel.stepper.stepChanged.connect(shown.append)
    with qtbot.waitSignal(panel.stepper.finished, timeout=5000):
        panel.play()
    assert shown == [-1, *range(len(result.steps))]
    assert not panel.pause_button.isEnabled() and panel.play_button.isEnabled()
    panel.stepper.step_ms = 10_000
    panel.play()
    qtbot.waitUntil(lambda: panel.stepper.current == 0)
    assert panel.pause_button.isEnabled()
    panel.pause_button.click()
    assert panel.stepper.state == "paused" and panel.stepper.current == 0
    panel.step()
    assert panel.stepper.current == 1


def test_invalid_draft_stops_at_the_unbuilt_branch_and_names_it(english, editors, spec_example_path, tmp_path):
    session = editors.session
    session.push(SetValuesCommand(session, {"/scenarios/working/keys/2": None}, "enable key 2"))
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(to_canonical_dict(session.document), ensure_ascii=False), encoding="utf-8")
    refused = subprocess.run([sys.executable, "-m", "pbxdesk", "simulate", str(draft), "--at", "2026-11-23T10:00",
                              "--input", "2"], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 1  # the command line refuses the draft; the panel still follows the call
    result = run_panel(editors, "2026-11-23T10:00", ["2"], [], None, 0)
    assert result.broken == "/scenarios/working/keys/2"
    text = editors.panel.outcome_text()
    assert "Key 2" in text and "/scenarios/working/keys/2" in text
    assert editors.panel.highlighter.broken == "/scenarios/working/keys/2"
    assert tree_pointers(editors) == {"/scenarios/working"}
    # the same draft with key 1 still reaches its department
    result = run_panel(editors, "2026-11-23T10:00", ["1"], [], "e-102", 0)
    assert result.outcome == {"kind": "connected", "employee": "e-102"} and result.broken is None


def test_missing_scenario_is_named(editors):
    session = editors.session
    session.push(SetValuesCommand(session, {"/scenarios/custom1": MISSING}, "drop lunch"))
    result = run_panel(editors, "2026-11-23T13:10", [], [], None, 0)
    assert result.broken == "/scenarios/custom1" and result.steps == []
    assert "Обед" in editors.panel.outcome_text()


def test_reruns_after_an_edit(english, editors, qtbot):
    run_panel(editors, "2026-11-23T10:00", [], [], "e-101", 0)
    assert "Анна Петрова" in editors.panel.outcome_text()
    session = editors.session
    session.push(SetValuesCommand(session, {"/scenarios/working/no_input/employee": "e-102"}, "another employee"))
    qtbot.waitUntil(lambda: editors.panel.result is not None and editors.panel.result.outcome == {"kind": "hangup"})
    assert "Nobody answered" in editors.panel.outcome_text()


def test_bad_keys_are_reported_not_simulated(editors):
    editors.panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["1x"])
    assert editors.panel.run() is None
    assert "1x" in editors.panel.outcome_text()


def test_double_click_on_a_step_selects_the_action(editors, qtbot):
    run_panel(editors, "2026-11-23T10:00", ["1"], [], None, 0)
    editors.tabs.pointerActivated.connect(editors.scenarios.select_pointer)
    item = editors.panel.steps_list.item(2)
    with qtbot.waitSignal(editors.tabs.pointerActivated) as signal:
        editors.panel.steps_list.itemDoubleClicked.emit(item)
    assert signal.args == ["/scenarios/working/keys/1"]
    assert editors.scenarios.current_pointer() == "/scenarios/working/keys/1"


def test_the_instant_is_drawn_on_the_schedule_grid(editors):
    from pbxdesk.schedule_grid.painter import HIGHLIGHT_COLOR

    grid = editors.schedule.grid
    run_panel(editors, "2026-11-25T15:30", [], [], None, 0)  # a Wednesday
    geom = grid.grid_geometry()
    x, y = round(geom.x_of(15 * 60 + 30)), round(geom.y_of(2) + geom.row_h / 2)
    image = grid.grab().toImage()
    assert image.pixelColor(x, y).name() == HIGHLIGHT_COLOR.name()
    assert grid.highlight() == ("wed", 15 * 60 + 30)
    editors.panel.form.set_call(datetime(2026, 11, 23, 10, 0), ["1x"])  # a bad entry: nothing is marked
    editors.panel.run()
    assert grid.highlight() is None
    assert grid.grab().toImage().pixelColor(x, y).name() != HIGHLIGHT_COLOR.name()
