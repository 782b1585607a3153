"""SPEC §6 ring timings of the generated dialplan, run on a simulated clock (tests/backend/dialplan_run.py,
``Local/`` legs included) and compared with the domain's ring windows
(pbxdesk.domain.simulator_department.ring_windows), for every distribution, department size, busy set,
step and timeout. Nobody answers, so every window is rung out; every window is one ``Dial`` (no member
is ever re-dialled while ringing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.domain.models import DEPARTMENT_STEPS, DEPARTMENT_TIMEOUTS, EMPLOYEE_TIMEOUTS, Directory
from pbxdesk.domain.simulator_department import ring_windows
from tests.backend.backend_docs import routing, tts
from tests.backend.dialplan_parser import parse
from tests.backend.dialplan_run import Runner

NUMBER = "4950000077"
NEXT = {"type": "message", "prompt": tts("Никто не ответил"), "next": None}


def company(size: int) -> Directory:
    return Directory.model_validate({
        "employees": [{"id": f"e{i}", "name": f"Сотрудник {i}", "extension": str(100 + i)} for i in range(size)],
        "departments": [{"id": "d", "name": "Отдел", "members": [f"e{i}" for i in range(size)]}]})


@settings(max_examples=120, deadline=None)
@given(size=st.integers(1, 6), distribution=st.sampled_from(["all", "in_turn", "incremental"]),
       step=st.sampled_from(DEPARTMENT_STEPS), timeout=st.sampled_from(DEPARTMENT_TIMEOUTS),
       busy_mask=st.integers(0, 63), announcement=st.booleans())
def test_department_windows_follow_spec(size, distribution, step, timeout, busy_mask, announcement) -> None:
    directory = company(size)
    node = {"type": "forward_department", "department": "d", "distribution": distribution,
            "step_s": None if distribution == "all" else step, "timeout_s": timeout,
            "announcement": tts("Соединяю") if announcement else None, "next": NEXT}
    plan = parse(compile_routing(routing(NUMBER, {"working": node}), directory).text)
    busy = {f"e{i}" for i in range(size) if busy_mask >> i & 1}
    outcome = Runner(plan, {f"PJSIP/{100 + int(b[1:])}" for b in busy}).run(f"pbxdesk-{NUMBER}", "node1")
    free = [f"e{i}" for i in range(size) if f"e{i}" not in busy]
    expected = [(f"PJSIP/{100 + int(m[1:])}", s, e)
                for m, s, e in ring_windows(distribution, free, None if distribution == "all" else step, timeout)]
    got = outcome.windows
    assert sorted(got, key=lambda w: (w[1], w[0])) == sorted(expected, key=lambda w: (w[1], w[0]))
    assert outcome.ended == f"pbxdesk-{NUMBER},node2,1"  # nobody answered: on to `next`


@settings(max_examples=20, deadline=None)
@given(timeout=st.sampled_from(EMPLOYEE_TIMEOUTS), busy=st.booleans())
def test_employee_forward_rings_for_its_timeout_unless_busy(timeout, busy) -> None:
    node = {"type": "forward_employee", "employee": "e0", "timeout_s": timeout, "announcement": None,
            "next": None}
    plan = parse(compile_routing(routing(NUMBER, {"working": node}), company(1)).text)
    outcome = Runner(plan, {"PJSIP/100"} if busy else set()).run(f"pbxdesk-{NUMBER}", "node1")
    assert outcome.windows == ([] if busy else [("PJSIP/100", 0, timeout)])
    assert outcome.ended == "hangup"


@settings(max_examples=60, deadline=None)
@given(repeats=st.integers(1, 5), timeout=st.integers(1, 30), wrong=st.integers(0, 6),
       last=st.sampled_from([None, "1", "101", "7", "10"]), busy=st.booleans())
def test_menu_waits_replays_and_falls_to_no_input(repeats, timeout, wrong, last, busy) -> None:
    """SPEC §6 menu: wait ``timeout_s``; an enabled key → its branch; an extension → ring it 30 s (busy:
    not rung), then ``no_input``; nothing → ``no_input``; a wrong key or digits that are no extension →
    play again, and after ``repeats`` plays in all → ``no_input``."""
    menu = {"type": "menu", "prompt": tts("Меню"), "extension_dialing": True, "timeout_s": timeout,
            "repeats": repeats, "keys": {"1": {"type": "message", "prompt": tts("Один"), "next": None}},
            "no_input": {"type": "message", "prompt": tts("Ничего"), "next": None}}
    plan = parse(compile_routing(routing(NUMBER, {"working": menu}), company(2)).text)
    inputs = ["7"] * wrong + ([last] if last else [])
    outcome = Runner(plan, {"PJSIP/101"} if busy else set(), inputs).run(
        f"pbxdesk-{NUMBER}-menu1", "s", whole_context=True)
    key_branch, no_input = f"pbxdesk-{NUMBER},node1,1", f"pbxdesk-{NUMBER},node2,1"
    wrong_total = wrong + (last in ("7", "10"))
    if wrong_total >= repeats:
        assert (outcome.plays, outcome.ended, outcome.windows) == (repeats, no_input, [])
        return
    assert outcome.plays == wrong_total + 1
    if last == "1":
        assert (outcome.ended, outcome.windows) == (key_branch, [])
    elif last == "101":
        assert outcome.ended == no_input
        assert outcome.windows == ([] if busy else [("PJSIP/101", outcome.windows[0][1], outcome.windows[0][1] + 30)])
    else:  # nothing pressed (also after the replays)
        assert (outcome.ended, outcome.windows) == (no_input, [])


def _department_plan(size: int, distribution: str, step: int, timeout: int):
    node = {"type": "forward_department", "department": "d", "distribution": distribution,
            "step_s": None if distribution == "all" else step, "timeout_s": timeout, "announcement": None,
            "next": NEXT}
    return parse(compile_routing(routing(NUMBER, {"working": node}), company(size)).text)


@pytest.mark.parametrize(("size", "distribution", "step", "timeout"), [
    (200, "all", 5, 30), (200, "in_turn", 5, 600), (200, "incremental", 5, 600), (4097, "all", 5, 15),
    (5000, "in_turn", 5, 15)])
def test_large_departments_ring_every_free_member_exactly_as_spec(size, distribution, step, timeout) -> None:
    """Departments past one dial string (64 legs) and past two levels of group legs (4,096): every free
    member still rings exactly its SPEC windows, once each, and busy members never."""
    plan = _department_plan(size, distribution, step, timeout)
    busy = {f"e{i}" for i in range(0, size, 7)}
    outcome = Runner(plan, {f"PJSIP/{100 + int(b[1:])}" for b in busy}).run(f"pbxdesk-{NUMBER}", "node1")
    free = [f"e{i}" for i in range(size) if f"e{i}" not in busy]
    expected = [(f"PJSIP/{100 + int(m[1:])}", s, e)
                for m, s, e in ring_windows(distribution, free, None if distribution == "all" else step, timeout)]
    assert sorted(outcome.windows, key=lambda w: (w[1], w[0])) == sorted(expected, key=lambda w: (w[1], w[0]))
