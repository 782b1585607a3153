"""Week coverage and its warnings, each on a document built to trigger it."""

from __future__ import annotations

import copy
import json

import pytest

from pbxdesk.domain.coverage import (
    LONG_RING_S,
    call_paths,
    coverage_warnings,
    week_coverage,
    worst_ring_seconds,
)
from pbxdesk.domain.document import parse_document
from pbxdesk.domain.models import WEEKDAYS

VM = {"type": "voicemail", "greeting": None, "recipients": [{"employee": "e-101"}], "external_email": None}


def msg(text: str, nxt=None) -> dict:
    return {"type": "message", "prompt": {"tts": text, "voice": "ru"}, "next": nxt}


def emp(employee: str, timeout: int, nxt=None) -> dict:
    return {"type": "forward_employee", "employee": employee, "timeout_s": timeout, "announcement": None, "next": nxt}


def dept(department: str, distribution: str, step, timeout: int, nxt=None) -> dict:
    return {"type": "forward_department", "department": department, "distribution": distribution,
            "step_s": step, "timeout_s": timeout, "announcement": None, "next": nxt}


def make(scenarios: dict, ranges=None, intervals=("working", "non_working"), mode="weekly"):
    names = {"working": "Рабочее время", "non_working": "Нерабочее время", "custom1": "Обед", "custom2": "Вечер"}
    data = {"format": "pbxdesk.routing/1", "number": "4952302222", "name": "Тест", "timezone": "Europe/Moscow",
            "schedule": {"mode": mode, "intervals": [{"id": i, "name": names[i]} for i in intervals],
                         "ranges": ranges if ranges is not None else
                         [{"day": d, "start": "09:00", "end": "18:00", "interval": "working"} for d in WEEKDAYS[:5]],
                         "exceptions": []},
            "scenarios": scenarios}
    result = parse_document(json.loads(json.dumps(data)))
    assert result.document is not None, result.problems
    return result.document


def codes(doc, directory=None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for warning in coverage_warnings(doc, directory):
        out.setdefault(warning.code, []).append(warning.pointer)
    return out


def test_spec_example_week(spec_example, directory):
    week = week_coverage(spec_example, directory)
    assert len(week) == 7 and all(len(row) == 24 for row in week)
    monday = week[0]
    assert (monday[9].interval, monday[9].first_action) == ("working", "menu")
    assert (monday[13].interval, monday[13].first_action) == ("custom1", "message")
    assert monday[13].gap and not monday[9].gap  # the lunch message ends the call with no one rung
    assert (monday[18].interval, monday[18].first_action) == ("non_working", "voicemail")
    assert all(cell.interval == "non_working" and cell.first_action == "voicemail" for cell in week[1])


def test_split_hour_shows_the_interval_with_most_minutes():
    doc = make({"working": VM, "non_working": VM},
               ranges=[{"day": "mon", "start": "09:15", "end": "18:00", "interval": "working"}])
    nine = week_coverage(doc)[0][9]
    assert nine.interval == "working" and nine.intervals == ("non_working", "working")
    assert week_coverage(doc)[0][8].intervals == ("non_working",)


def test_always_mode_is_working_all_week():
    doc = make({"working": msg("a", VM)}, mode="always")
    assert {(c.interval, c.first_action) for row in week_coverage(doc) for c in row} == {("working", "message")}


def test_interval_never_used_and_its_scenario_never_reached():
    doc = make({"working": VM, "non_working": VM, "custom1": VM},
               intervals=("working", "non_working", "custom1"))
    found = codes(doc)
    assert found["coverage.interval_unused"] == ["/schedule/intervals/2"]
    assert found["coverage.scenario_unreached"] == ["/scenarios/custom1"]
    used = make({"working": VM, "non_working": VM, "custom1": VM}, intervals=("working", "non_working", "custom1"),
                ranges=[{"day": "mon", "start": "13:00", "end": "14:00", "interval": "custom1"}])
    found = codes(used)  # now working never occurs instead
    assert found["coverage.interval_unused"] == ["/schedule/intervals/0"]
    assert found["coverage.scenario_unreached"] == ["/scenarios/working"]


def test_non_working_scenario_is_unreached_around_the_clock():
    doc = make({"working": VM, "non_working": VM}, mode="always")
    assert codes(doc)["coverage.scenario_unreached"] == ["/scenarios/non_working"]


def test_interval_in_force_without_scenario():
    doc = make({"working": VM})
    assert codes(doc)["coverage.no_scenario"] == ["/scenarios/non_working"]
    assert all(cell.gap for cell in week_coverage(doc)[5])  # Saturday is non-working with no scenario


def test_paths_that_end_with_no_one_rung():
    menu = {"type": "menu", "prompt": {"tts": "Меню"}, "extension_dialing": False, "timeout_s": 5, "repeats": 3,
            "keys": {"1": emp("e-101", 20), "2": msg("Адрес офиса")}, "no_input": VM}
    doc = make({"working": menu, "non_working": msg("Мы закрыты", VM)})
    warnings = [w for w in coverage_warnings(doc) if w.code == "coverage.no_one_rung"]
    assert [w.pointer for w in warnings] == ["/scenarios/working/keys/2"]
    assert warnings[0].path == ("/scenarios/working", "/scenarios/working/keys/2")
    assert warnings[0].interval == "working"


def test_forward_to_an_empty_department_rings_nobody(directory):
    doc = make({"working": dept("empty", "all", None, 30), "non_working": VM})
    assert codes(doc, directory)["coverage.no_one_rung"] == ["/scenarios/working"]
    assert "coverage.no_one_rung" not in codes(doc)  # without the directory its members are unknown
    rung = make({"working": dept("sales", "all", None, 30), "non_working": VM})
    assert "coverage.no_one_rung" not in codes(rung, directory)


def test_worst_case_ring_time_sums_timeouts_along_the_worst_path(spec_example, directory):
    assert worst_ring_seconds(spec_example, "working", directory) == 60
    menu = {"type": "menu", "prompt": {"tts": "Меню"}, "extension_dialing": True, "timeout_s": 5, "repeats": 3,
            "keys": {"1": emp("e-101", 20, dept("sales", "in_turn", 10, 60, VM)),
                     "2": emp("e-102", 30, VM)},
            "no_input": emp("e-103", 60, VM)}
    doc = make({"working": menu, "non_working": VM})
    # key 1: 20 + 60; no input after an unanswered extension: 30 + 60
    assert worst_ring_seconds(doc, "working", directory) == 90
    ring = next(w for w in coverage_warnings(doc, directory) if w.code == "coverage.ring_time"
                and w.interval == "working")
    assert ring.severity == "info" and ring.seconds == 90 and ring.pointer == "/scenarios/working/no_input/next"
    assert "90" in ring.message("en") and "voicemail" in ring.message("en")


def test_long_ring_time_is_a_warning(directory):
    doc = make({"working": emp("e-101", 60, dept("sales", "all", None, 120, VM)), "non_working": VM})
    ring = next(w for w in coverage_warnings(doc, directory) if w.code == "coverage.ring_time"
                and w.interval == "working")
    assert ring.seconds == 180 > LONG_RING_S and ring.severity == "warning"
    straight = next(w for w in coverage_warnings(doc, directory) if w.code == "coverage.ring_time"
                    and w.interval == "non_working")
    assert straight.seconds == 0 and "straight to voicemail" in straight.message("en")


@pytest.mark.parametrize(("distribution", "step", "timeout", "missed"), [
    ("incremental", 30, 30, 2), ("in_turn", 10, 20, 1), ("in_turn", 10, 30, 0), ("all", None, 15, 0)])
def test_department_members_never_rung(directory, distribution, step, timeout, missed):
    doc = make({"working": dept("sales", distribution, step, timeout, VM), "non_working": VM})
    found = [w for w in coverage_warnings(doc, directory) if w.code == "coverage.members_never_rung"]
    if missed:
        assert [w.pointer for w in found] == ["/scenarios/working"]
        assert str(missed) in found[0].message("en")
    else:
        assert found == []


def test_call_paths_of_the_spec_example(spec_example, directory):
    paths = call_paths(spec_example.scenarios["working"], "/scenarios/working", directory)
    ends = sorted((p.end, p.end_pointer, p.ring_s, p.rung) for p in paths)
    assert ends == [("hangup", "/scenarios/working/no_input", 50, True),
                    ("voicemail", "/scenarios/working/keys/1/next", 60, True)]


def test_unbuilt_branch_is_a_broken_path():
    data = {"type": "menu", "prompt": {"tts": "Меню"}, "extension_dialing": False, "keys": {"1": None},
            "no_input": VM}
    doc = make({"working": copy.deepcopy(data), "non_working": VM})
    paths = call_paths(doc.scenarios["working"], "/scenarios/working")
    assert ("broken", "/scenarios/working/keys/1") in {(p.end, p.end_pointer) for p in paths}
