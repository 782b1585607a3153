"""A routing whose targets left the directory (docs/routing.md): the dialplan rings nobody and moves on at
once to the node's ``next``, exactly as the simulator says (and so as the app's test call shows); run on the
simulated clock of tests/backend/dialplan_run.py. tests/telephony has the same cases as real calls."""

from __future__ import annotations

from datetime import datetime

import pytest

from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.domain.models import Directory
from pbxdesk.domain.simulator import simulate
from tests.backend.backend_docs import routing, tts
from tests.backend.dialplan_parser import parse
from tests.backend.dialplan_run import Runner

NUMBER = "4950000078"
NEXT = {"type": "message", "prompt": tts("Никто не ответил"), "next": None}
STAYED = Directory.model_validate({"employees": [{"id": "anna", "name": "Анна", "extension": "101"},
                                                 {"id": "gleb", "name": "Глеб"}],
                                   "departments": [{"id": "d", "name": "Отдел", "members": ["ghost", "gleb"]}]})
TARGETS = {
    "employee_left": {"type": "forward_employee", "employee": "ghost", "timeout_s": 20, "announcement": None,
                      "next": NEXT},
    "employee_without_extension": {"type": "forward_employee", "employee": "gleb", "timeout_s": 20,
                                   "announcement": None, "next": NEXT},
    **{f"department_left_{d}": {"type": "forward_department", "department": "gone", "distribution": d,
                                "step_s": None if d == "all" else 5, "timeout_s": 30, "announcement": None,
                                "next": NEXT} for d in ("all", "in_turn", "incremental")},
    "department_whose_members_cannot_ring": {"type": "forward_department", "department": "d",
                                             "distribution": "in_turn", "step_s": 5, "timeout_s": 30,
                                             "announcement": None, "next": NEXT},
}


@pytest.mark.parametrize("name", TARGETS)
def test_a_target_that_left_rings_nobody_and_the_call_moves_on_at_once(name: str) -> None:
    doc = routing(NUMBER, {"working": TARGETS[name]})
    simulated = simulate(doc, datetime(2026, 11, 30, 10, 0), STAYED)
    assert [s for s in simulated.steps if s["kind"] == "ring"] == []
    assert simulated.steps[-1] == {"kind": "play", "prompt": NEXT["prompt"], "node": "/scenarios/working/next"}
    plan = parse(compile_routing(doc, STAYED).text)
    outcome = Runner(plan, set()).run(f"pbxdesk-{NUMBER}", "node1")
    assert outcome.windows == []
    assert outcome.ended == f"pbxdesk-{NUMBER},node2,1"
