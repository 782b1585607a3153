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
from pbxdesk.domain.simulator import simulate
from pbxdesk.domain.validation import validate_document
from pbxdesk.domain.walk import get_at
from tests.domain.strategies import calls, documents_with_directory

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@FAST
@given(documents_with_directory())
def test_canonical_save_load_is_byte_identical(pair):
    doc, _directory = pair
    text = dumps(doc)
    again = loads(text)
    assert again.problems == []
    assert dumps(again.document) == text
    assert to_canonical_dict(again.document) == to_canonical_dict(doc)


@FAST
@given(documents_with_directory())
def test_generated_documents_have_no_validation_errors(pair):
    doc, directory = pair
    assert [p.line("en") for p in errors(validate_document(doc, directory))] == []


@FAST
@given(doc_dir_call())
def test_simulation_is_deterministic_and_picks_the_scheduled_interval(case):
    doc, directory, call = case
    inputs_before = list(call["inputs"])
    first = simulate(doc, **call).to_json()
    assert call["inputs"] == inputs_before  # the caller's list is not consumed
    assert simulate(doc, **call).to_json() == first
    assert first["interval"] == reference_interval(to_canonical_dict(doc), call["at"])
    assert "broken" not in first  # a valid document has no unbuilt branch
    assert first["outcome"]["kind"] in ("connected", "voicemail", "fax", "hangup")


def _ring_limit(doc: RoutingDocument, node_ptr: str) -> int:
    node = get_at(doc, node_ptr)
    return 30 if isinstance(node, MenuNode) else int(node.timeout_s)


@FAST
@given(doc_dir_call())
def test_ring_windows_stay_within_the_timeout(case):
    doc, directory, call = case
    for step in simulate(doc, **call).steps:
        assert step["node"].startswith("/scenarios/")
        if step["kind"] == "ring":
            assert 0 <= step["from_s"] <= step["to_s"] <= _ring_limit(doc, step["node"])
            assert step["target"] not in call["busy"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    # the first forward that rings this target decides: does one of its windows there last past `after`?
    first_node = next(s["node"] for s in rings if s["target"] == target)
    own = [s for s in rings if s["target"] == target and s["node"] == first_node]
    expected = any(s["from_s"] + after < s["to_s"] for s in own)

    result = simulate(doc, **{**call, "answer": answer})
    connected = result.outcome == {"kind": "connected", ("employee" if is_employee else "external"): target}
    assert connected == expected
    if connected:
        there = [s for s in result.steps if s["kind"] == "ring" and s["node"] == first_node]
        picked_up = max((s for s in there if s["target"] == target), key=lambda s: s["from_s"])
        assert math.isclose(picked_up["to_s"], picked_up["from_s"] + after, abs_tol=1e-9)
        assert all(s["to_s"] <= picked_up["to_s"] for s in there)  # everyone else stopped ringing by then
        assert result.steps[-1]["node"] == first_node  # and the call went nowhere else


@FAST
@given(doc_dir_call())
def test_mail_goes_only_to_directory_addresses_or_the_external_one(case):
    doc, directory, call = case
    result = simulate(doc, **call)
    if result.outcome["kind"] not in ("voicemail", "fax"):
        return
    node = get_at(doc, result.steps[-1]["node"])
    allowed = {e.email for e in directory.employees if e.email} | {node.external_email}
    emails = result.outcome["emails"]
    assert emails == sorted(set(emails))
    assert set(emails) <= allowed
    if node.external_email:
        assert node.external_email in emails
