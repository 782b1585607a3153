"""Forward to department (SPEC §6): all / in_turn / incremental ring windows, busy members, who answers."""

from __future__ import annotations

from datetime import datetime

import pytest

from pbxdesk.domain.models import Directory
from pbxdesk.domain.simulator import simulate
from tests.domain.strategies import make_document

AT = datetime(2026, 11, 23, 10, 0)
PTR = "/scenarios/working"
DIRECTORY = Directory.model_validate({
    "employees": [{"id": f"e-{i}", "name": f"N{i}", "extension": f"10{i}", "email": f"e{i}@example.ru"}
                  for i in range(1, 5)],
    "departments": [{"id": "sales", "name": "Sales", "members": ["e-1", "e-2", "e-3"]},
                    {"id": "solo", "name": "Solo", "members": ["e-4"]},
                    {"id": "empty", "name": "Empty", "members": []}],
})
AFTER = {"type": "message", "prompt": {"tts": "after", "voice": "ru"}, "next": None}


def forward(distribution: str, step: int | None, timeout: int, department: str = "sales", **kw):
    root = {"type": "forward_department", "department": department, "distribution": distribution,
            "step_s": step, "timeout_s": timeout, "announcement": kw.pop("announcement", None), "next": AFTER}
    return simulate(make_document({"working": root}, mode="always"), AT, DIRECTORY, **kw)


def rings(result) -> list[tuple[str, float, float]]:
    return [(s["target"], s["from_s"], s["to_s"]) for s in result.steps if s["kind"] == "ring"]


def went_on(result) -> bool:
    return result.outcome == {"kind": "hangup"} and result.steps[-1]["node"] == PTR + "/next"


def test_all_rings_every_free_member_for_the_whole_timeout():
    result = forward("all", None, 30)
    assert rings(result) == [("e-1", 0, 30), ("e-2", 0, 30), ("e-3", 0, 30)]
    assert went_on(result)
    assert all(s["node"] == PTR for s in result.steps if s["kind"] == "ring")


def test_all_with_an_answer_stops_the_other_phones_at_that_moment():
    result = forward("all", None, 30, answer="e-2", answer_after_s=7)
    assert result.outcome == {"kind": "connected", "employee": "e-2"}
    assert rings(result) == [("e-1", 0, 7), ("e-2", 0, 7), ("e-3", 0, 7)]


def test_in_turn_cycles_through_free_members_and_cuts_the_last_window():
    result = forward("in_turn", 20, 60)
    assert rings(result) == [("e-1", 0, 20), ("e-2", 20, 40), ("e-3", 40, 60)]
    result = forward("in_turn", 25, 120)
    assert rings(result) == [("e-1", 0, 25), ("e-2", 25, 50), ("e-3", 50, 75), ("e-1", 75, 100),
                             ("e-2", 100, 120)]


def test_in_turn_with_one_free_member_is_one_window():
    assert rings(forward("in_turn", 10, 60, busy=["e-1", "e-3"])) == [("e-2", 0, 60)]
    assert rings(forward("in_turn", 5, 30, department="solo")) == [("e-4", 0, 30)]


def test_busy_members_are_skipped_and_the_order_is_kept():
    assert rings(forward("in_turn", 10, 30, busy=["e-2"])) == [("e-1", 0, 10), ("e-3", 10, 20), ("e-1", 20, 30)]
    assert rings(forward("all", None, 15, busy=["e-1"])) == [("e-2", 0, 15), ("e-3", 0, 15)]


def test_no_free_member_or_no_member_goes_on_at_once():
    for result in (forward("all", None, 30, busy=["e-1", "e-2", "e-3"]),
                   forward("in_turn", 10, 30, department="empty")):
        assert rings(result) == []
        assert went_on(result)


def test_in_turn_answer_in_the_members_window():
    result = forward("in_turn", 10, 60, answer="e-3", answer_after_s=4)
    assert result.outcome == {"kind": "connected", "employee": "e-3"}
    assert rings(result) == [("e-1", 0, 10), ("e-2", 10, 20), ("e-3", 20, 24)]


@pytest.mark.parametrize("after", [10, 10.5, 61])
def test_in_turn_an_answer_at_or_after_the_window_end_is_too_late(after):
    result = forward("in_turn", 10, 60, answer="e-2", answer_after_s=after)
    assert went_on(result)
    assert len(rings(result)) == 6


def test_in_turn_answer_in_the_last_window_cut_by_the_timeout():
    # step 15 / timeout 20: e-1 rings 0-15, e-2 15-20 (its window cut at the timeout)
    assert went_on(forward("in_turn", 15, 20, answer="e-2", answer_after_s=5))  # 15-20: 20 is not before 20
    result = forward("in_turn", 15, 20, answer="e-2", answer_after_s=4.5)
    assert result.outcome == {"kind": "connected", "employee": "e-2"}
    assert rings(result) == [("e-1", 0, 15), ("e-2", 15, 19.5)]


def test_one_free_member_merged_window_answers_after_a_step():
    result = forward("in_turn", 5, 30, department="solo", answer="e-4", answer_after_s=17)
    assert result.outcome == {"kind": "connected", "employee": "e-4"}
    assert rings(result) == [("e-4", 0, 17)]


def test_incremental_adds_a_member_every_step_until_the_timeout():
    assert rings(forward("incremental", 10, 60)) == [("e-1", 0, 60), ("e-2", 10, 60), ("e-3", 20, 60)]
    # members whose start is at or past the timeout are not rung
    assert rings(forward("incremental", 10, 20)) == [("e-1", 0, 20), ("e-2", 10, 20)]
    assert rings(forward("incremental", 30, 30)) == [("e-1", 0, 30)]


def test_incremental_answer_cuts_the_ringing_and_later_members_never_ring():
    result = forward("incremental", 10, 60, answer="e-1", answer_after_s=12)
    assert result.outcome == {"kind": "connected", "employee": "e-1"}
    assert rings(result) == [("e-1", 0, 12), ("e-2", 10, 12)]
    # a window that would start exactly at the connect moment is not rung
    assert rings(forward("incremental", 10, 60, answer="e-1", answer_after_s=10)) == [("e-1", 0, 10)]
    late_joiner = forward("incremental", 10, 30, answer="e-3", answer_after_s=9)
    assert rings(late_joiner) == [("e-1", 0, 29), ("e-2", 10, 29), ("e-3", 20, 29)]
    too_late = forward("incremental", 10, 30, answer="e-3", answer_after_s=10)
    assert rings(too_late) == [("e-1", 0, 30), ("e-2", 10, 30), ("e-3", 20, 30)] and went_on(too_late)


def test_answer_at_zero_seconds_and_someone_outside_the_department():
    now = forward("all", None, 15, answer="e-1")
    assert now.outcome == {"kind": "connected", "employee": "e-1"}
    assert rings(now) == [("e-1", 0, 0)]
    stranger = forward("all", None, 15, answer="e-4")
    assert went_on(stranger) and rings(stranger) == [("e-1", 0, 15), ("e-2", 0, 15), ("e-3", 0, 15)]


def test_ring_times_count_after_the_announcement():
    result = forward("in_turn", 10, 20, announcement={"tts": "Ждите"})
    assert result.steps[0] == {"kind": "play", "prompt": {"tts": "Ждите", "voice": "ru"}, "node": PTR}
    assert rings(result) == [("e-1", 0, 10), ("e-2", 10, 20)]


def test_a_department_missing_from_the_directory_rings_nobody_and_moves_on_at_once():
    """As the dialplan does (docs/routing.md): a department that left the directory is like one whose
    members are all busy."""
    for distribution, step in (("all", None), ("in_turn", 5), ("incremental", 5)):
        result = forward(distribution, step, 15, department="nosuch")
        assert went_on(result) and rings(result) == []


def test_voicemail_mails_only_recipients_the_dialplan_can_mail():
    directory = Directory.model_validate({
        "employees": [{"id": "a", "name": "A", "email": "a@example.ru"}, {"id": "b", "name": "B"},
                      {"id": "c", "name": "C", "email": "not an address"}],
        "departments": [{"id": "d", "name": "D", "members": ["a", "b", "ghost"]}]})
    root = {"type": "voicemail", "greeting": None, "external_email": "boss@example.ru",
            "recipients": [{"employee": "ghost"}, {"employee": "c"}, {"department": "d"}, {"department": "gone"}]}
    result = simulate(make_document({"working": root}, mode="always"), AT, directory)
    assert result.outcome == {"kind": "voicemail", "emails": ["a@example.ru", "boss@example.ru"]}


def test_members_the_pbx_cannot_dial_are_skipped_like_busy_ones():
    """A member with no extension, or unknown to the directory, cannot be rung by the PBX (its dialplan
    leaves them out), so the simulator takes turns among the others, as a real call does."""
    directory = Directory.model_validate({
        "employees": [{"id": "a", "name": "A", "extension": "101"}, {"id": "b", "name": "B"},
                      {"id": "c", "name": "C", "extension": "103"}],
        "departments": [{"id": "d", "name": "D", "members": ["a", "b", "ghost", "c"]}]})
    root = {"type": "forward_department", "department": "d", "distribution": "in_turn", "step_s": 5,
            "timeout_s": 15, "announcement": None, "next": None}
    result = simulate(make_document({"working": root}, mode="always"), AT, directory)
    assert rings(result) == [("a", 0, 5), ("c", 5, 10), ("a", 10, 15)]
    employee = {"type": "forward_employee", "employee": "b", "timeout_s": 10, "announcement": None, "next": AFTER}
    moved_on = simulate(make_document({"working": employee}, mode="always"), AT, directory, answer="b")
    assert rings(moved_on) == [] and moved_on.steps[-1]["node"] == PTR + "/next"


def test_directory_lookups_leave_it_equal_to_a_fresh_copy():
    """The look-up index a directory builds is no part of its value (editors compare directories)."""
    fresh = Directory.model_validate(DIRECTORY.model_dump())
    assert DIRECTORY.employee("e-1") is not None and DIRECTORY.department("sales") is not None
    assert DIRECTORY == fresh and fresh == DIRECTORY
    DIRECTORY.employees.append(DIRECTORY.employees[0].model_copy(update={"id": "e-9"}))
    try:
        assert DIRECTORY.employee("e-9") is not None  # the index follows a list that grew
    finally:
        DIRECTORY.employees.pop()
    assert DIRECTORY.employee("e-9") is None
