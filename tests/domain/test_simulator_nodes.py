"""What each node does to a call (SPEC §6 step 2): messages, menus, single forwards, voicemail/fax."""

from __future__ import annotations

from datetime import datetime

import pytest

from pbxdesk.domain.models import Directory
from pbxdesk.domain.simulator import SimulationError, simulate
from tests.domain.strategies import make_document

AT = datetime(2026, 11, 23, 10, 0)  # always mode below, any instant works
HELLO = {"tts": "Здравствуйте", "voice": "ru"}
MENU_PROMPT = {"tts": "Нажмите 1", "voice": "ru"}
DIRECTORY = Directory.model_validate({
    "employees": [
        {"id": "e-1", "name": "A", "extension": "101", "email": "a@example.ru"},
        {"id": "e-2", "name": "B", "extension": "102", "email": "b@example.ru"},
        {"id": "e-3", "name": "C", "extension": "103", "email": "shared@example.ru"},
        {"id": "e-4", "name": "D", "extension": "104", "email": "shared@example.ru"},
        {"id": "e-5", "name": "E", "extension": "105", "email": None},
    ],
    "departments": [{"id": "ops", "name": "Ops", "members": ["e-2", "e-3", "e-4", "e-5"]}],
})


def hangup_msg(text: str = "bye") -> dict:
    return {"type": "message", "prompt": {"tts": text, "voice": "ru"}, "next": None}


def voicemail(**kw) -> dict:
    node = {"type": "voicemail", "greeting": None, "recipients": [], "external_email": "office@example.ru"}
    return {**node, **kw}


def run(root: dict, **kw):
    doc = make_document({"working": root}, mode="always")
    kw.setdefault("directory", DIRECTORY)
    return simulate(doc, AT, **kw)


def kinds(result) -> list[tuple[str, str]]:
    return [(s["kind"], s["node"]) for s in result.steps]


def test_messages_play_in_order_and_the_call_hangs_up_at_the_end():
    root = {"type": "message", "prompt": HELLO, "next": hangup_msg()}
    result = run(root)
    assert result.to_json() == {
        "interval": "working", "outcome": {"kind": "hangup"},
        "steps": [{"kind": "play", "prompt": HELLO, "node": "/scenarios/working"},
                  {"kind": "play", "prompt": {"tts": "bye", "voice": "ru"}, "node": "/scenarios/working/next"}]}
    assert result.broken is None


def menu(keys: dict, no_input: dict | None = None, **kw) -> dict:
    node = {"type": "menu", "prompt": MENU_PROMPT, "keys": keys,
            "no_input": no_input or hangup_msg("no input"), "extension_dialing": False,
            "timeout_s": 5, "repeats": 3}
    return {**node, **kw}


def test_menu_enabled_key_takes_its_branch():
    result = run(menu({"1": hangup_msg("one"), "#": hangup_msg("hash")}), inputs=["#"])
    assert [s for s in result.steps if s["kind"] == "menu"] == [
        {"kind": "menu", "input": "#", "node": "/scenarios/working"}]
    assert result.steps[-1] == {"kind": "play", "prompt": {"tts": "hash", "voice": "ru"},
                                "node": "/scenarios/working/keys/#"}


def test_menu_without_input_goes_to_no_input_at_once():
    result = run(menu({"1": hangup_msg("one")}))
    assert kinds(result) == [("play", "/scenarios/working"), ("menu", "/scenarios/working"),
                             ("play", "/scenarios/working/no_input")]
    assert result.steps[1]["input"] == "none"
    result = run(menu({"1": hangup_msg("one")}), inputs=["none", "1"])
    assert result.steps[-1]["node"] == "/scenarios/working/no_input"


def test_menu_wrong_key_replays_the_prompt_until_repeats_then_no_input():
    result = run(menu({"1": hangup_msg("one")}, repeats=2), inputs=["5", "7", "1"])
    assert kinds(result) == [("play", "/scenarios/working"), ("menu", "/scenarios/working"),
                             ("play", "/scenarios/working"), ("menu", "/scenarios/working"),
                             ("play", "/scenarios/working/no_input")]
    assert [s["input"] for s in result.steps if s["kind"] == "menu"] == ["5", "7"]


def test_menu_wrong_key_then_right_key_within_repeats():
    result = run(menu({"1": hangup_msg("one")}, repeats=3), inputs=["5", "*", "1"])
    assert [s["input"] for s in result.steps if s["kind"] == "menu"] == ["5", "*", "1"]
    assert result.steps[-1]["node"] == "/scenarios/working/keys/1"


def test_inputs_are_consumed_across_nested_menus():
    inner = menu({"2": hangup_msg("two")})
    result = run(menu({"1": inner}), inputs=["1", "9", "2"])
    assert result.steps[-1]["node"] == "/scenarios/working/keys/1/keys/2"
    assert [(s["input"], s["node"]) for s in result.steps if s["kind"] == "menu"] == [
        ("1", "/scenarios/working"), ("9", "/scenarios/working/keys/1"), ("2", "/scenarios/working/keys/1")]


def test_extension_dialing_rings_the_employee_for_30_seconds():
    node = menu({"1": hangup_msg("one")}, extension_dialing=True)
    answered = run(node, inputs=["102"], answer="e-2", answer_after_s=12)
    assert answered.outcome == {"kind": "connected", "employee": "e-2"}
    assert answered.steps[-1] == {"kind": "ring", "target": "e-2", "from_s": 0, "to_s": 12,
                                  "node": "/scenarios/working"}
    unanswered = run(node, inputs=["102"], answer="e-2", answer_after_s=30)  # exactly at the end: too late
    assert [s for s in unanswered.steps if s["kind"] == "ring"] == [
        {"kind": "ring", "target": "e-2", "from_s": 0, "to_s": 30, "node": "/scenarios/working"}]
    assert unanswered.steps[-1]["node"] == "/scenarios/working/no_input"


def test_extension_dialing_a_busy_employee_is_not_rung():
    result = run(menu({"1": hangup_msg()}, extension_dialing=True), inputs=["103"], busy=["e-3"], answer="e-3")
    assert not [s for s in result.steps if s["kind"] == "ring"]
    assert result.steps[-1]["node"] == "/scenarios/working/no_input"


def test_digits_that_are_no_extension_or_dialing_off_replay_the_prompt():
    """Digits are read as the PBX reads them: "109" (extensions 101-105 exist, 109 is none) is one wrong
    input; "999" (nothing starts with 9) is a wrong input at each 9; with dialing off "102" is key 1
    (taken at once, as no longer key starts with 1) and "02" is left for the next wait."""
    on = run(menu({"1": hangup_msg("one")}, extension_dialing=True), inputs=["109", "1"])
    assert [s["input"] for s in on.steps if s["kind"] == "menu"] == ["109", "1"]
    assert on.steps[-1]["node"] == "/scenarios/working/keys/1"
    nines = run(menu({"1": hangup_msg("one")}, extension_dialing=True), inputs=["999", "1"])
    assert [s["input"] for s in nines.steps if s["kind"] == "menu"] == ["9", "9", "9"]
    assert nines.steps[-1]["node"] == "/scenarios/working/no_input"
    off = run(menu({"1": hangup_msg("one")}), inputs=["102", "1"], answer="e-2")
    assert not [s for s in off.steps if s["kind"] == "ring"]
    assert [s["input"] for s in off.steps if s["kind"] == "menu"] == ["1"]
    assert off.steps[-1]["node"] == "/scenarios/working/keys/1"


def forward_external(**kw) -> dict:
    node = {"type": "forward_external", "number": "4951234567", "timeout_s": 20,
            "announcement": {"tts": "Соединяю"}, "next": voicemail()}
    return {**node, **kw}


def test_forward_external_plays_the_announcement_then_rings_the_number():
    result = run(forward_external(), answer="external:4951234567", answer_after_s=4.5)
    assert result.outcome == {"kind": "connected", "external": "4951234567"}
    assert result.steps == [
        {"kind": "play", "prompt": {"tts": "Соединяю", "voice": "ru"}, "node": "/scenarios/working"},
        {"kind": "ring", "target": "4951234567", "from_s": 0, "to_s": 4.5, "node": "/scenarios/working"}]
    typed = run(forward_external(), answer="external:+7 (495) 123-45-67")
    assert typed.outcome == {"kind": "connected", "external": "4951234567"}


def test_forward_external_unanswered_continues_with_next():
    for answer, after in (("nobody", 0), ("external:4951234567", 20), ("external:4990000000", 1)):
        result = run(forward_external(), answer=answer, answer_after_s=after)
        assert result.outcome == {"kind": "voicemail", "emails": ["office@example.ru"]}
        assert [s for s in result.steps if s["kind"] == "ring"] == [
            {"kind": "ring", "target": "4951234567", "from_s": 0, "to_s": 20, "node": "/scenarios/working"}]
    assert run(forward_external(next=None)).outcome == {"kind": "hangup"}


def test_forward_employee_answered_unanswered_and_busy():
    node = {"type": "forward_employee", "employee": "e-1", "timeout_s": 15, "announcement": None,
            "next": hangup_msg()}
    assert run(node, answer="e-1", answer_after_s=14).outcome == {"kind": "connected", "employee": "e-1"}
    late = run(node, answer="e-1", answer_after_s=15)
    assert late.outcome == {"kind": "hangup"}
    assert late.steps[0] == {"kind": "ring", "target": "e-1", "from_s": 0, "to_s": 15, "node": "/scenarios/working"}
    busy = run(node, busy=["e-1"], answer="e-1")
    assert kinds(busy) == [("play", "/scenarios/working/next")]  # not rung: moves on at once


def test_forward_employee_does_not_need_the_directory():
    node = {"type": "forward_employee", "employee": "e-1", "timeout_s": 15, "announcement": None, "next": None}
    assert run(node, directory=None, answer="e-1").outcome == {"kind": "connected", "employee": "e-1"}


def test_voicemail_mails_employees_department_members_and_external_deduplicated_sorted():
    node = voicemail(greeting={"tts": "Оставьте сообщение"}, external_email="b@example.ru",
                     recipients=[{"employee": "e-1"}, {"department": "ops"}, {"employee": "e-3"}])
    result = run(node)
    assert result.outcome == {"kind": "voicemail",
                              "emails": ["a@example.ru", "b@example.ru", "shared@example.ru"]}
    assert result.steps == [
        {"kind": "play", "prompt": {"tts": "Оставьте сообщение", "voice": "ru"}, "node": "/scenarios/working"},
        {"kind": "record", "medium": "voicemail", "node": "/scenarios/working"}]


def test_fax_without_greeting_plays_the_system_one():
    result = run({"type": "fax", "greeting": None, "recipients": [{"employee": "e-5"}],
                  "external_email": None})
    assert result.outcome == {"kind": "fax", "emails": []}  # e-5 has no e-mail address
    assert result.steps == [{"kind": "play", "prompt": {"system": "fax"}, "node": "/scenarios/working"},
                            {"kind": "record", "medium": "fax", "node": "/scenarios/working"}]


def test_a_call_that_needs_the_directory_without_one_is_refused_with_the_node():
    node = menu({"1": {"type": "forward_department", "department": "ops", "distribution": "all",
                       "step_s": None, "timeout_s": 30, "announcement": None, "next": None}})
    assert run(node, directory=None).outcome["kind"] == "hangup"  # this call never reaches the department
    with pytest.raises(SimulationError, match="/scenarios/working/keys/1") as info:
        run(node, directory=None, inputs=["1"])
    assert info.value.pointer == "/scenarios/working/keys/1"
    with pytest.raises(SimulationError, match="directory"):
        run(voicemail(recipients=[{"employee": "e-1"}]), directory=None)
    with pytest.raises(SimulationError, match="directory"):
        run(menu({"1": hangup_msg()}, extension_dialing=True), directory=None, inputs=["101"])
    assert run(voicemail(), directory=None).outcome == {"kind": "voicemail", "emails": ["office@example.ru"]}


def test_a_broken_branch_stops_the_call_and_names_its_pointer():
    result = run(menu({"1": None, "2": hangup_msg()}), inputs=["1"])
    assert result.broken == "/scenarios/working/keys/1"
    assert result.outcome == {"kind": "broken", "pointer": "/scenarios/working/keys/1"}
    assert result.to_json()["broken"] == "/scenarios/working/keys/1"
    doc = make_document({"working": hangup_msg()}, mode="weekly")  # non_working occurs, has no scenario
    missing = simulate(doc, AT)
    assert (missing.interval, missing.broken) == ("non_working", "/scenarios/non_working")
    assert missing.steps == []


@pytest.mark.parametrize("kw", [{"inputs": ["12a"]}, {"inputs": [""]}, {"answer_after_s": -1},
                                {"answer_after_s": float("nan")}, {"answer": ""}])
def test_bad_arguments_are_refused(kw):
    with pytest.raises(SimulationError):
        run(hangup_msg(), **kw)
