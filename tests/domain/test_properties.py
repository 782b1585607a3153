"""Properties over generated VALID routing documents (hypothesis): canonical I/O, validity, and the call
simulator against an independent schedule lookup and the ring/answer/e-mail rules of SPEC §6."""

from __future__ import annotations

import math
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbxdesk.domain.document import dumps, loads, to_canonical_dict
from pbxdesk.domain.models import MenuNode, RoutingDocument
from pbxdesk.domain.problems import errors
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.simulator import simulate
from pbxdesk.domain.validation import validate_document
from pbxdesk.domain.walk import get_at
from tests.domain.strategies import calls, documents_with_directory

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@st.composite
def doc_dir_call(draw: st.DrawFn):
    doc, directory = draw(documents_with_directory())
    return doc, directory, draw(calls(doc, directory))


def reference_interval(data: dict, at: datetime) -> str:
    """SPEC §6 step 1 written from scratch: via a POSIX timestamp and string comparison of HH:MM."""
    if data["schedule"]["mode"] == "always":
        return "working"
    tz = ZoneInfo(data["timezone"])
    stamp = (at.replace(tzinfo=tz, fold=0) if at.tzinfo is None else at).timestamp()
    local = datetime.fromtimestamp(stamp, tz)
    hhmm = f"{local.hour:02d}:{local.minute:02d}"
    day_ranges = [r for r in data["schedule"]["ranges"] if r["day"] == DAYS[local.isoweekday() - 1]]
    for exc in data["schedule"]["exceptions"]:
        if exc["date"] == f"{local.year:04d}-{local.month:02d}-{local.day:02d}":
            day_ranges = exc["ranges"]
            break
    for r in day_ranges:
        if r["start"] <= hhmm < r["end"]:
            return str(r["interval"])
    return "non_working"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_directory())
def test_generated_documents_are_valid_and_their_canonical_text_round_trips(pair):
    doc, directory = pair
    assert [p.line("en") for p in errors(validate_document(doc, directory))] == []
    text = dumps(doc)
    again = loads(text)
    assert again.problems == []
    assert dumps(again.document) == text
    assert to_canonical_dict(again.document) == to_canonical_dict(doc)


def _ring_limit(doc: RoutingDocument, node_ptr: str) -> int:
    node = get_at(doc, node_ptr)
    return 30 if isinstance(node, MenuNode) else int(node.timeout_s)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_dir_call())
def test_simulated_calls_are_deterministic_and_follow_the_schedule_timeouts_and_directory(case):
    doc, directory, call = case
    inputs_before = list(call["inputs"])
    result = simulate(doc, **call)
    out = result.to_json()
    assert call["inputs"] == inputs_before  # the caller's list is not consumed
    assert simulate(doc, **call).to_json() == out  # deterministic
    # the interval is the one an independent lookup finds
    assert out["interval"] == reference_interval(to_canonical_dict(doc), call["at"])
    assert "broken" not in out  # a valid document has no unbuilt branch
    assert out["outcome"]["kind"] in ("connected", "voicemail", "fax", "hangup")
    # no ring window starts before 0 or passes the timeout of its node; busy employees never ring
    for step in result.steps:
        assert step["node"].startswith("/scenarios/")
        if step["kind"] == "ring":
            assert 0 <= step["from_s"] <= step["to_s"] <= _ring_limit(doc, step["node"])
            assert step["target"] not in call["busy"]
    # mail goes only to directory addresses or the node's external e-mail, sorted and deduplicated
    if out["outcome"]["kind"] in ("voicemail", "fax"):
        node = get_at(doc, result.steps[-1]["node"])
        allowed = {e.email for e in directory.employees if e.email} | {node.external_email}
        emails = out["outcome"]["emails"]
        assert emails == sorted(set(emails))
        assert set(emails) <= allowed
        if node.external_email:
            assert node.external_email in emails


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_dir_call(), st.data())
def test_a_target_answers_iff_it_rings_long_enough_and_was_ringing_then(case, data):
    doc, directory, call = case
    quiet = simulate(doc, **{**call, "answer": "nobody"})
    rings = [s for s in quiet.steps if s["kind"] == "ring"]
    if not rings:
        return
    first = data.draw(st.sampled_from(rings))
    target = first["target"]
    after = call["answer_after_s"]
    is_employee = directory.employee(target) is not None
    answer = target if is_employee else f"external:{target}"
    # the first forward with a window of this target lasting past `after` connects it; a forward whose
    # windows are all too short leaves the call going on as if nobody answered, so a later one may connect
    nodes = list(dict.fromkeys(s["node"] for s in rings if s["target"] == target))
    first_node = next((n for n in nodes if any(s["from_s"] + after < s["to_s"] for s in rings
                                              if s["target"] == target and s["node"] == n)), None)
    expected = first_node is not None

    result = simulate(doc, **{**call, "answer": answer})
    connected = result.outcome == {"kind": "connected", ("employee" if is_employee else "external"): target}
    assert connected == expected
    if connected:
        there = [s for s in result.steps if s["kind"] == "ring" and s["node"] == first_node]
        picked_up = max((s for s in there if s["target"] == target), key=lambda s: s["from_s"])
        assert math.isclose(picked_up["to_s"], picked_up["from_s"] + after, abs_tol=1e-9)
        assert all(s["to_s"] <= picked_up["to_s"] for s in there)  # everyone else stopped ringing by then
        assert result.steps[-1]["node"] == first_node  # and the call went nowhere else




@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_directory(max_depth=1))
def test_saving_demands_a_scenario_exactly_for_the_intervals_that_occur(pair):
    """The editor offers "+" under the intervals of occurring_intervals; validation must agree (R5, R14)."""
    doc, directory = pair
    occurring = occurring_intervals(doc)
    for interval in doc.schedule.intervals:
        without = doc.model_copy(deep=True)
        without.scenarios.pop(interval.id, None)
        missing = {p.pointer for p in validate_document(without, directory) if p.code == "scenario.missing"}
        assert (f"/scenarios/{interval.id}" in missing) == (interval.id in occurring), interval.id
