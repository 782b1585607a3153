"""Conformance of ``pbxdesk validate`` / ``simulate`` / ``export`` with SPEC §4-§7, as an outside tester sees it.

The documents in ``tests/data/conformance/`` were written by hand from the spec (keys deliberately out of
canonical order): ``weekly_berlin.json`` (weekly mode, Europe/Berlin for the DST cases, a lunch interval,
``24:00``, exception dates, one of them with no ranges), ``menu_always.json`` (always mode, a menu with
every forward kind, a nested menu, voicemail and fax) and ``directory.json``. Each validate case is one
change to a base document with the problems SPEC §5 says it has, as (severity, pointer, code); each simulate
case is the JSON SPEC §7 says the call produces. Most cases call the CLI entry point in-process; a few run
``python -m pbxdesk`` as a real subprocess (exit codes, one-line stderr, UTF-8 output).
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pbxdesk.cli import main as pbxdesk_main

DATA = Path(__file__).resolve().parents[1] / "data" / "conformance"
WEEKLY = DATA / "weekly_berlin.json"
MENU = DATA / "menu_always.json"
DIRECTORY = DATA / "directory.json"
DELETE = object()
MSG = {"type": "message", "prompt": {"tts": "x"}, "next": None}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _patched(base: Path, *changes: tuple[str, Any]) -> dict[str, Any]:
    """The base document with each (JSON Pointer, value) set; DELETE removes the member; ``/-`` appends."""
    doc = copy.deepcopy(_load(base))
    for ptr, value in changes:
        *parents, last = [t.replace("~1", "/").replace("~0", "~") for t in ptr[1:].split("/")]
        target: Any = doc
        for token in parents:
            target = target[int(token)] if isinstance(target, list) else target[token]
        if isinstance(target, list):
            if last == "-":
                target.append(value)
            elif value is DELETE:
                del target[int(last)]
            else:
                target[int(last)] = value
        elif value is DELETE:
            del target[last]
        else:
            target[last] = value
    return doc


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PBXDESK_LANG", "en")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = pbxdesk_main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- validate: SPEC §5 ------------------------------------------------------------------------------------
W, M = WEEKLY, MENU
K = "/scenarios/working/keys"
WORKING_MENU = "/scenarios/working"
E, WARN = "error", "warning"
VALIDATE_CASES: list[tuple[str, Path, list[tuple[str, Any]], bool, list[tuple[str, str, str]]]] = [
    # unknown fields anywhere, with their pointers (§4 "unknown fields are an error", §5)
    ("unknown top member", W, [("/colour", "red")], False, [(E, "/colour", "type.unknown_field")]),
    ("unknown in schedule", W, [("/schedule/holidays", [])], False, [(E, "/schedule/holidays", "type.unknown_field")]),
    ("unknown in interval", W, [("/schedule/intervals/0/colour", "red")], False,
     [(E, "/schedule/intervals/0/colour", "type.unknown_field")]),
    ("unknown in range", W, [("/schedule/ranges/0/note", "x")], False,
     [(E, "/schedule/ranges/0/note", "type.unknown_field")]),
    ("unknown in exception", W, [("/schedule/exceptions/0/why", "x")], False,
     [(E, "/schedule/exceptions/0/why", "type.unknown_field")]),
    ("unknown in node", M, [(K + "/2/retries", 3)], False, [(E, K + "/2/retries", "type.unknown_field")]),
    ("tts and audio", M, [(WORKING_MENU + "/prompt/audio", "a" * 64)], False,
     [(E, WORKING_MENU + "/prompt/audio", "type.unknown_field")]),
    ("recipient with both", M, [(K + "/3/next/recipients/-", {"employee": "e-1", "department": "duo"})], False,
     [(E, K + "/3/next/recipients/2/department", "type.unknown_field")]),
    # wrong types
    ("number as int", W, [("/number", 4951234567)], False, [(E, "/number", "type.invalid")]),
    ("timeout as string", M, [(K + "/2/timeout_s", "20")], False, [(E, K + "/2/timeout_s", "type.invalid")]),
    ("timeout as float", M, [(K + "/2/timeout_s", 20.5)], False, [(E, K + "/2/timeout_s", "type.invalid")]),
    ("bool for int", M, [(WORKING_MENU + "/repeats", True)], False, [(E, WORKING_MENU + "/repeats", "type.invalid")]),
    ("dialing as string", M, [(WORKING_MENU + "/extension_dialing", "yes")], False,
     [(E, WORKING_MENU + "/extension_dialing", "type.invalid")]),
    ("keys as list", M, [(WORKING_MENU + "/keys", [])], False, [(E, WORKING_MENU + "/keys", "type.invalid")]),
    ("prompt as string", M, [(WORKING_MENU + "/prompt", "Choose")], False,
     [(E, WORKING_MENU + "/prompt", "type.invalid")]),
    ("voice de", M, [(WORKING_MENU + "/prompt/voice", "de")], False,
     [(E, WORKING_MENU + "/prompt/voice", "type.invalid")]),
    ("bad mode", W, [("/schedule/mode", "sometimes")], False, [(E, "/schedule/mode", "type.invalid")]),
    ("bad distribution", M, [(K + "/1/distribution", "random")], False,
     [(E, K + "/1/distribution", "type.invalid")]),
    ("node type missing", M, [(K + "/2/type", DELETE)], False, [(E, K + "/2/type", "type.missing")]),
    ("node type unknown", M, [(K + "/2/type", "conference")], False, [(E, K + "/2", "node.unknown_type")]),
    ("required member missing", M, [(K + "/2/next", DELETE)], False, [(E, K + "/2/next", "type.missing")]),
    ("announcement missing", M, [(K + "/3/announcement", DELETE)], False,
     [(E, K + "/3/announcement", "type.missing")]),
    ("format", W, [("/format", "pbxdesk.routing/2")], False, [(E, "/format", "format.unsupported")]),
    # every problem is reported: a broken scenario does not hide the coverage of the others
    ("broken node and a missing scenario", W, [("/scenarios/working/colour", "red"), ("/scenarios/custom1", DELETE)],
     False, [(E, "/scenarios/working/colour", "type.unknown_field"), (E, "/scenarios/custom1", "scenario.missing")]),
    ("broken node counts as present", W, [("/scenarios/working/next", DELETE)], False,
     [(E, "/scenarios/working/next", "type.missing")]),
    ("unknown top member and a missing scenario", W, [("/colour", "red"), ("/scenarios/non_working", None)], False,
     [(E, "/colour", "type.unknown_field"), (E, "/scenarios/non_working", "scenario.missing")]),
    # header
    ("number +7", W, [("/number", "+74951234567")], False, [(E, "/number", "number.malformed")]),
    ("number 9 digits", W, [("/number", "495123456")], False, [(E, "/number", "number.malformed")]),
    ("empty name", W, [("/name", " ")], False, [(E, "/name", "name.empty")]),
    ("unknown timezone", W, [("/timezone", "Mars/Olympus")], False, [(E, "/timezone", "timezone.unknown")]),
    # intervals
    ("interval id lunch", W, [("/schedule/intervals/2/id", "lunch"), ("/schedule/ranges/3/interval", "lunch"),
                              ("/schedule/ranges/5/interval", "lunch"), ("/scenarios/custom1", DELETE),
                              ("/scenarios/lunch", MSG)], False,
     [(E, "/schedule/intervals/2/id", "interval.unknown_id")]),
    ("duplicate interval id", W, [("/schedule/intervals/-", {"id": "custom1", "name": "Second"})], False,
     [(E, "/schedule/intervals/3/id", "interval.duplicate_id")]),
    ("four extra intervals", W, [("/schedule/intervals/-", {"id": "custom2", "name": "B"}),
                                 ("/schedule/intervals/-", {"id": "custom3", "name": "C"}),
                                 ("/schedule/intervals/-", {"id": "custom4", "name": "D"})], False,
     [(E, "/schedule/intervals/5/id", "interval.unknown_id"), (E, "/schedule/intervals/5", "interval.too_many_extra"),
      (WARN, "/schedule/intervals/3", "interval.unused"), (WARN, "/schedule/intervals/4", "interval.unused"),
      (WARN, "/schedule/intervals/5", "interval.unused")]),
    ("empty interval name", W, [("/schedule/intervals/2/name", "")], False,
     [(E, "/schedule/intervals/2/name", "interval.name_empty")]),
    ("duplicate interval name", W, [("/schedule/intervals/2/name", "Рабочее время")], False,
     [(E, "/schedule/intervals/2/name", "interval.name_duplicate")]),
    ("fixed names are not checked", W, [("/schedule/intervals/0/name", "Working hours")], False, []),
    ("non_working not declared", W, [("/schedule/intervals/1", DELETE)], False,
     [(E, "/schedule/intervals", "interval.missing")]),
    # ranges
    ("bad day", W, [("/schedule/ranges/0/day", "sunday")], False, [(E, "/schedule/ranges/0/day", "range.bad_day")]),
    ("bad hour", W, [("/schedule/ranges/0/start", "25:00")], False,
     [(E, "/schedule/ranges/0/start", "range.bad_time")]),
    ("one-digit hour", W, [("/schedule/ranges/0/start", "3:00")], False,
     [(E, "/schedule/ranges/0/start", "range.bad_time")]),
    ("24:00 start", W, [("/schedule/ranges/1/start", "24:00")], False,
     [(E, "/schedule/ranges/1/start", "range.bad_time")]),
    ("24:01 end", W, [("/schedule/ranges/1/end", "24:01")], False, [(E, "/schedule/ranges/1/end", "range.bad_time")]),
    ("start equals end", W, [("/schedule/ranges/0/start", "04:00")], False,
     [(E, "/schedule/ranges/0", "range.start_not_before_end")]),
    ("across midnight in one range", W, [("/schedule/ranges/4/start", "22:00"), ("/schedule/ranges/4/end", "06:00")],
     False, [(E, "/schedule/ranges/4", "range.start_not_before_end")]),
    ("across midnight as two ranges", W,
     [("/schedule/ranges/-", {"day": "sun", "start": "22:00", "end": "24:00", "interval": "working"}),
      ("/schedule/ranges/-", {"day": "mon", "start": "00:00", "end": "06:00", "interval": "working"})], False, []),
    ("overlap", W, [("/schedule/ranges/2/end", "13:30")], False, [(E, "/schedule/ranges/3", "range.overlap")]),
    ("range names unknown interval", W, [("/schedule/ranges/0/interval", "custom2")], False,
     [(E, "/schedule/ranges/0/interval", "interval.unknown")]),
    ("exception names unknown interval", W, [("/schedule/exceptions/1/ranges/0/interval", "custom3")], False,
     [(E, "/schedule/exceptions/1/ranges/0/interval", "interval.unknown")]),
    ("duplicate exception date", W, [("/schedule/exceptions/-", {"date": "2026-12-31", "ranges": []})], False,
     [(E, "/schedule/exceptions/2/date", "exception.duplicate_date")]),
    ("impossible date", W, [("/schedule/exceptions/0/date", "2027-02-30")], False,
     [(E, "/schedule/exceptions/0/date", "exception.bad_date")]),
    ("exception ranges overlap", W,
     [("/schedule/exceptions/1/ranges/-", {"start": "14:00", "end": "16:00", "interval": "working"})], False,
     [(E, "/schedule/exceptions/1/ranges/1", "range.overlap")]),
    # R5/R14 coverage
    ("working scenario missing", W, [("/scenarios/working", DELETE)], False,
     [(E, "/scenarios/working", "scenario.missing")]),
    ("working scenario null", W, [("/scenarios/working", None)], False,
     [(E, "/scenarios/working", "scenario.missing")]),
    ("lunch scenario missing", W, [("/scenarios/custom1", DELETE)], False,
     [(E, "/scenarios/custom1", "scenario.missing")]),
    ("non_working scenario missing", W, [("/scenarios/non_working", DELETE)], False,
     [(E, "/scenarios/non_working", "scenario.missing")]),
    ("interval only on an exception date", W,
     [("/schedule/intervals/-", {"id": "custom2", "name": "Short day"}),
      ("/schedule/exceptions/1/ranges/-", {"start": "15:00", "end": "16:00", "interval": "custom2"})], False,
     [(E, "/scenarios/custom2", "scenario.missing")]),
    ("scenario for undeclared interval", W, [("/scenarios/custom2", MSG)], False,
     [(E, "/scenarios/custom2", "scenario.undeclared_interval")]),
    ("extra interval never used", W, [("/schedule/intervals/-", {"id": "custom2", "name": "Short day"})], False,
     [(WARN, "/schedule/intervals/3", "interval.unused")]),
    ("week fully covered", W,
     [("/schedule/ranges", [{"day": d, "start": "00:00", "end": "24:00", "interval": "working"}
                            for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]),
      ("/schedule/exceptions", [])], False,
     [(WARN, "/schedule/intervals/2", "interval.unused"), (WARN, "/scenarios/custom1", "scenario.never_occurs"),
      (WARN, "/scenarios/non_working", "scenario.never_occurs")]),
    ("always: non_working scenario unused", M, [("/scenarios/non_working", MSG)], False,
     [(WARN, "/scenarios/non_working", "scenario.never_occurs")]),
    ("always: working scenario still needed", M, [("/scenarios/working", None)], False,
     [(E, "/scenarios/working", "scenario.missing")]),
    ("always: ranges still validated", M, [("/schedule/ranges/0/end", "09:00"),
                                           ("/schedule/ranges/-", {"day": "tue", "start": "10:30", "end": "12:00",
                                                                   "interval": "custom1"})], False,
     [(E, "/schedule/ranges/0", "range.start_not_before_end"), (E, "/schedule/ranges/1/interval", "interval.unknown")]),
    # menus (R7, R14)
    ("no_input missing", M, [(WORKING_MENU + "/no_input", DELETE)], False,
     [(E, WORKING_MENU + "/no_input", "menu.no_input_missing")]),
    ("no_input null", M, [(WORKING_MENU + "/no_input", None)], False,
     [(E, WORKING_MENU + "/no_input", "menu.no_input_missing")]),
    ("key null", M, [(K + "/9", None)], False, [(E, K + "/9", "menu.key_missing_branch")]),
    ("key 10", M, [(K + "/10", MSG)], False, [(E, K + "/10", "menu.bad_key")]),
    ("no key, no dialing", M, [(K + "/0/keys", {})], False, [(E, K + "/0", "menu.no_keys")]),
    ("no key, dialing on", M, [(K + "/0/keys", {}), (K + "/0/extension_dialing", True)], False, []),
    ("menu timeout 31, repeats 0", M, [(WORKING_MENU + "/timeout_s", 31), (WORKING_MENU + "/repeats", 0)], False,
     [(E, WORKING_MENU + "/timeout_s", "menu.bad_timeout"), (E, WORKING_MENU + "/repeats", "menu.bad_repeats")]),
    ("menu timeout/repeats optional", M, [(WORKING_MENU + "/timeout_s", DELETE), (WORKING_MENU + "/repeats", DELETE)],
     False, []),
    ("extension starts with a key", M, [(K + "/5", MSG)], True, [(WARN, K + "/5", "menu.extension_conflict")]),
    # forwards (R8-R10)
    ("external timeout 45", M, [(K + "/2/timeout_s", 45)], False, [(E, K + "/2/timeout_s", "forward.bad_timeout")]),
    ("external number short", M, [(K + "/2/number", "12345")], False,
     [(E, K + "/2/number", "forward.number_malformed")]),
    ("employee timeout 120", M, [(K + "/3/timeout_s", 120)], False, [(E, K + "/3/timeout_s", "forward.bad_timeout")]),
    ("department timeout 10", M, [(K + "/1/timeout_s", 10)], False, [(E, K + "/1/timeout_s", "forward.bad_timeout")]),
    ("step 7", M, [(K + "/1/step_s", 7)], False, [(E, K + "/1/step_s", "department.bad_step")]),
    ("in_turn step null", M, [(K + "/1/step_s", None)], False, [(E, K + "/1/step_s", "department.step_missing")]),
    ("incremental step null", M, [(K + "/*/step_s", None)], False, [(E, K + "/*/step_s", "department.step_missing")]),
    ("all with a step", M, [(K + "/#/step_s", 10)], False, [(WARN, K + "/#/step_s", "department.step_ignored")]),
    # prompts (R6)
    ("empty tts", M, [(WORKING_MENU + "/prompt/tts", "")], False, [(E, WORKING_MENU + "/prompt/tts", "prompt.tts_empty")]),
    ("tts 1000", M, [(WORKING_MENU + "/prompt/tts", "я" * 1000)], False, []),
    ("tts 1001", M, [(WORKING_MENU + "/prompt/tts", "я" * 1001)], False,
     [(E, WORKING_MENU + "/prompt/tts", "prompt.tts_too_long")]),
    ("empty media id", M, [(WORKING_MENU + "/prompt", {"audio": ""})], False,
     [(E, WORKING_MENU + "/prompt/audio", "prompt.audio_empty")]),
    # references: checked only with the directory
    ("unknown employee, no directory", M, [(K + "/3/employee", "e-9")], False, []),
    ("unknown employee", M, [(K + "/3/employee", "e-9")], True, [(E, K + "/3/employee", "employee.unknown")]),
    ("unknown department", M, [(K + "/1/department", "hr")], True, [(E, K + "/1/department", "department.unknown")]),
    ("department without members", M, [(K + "/1/department", "empty")], True,
     [(WARN, K + "/1/department", "department.empty")]),
    ("unknown recipient department", M, [(K + "/3/next/recipients/-", {"department": "hr"})], True,
     [(E, K + "/3/next/recipients/2/department", "department.unknown")]),
    # voicemail / fax (R12)
    ("no recipient, no e-mail", M, [(WORKING_MENU + "/no_input/external_email", None)], False,
     [(E, WORKING_MENU + "/no_input/recipients", "mail.no_recipient")]),
    ("invalid e-mail", M, [(WORKING_MENU + "/no_input/external_email", "office")], False,
     [(E, WORKING_MENU + "/no_input/external_email", "email.invalid")]),
]


def test_base_documents_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    for doc in (WEEKLY, MENU):
        assert _cli(capsys, "validate", doc, "--directory", DIRECTORY) == (0, "", "")


@pytest.mark.parametrize(("case", "base", "changes", "with_directory", "expected"), VALIDATE_CASES,
                         ids=[c[0] for c in VALIDATE_CASES])
def test_validate_case(capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, base: Path,
                       changes: list[tuple[str, Any]], with_directory: bool,
                       expected: list[tuple[str, str, str]]) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_patched(base, *changes), ensure_ascii=False), encoding="utf-8")
    extra = ["--directory", str(DIRECTORY)] if with_directory else []
    code, out, err = _cli(capsys, "validate", path, "--json", *extra)
    found = sorted((p["severity"], p["pointer"], p["code"]) for p in json.loads(out))
    assert found == sorted(expected)
    assert code == (1 if any(sev == E for sev, _p, _c in expected) else 0)
    assert err == ""


# --- simulate: SPEC §6, §7 --------------------------------------------------------------------------------
def play(prompt: dict[str, Any], node: str) -> dict[str, Any]:
    return {"kind": "play", "prompt": prompt, "node": node}


def menu(value: str, node: str = WORKING_MENU) -> dict[str, Any]:
    return {"kind": "menu", "input": value, "node": node}


def ring(target: str, from_s: int, to_s: int, node: str) -> dict[str, Any]:
    return {"kind": "ring", "target": target, "from_s": from_s, "to_s": to_s, "node": node}


def record(medium: str, node: str) -> list[dict[str, Any]]:
    """The system greeting (no greeting set) and taking the message."""
    return [play({"system": medium}, node), {"kind": "record", "medium": medium, "node": node}]


def simulate(capsys: pytest.CaptureFixture[str], doc: Path, *args: str) -> dict[str, Any]:
    code, out, err = _cli(capsys, "simulate", doc, *args)
    assert (code, err) == (0, ""), err
    assert out.count("\n") == 1
    result: dict[str, Any] = json.loads(out)
    return result


HELLO = play({"tts": "Hello", "voice": "en"}, "/scenarios/working")
LUNCH = play({"tts": "Lunch", "voice": "ru"}, "/scenarios/custom1")
NIGHT = {"interval": "non_working", "outcome": {"kind": "voicemail", "emails": ["night@x.ru"]},
         "steps": record("voicemail", "/scenarios/non_working")}
WORK = {"interval": "working", "outcome": {"kind": "hangup"}, "steps": [HELLO]}
LUNCHTIME = {"interval": "custom1", "outcome": {"kind": "hangup"}, "steps": [LUNCH]}

SCHEDULE_CASES = [
    ("2026-12-28T13:30", LUNCHTIME),          # Monday lunch
    ("2026-12-28T12:59:59", WORK),            # the minute picks the interval
    ("2026-12-28T23:59", WORK),               # 14:00-24:00
    ("2026-12-29T00:00", NIGHT),              # Tuesday: no ranges -> non_working
    ("2026-12-31T14:59", WORK),               # exception date replaces Thursday
    ("2026-12-31T15:00", NIGHT),              # [start, end)
    ("2026-12-31T08:00Z", WORK),              # Z converted: 09:00 in Berlin
    ("2026-12-31T09:00+03:00", NIGHT),        # 07:00 in Berlin
    ("2027-01-01T10:00", NIGHT),              # exception with no ranges: the whole Friday is non-working
    ("2027-01-08T10:00", WORK),               # an ordinary Friday
    ("2026-03-29T02:30", WORK),               # DST gap: fold=0 -> 01:30 UTC -> 03:30 local
    ("2026-03-29T02:30+01:00", WORK),         # the same instant with an offset
    ("2026-03-29T00:30Z", NIGHT),             # 01:30 CET
    ("2026-10-25T02:30", LUNCHTIME),          # DST fold: the wall clock 02:30 either way
    ("2026-10-25T01:30Z", LUNCHTIME),         # the second 02:30 (CET)
    ("2026-10-25T02:30Z", WORK),              # 03:30 CET
]


def test_schedule_picks_the_interval(capsys: pytest.CaptureFixture[str]) -> None:
    for at, expected in SCHEDULE_CASES:
        assert simulate(capsys, WEEKLY, "--at", at) == expected, at


def test_always_mode_ignores_ranges_and_exceptions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Tuesday 10:30 has a non_working range and 2026-12-29 an exception: both unused in `always` mode
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_patched(MENU, ("/schedule/exceptions/-", {"date": "2026-12-29", "ranges": []}))),
                    encoding="utf-8")
    assert _cli(capsys, "validate", path) == (0, "", "")
    result = simulate(capsys, path, "--at", "2026-12-29T10:30", "--input", "none")
    assert result["interval"] == "working"


CHOOSE = play({"tts": "Choose", "voice": "ru"}, WORKING_MENU)
NO_INPUT = "/scenarios/working/no_input"
OFFICE = {"kind": "voicemail", "emails": ["office@x.ru"]}
SALES_MAIL = {"kind": "voicemail", "emails": ["a@x.ru", "b@x.ru", "c@x.ru"]}
K1, K2, K3, KS, KH = K + "/1", K + "/2", K + "/3", K + "/*", K + "/#"
LEAVE = [play({"tts": "Leave a message", "voice": "ru"}, K1 + "/next"),
         {"kind": "record", "medium": "voicemail", "node": K1 + "/next"}]

MENU_CASES: list[tuple[list[str], dict[str, Any], list[dict[str, Any]]]] = [
    ([], OFFICE, [CHOOSE, menu("none"), *record("voicemail", NO_INPUT)]),
    # a wrong key replays the prompt; `repeats` (2) counts plays in all, then no_input
    (["--input", "9", "--input", "9"], OFFICE,
     [CHOOSE, menu("9"), CHOOSE, menu("9"), *record("voicemail", NO_INPUT)]),
    # inputs run out: the replayed menu gets no input
    (["--input", "9"], OFFICE, [CHOOSE, menu("9"), CHOOSE, menu("none"), *record("voicemail", NO_INPUT)]),
    # digits that are no extension are a wrong input too, read as the PBX reads them: "59" (502 exists)
    # is one wrong input; "999" (nothing starts with 9) is a wrong input at the first 9, the next 9 is
    # the input of the replay
    (["--input", "59", "--input", "none"], OFFICE,
     [CHOOSE, menu("59"), CHOOSE, menu("none"), *record("voicemail", NO_INPUT)]),
    (["--input", "999"], OFFICE, [CHOOSE, menu("9"), CHOOSE, menu("9"), *record("voicemail", NO_INPUT)]),
    # in_turn 10/60 over 3 members, cycling; voicemail e-mails deduplicated and sorted
    (["--input", "9", "--input", "1"], SALES_MAIL,
     [CHOOSE, menu("9"), CHOOSE, menu("1"), ring("e-1", 0, 10, K1), ring("e-2", 10, 20, K1),
      ring("e-3", 20, 30, K1), ring("e-1", 30, 40, K1), ring("e-2", 40, 50, K1), ring("e-3", 50, 60, K1), *LEAVE]),
    # one free member: one window
    (["--input", "1", "--busy", "e-2", "--busy", "e-3"], SALES_MAIL,
     [CHOOSE, menu("1"), ring("e-1", 0, 60, K1), *LEAVE]),
    # no free member: straight to next
    (["--input", "1", "--busy", "e-1", "--busy", "e-2", "--busy", "e-3"], SALES_MAIL, [CHOOSE, menu("1"), *LEAVE]),
    # answers 5 s into its own window; later windows are not rung
    (["--input", "1", "--answer", "e-2@5"], {"kind": "connected", "employee": "e-2"},
     [CHOOSE, menu("1"), ring("e-1", 0, 10, K1), ring("e-2", 10, 15, K1)]),
    # @10 is not strictly before the end of a 10 s window: nobody answers
    (["--input", "1", "--answer", "e-2@10"], SALES_MAIL,
     [CHOOSE, menu("1"), ring("e-1", 0, 10, K1), ring("e-2", 10, 20, K1), ring("e-3", 20, 30, K1),
      ring("e-1", 30, 40, K1), ring("e-2", 40, 50, K1), ring("e-3", 50, 60, K1), *LEAVE]),
    # all at once; the others stop ringing when one picks up
    (["--input", "#", "--answer", "e-3@7"], {"kind": "connected", "employee": "e-3"},
     [CHOOSE, menu("#"), ring("e-1", 0, 7, KH), ring("e-2", 0, 7, KH), ring("e-3", 0, 7, KH)]),
    (["--input", "#"], {"kind": "hangup"},
     [CHOOSE, menu("#"), ring("e-1", 0, 30, KH), ring("e-2", 0, 30, KH), ring("e-3", 0, 30, KH)]),
    # incremental 10/30
    (["--input", "*"], {"kind": "hangup"},
     [CHOOSE, menu("*"), ring("e-1", 0, 30, KS), ring("e-2", 10, 30, KS), ring("e-3", 20, 30, KS)]),
    (["--input", "*", "--answer", "e-1@15"], {"kind": "connected", "employee": "e-1"},
     [CHOOSE, menu("*"), ring("e-1", 0, 15, KS), ring("e-2", 10, 15, KS)]),
    (["--input", "*", "--answer", "e-3@5"], {"kind": "connected", "employee": "e-3"},
     [CHOOSE, menu("*"), ring("e-1", 0, 25, KS), ring("e-2", 10, 25, KS), ring("e-3", 20, 25, KS)]),
    # external: announcement first, ring times from the start of ringing; any spelling of the number
    (["--input", "2", "--answer", "external:+7 (495) 111-22-33@3"], {"kind": "connected", "external": "4951112233"},
     [CHOOSE, menu("2"), play({"tts": "Connecting", "voice": "ru"}, K2), ring("4951112233", 0, 3, K2)]),
    (["--input", "2", "--answer", "e-1"], {"kind": "hangup"},
     [CHOOSE, menu("2"), play({"tts": "Connecting", "voice": "ru"}, K2), ring("4951112233", 0, 20, K2)]),
    # busy employee is not rung; fax to an employee and a department
    (["--input", "3", "--busy", "e-2"], {"kind": "fax", "emails": ["a@x.ru", "d@x.ru"]},
     [CHOOSE, menu("3"), *record("fax", K3 + "/next")]),
    (["--input", "3", "--answer", "e-2@19"], {"kind": "connected", "employee": "e-2"},
     [CHOOSE, menu("3"), ring("e-2", 0, 19, K3)]),
    # extension dialing: ring 30 s, unanswered -> no_input; busy -> not rung
    (["--input", "502"], OFFICE, [CHOOSE, menu("502"), ring("e-2", 0, 30, WORKING_MENU),
                                  *record("voicemail", NO_INPUT)]),
    (["--input", "502", "--answer", "e-2@29"], {"kind": "connected", "employee": "e-2"},
     [CHOOSE, menu("502"), ring("e-2", 0, 29, WORKING_MENU)]),
    (["--input", "502", "--busy", "e-2"], OFFICE, [CHOOSE, menu("502"), *record("voicemail", NO_INPUT)]),
    # a nested menu (extension dialing off) takes the next inputs
    (["--input", "0", "--input", "7", "--input", "5"], {"kind": "hangup"},
     [CHOOSE, menu("0"), play({"tts": "Sub menu", "voice": "ru"}, K + "/0"), menu("7", K + "/0"),
      play({"tts": "Sub menu", "voice": "ru"}, K + "/0"), menu("5", K + "/0"),
      play({"tts": "Five", "voice": "ru"}, K + "/0/keys/5")]),
]


def test_menu_and_forwards(capsys: pytest.CaptureFixture[str]) -> None:
    for args, outcome, steps in MENU_CASES:
        result = simulate(capsys, MENU, "--at", "2026-06-01T12:00", "--directory", str(DIRECTORY), *args)
        assert result == {"interval": "working", "outcome": outcome, "steps": steps}, args


def test_in_turn_last_window_is_cut_and_incremental_stops_at_timeout(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_patched(MENU, (K1 + "/step_s", 25), (K + "/*/step_s", 15),
                                        (K + "/*/timeout_s", 15))), encoding="utf-8")
    base = ["--at", "2026-06-01T12:00", "--directory", str(DIRECTORY)]
    steps = simulate(capsys, path, *base, "--input", "1", "--busy", "e-3")["steps"]
    assert [s for s in steps if s["kind"] == "ring"] == [ring("e-1", 0, 25, K1), ring("e-2", 25, 50, K1),
                                                         ring("e-1", 50, 60, K1)]
    steps = simulate(capsys, path, *base, "--input", "*")["steps"]
    assert [s for s in steps if s["kind"] == "ring"] == [ring("e-1", 0, 15, KS)]


def test_needs_directory_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for value in ("502", "1", "#"):  # extension dialing, department forwards
        code, out, err = _cli(capsys, "simulate", MENU, "--at", "2026-06-01T12:00", "--input", value)
        assert (code, out, err.count("\n")) == (2, "", 1), value
    # voicemail with only an external e-mail and an external forward need no directory
    assert simulate(capsys, MENU, "--at", "2026-06-01T12:00")["outcome"] == OFFICE
    assert simulate(capsys, MENU, "--at", "2026-06-01T12:00", "--input", "2")["outcome"] == {"kind": "hangup"}


@pytest.mark.parametrize("args", [
    ["--at", "yesterday"], ["--at", "2026-13-01T10:00"], ["--at", "2026-06-01T12:00", "--answer", "e-1@soon"],
    ["--at", "2026-06-01T12:00", "--answer", "e-1@-1"], ["--at", "2026-06-01T12:00", "--input", "abc"], [],
])
def test_bad_arguments_exit_2_one_line(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = _cli(capsys, "simulate", MENU, *args)
    assert (code, out, err.count("\n")) == (2, "", 1)


def test_simulate_document_with_errors_prints_validate_output(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_patched(MENU, ("/name", ""), (K + "/#/step_s", 10))), encoding="utf-8")
    expected = _cli(capsys, "validate", path)
    assert expected[0] == 1 and "ERROR /name name.empty: " in expected[1]
    assert _cli(capsys, "simulate", path, "--at", "2026-06-01T12:00") == expected


# --- canonical form: SPEC §4 ------------------------------------------------------------------------------
def test_canonical_writer(tmp_path: Path) -> None:
    from pbxdesk.domain.document import dumps, load_path, loads

    text = dumps(load_path(str(WEEKLY)).document)  # type: ignore[arg-type]
    data = json.loads(text)
    assert list(data) == ["format", "number", "name", "timezone", "schedule", "scenarios"]
    assert list(data["schedule"]) == ["mode", "intervals", "ranges", "exceptions"]
    assert [(r["day"], r["start"]) for r in data["schedule"]["ranges"]] == [
        ("mon", "09:00"), ("mon", "13:00"), ("mon", "14:00"), ("fri", "09:00"), ("sun", "02:00"), ("sun", "03:00")]
    assert [e["date"] for e in data["schedule"]["exceptions"]] == ["2026-12-31", "2027-01-01"]
    assert list(data["scenarios"]) == ["custom1", "working", "non_working"]  # map order kept as loaded
    assert list(data["scenarios"]["custom1"]) == ["type", "prompt", "next"]
    assert data["scenarios"]["custom1"]["prompt"] == {"tts": "Lunch", "voice": "ru"}  # default written out
    assert text.startswith('{\n  "format": "pbxdesk.routing/1",\n') and "Рабочее время" in text
    assert dumps(loads(text.encode("utf-8")).document) == text  # type: ignore[arg-type]
    menu_text = dumps(load_path(str(MENU)).document)  # type: ignore[arg-type]
    node = json.loads(menu_text)["scenarios"]["working"]
    assert list(node) == ["type", "prompt", "keys", "no_input", "extension_dialing", "timeout_s", "repeats"]
    assert list(node["keys"]) == ["1", "2", "3", "#", "*", "0"]
    assert (node["keys"]["0"]["timeout_s"], node["keys"]["0"]["repeats"]) == (5, 3)
    assert list(node["keys"]["1"]) == ["type", "department", "distribution", "step_s", "timeout_s",
                                       "announcement", "next"]


# --- real subprocesses: exit codes, one-line stderr, UTF-8 ------------------------------------------------
def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PBXDESK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "pbxdesk", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)


def test_subprocess_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": ', encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text("[]", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(_patched(WEEKLY, ("/scenarios/custom1", DELETE))), encoding="utf-8")
    for args in (["validate", bad], ["validate", array], ["validate", tmp_path / "none.json"],
                 ["validate", WEEKLY, "--directory", array], ["simulate", array, "--at", "2026-06-01T12:00"],
                 ["export", bad, "--to", "asterisk"], ["export", WEEKLY, "--to", "nowhere"],
                 ["export", MENU, "--to", "asterisk"]):  # the last needs the directory
        done = _run(*args)
        assert (done.returncode, done.stdout, done.stderr.count("\n")) == (2, "", 1), args
        assert "Traceback" not in done.stderr
    done = _run("validate", broken, "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == [{"severity": "error", "pointer": "/scenarios/custom1",
                                        "code": "scenario.missing", "message": "The interval 'Обед' has no scenario"}]
    done = _run("export", broken, "--to", "asterisk")
    assert done.returncode == 1 and "/scenarios/custom1 scenario.missing" in done.stdout
    done = _run("export", MENU, "--to", "asterisk", "--directory", DIRECTORY)
    assert (done.returncode, done.stderr) == (0, "") and done.stdout
    done = _run("simulate", WEEKLY, "--at", "2026-10-25T01:30Z")
    assert done.returncode == 0 and json.loads(done.stdout) == LUNCHTIME


def test_utf8_byte_order_mark_is_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + WEEKLY.read_bytes())
    assert _cli(capsys, "validate", path) == (0, "", "")
    assert simulate(capsys, path, "--at", "2026-12-28T13:30") == LUNCHTIME


def test_export_refuses_json_that_is_not_an_object_like_validate_and_simulate(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "array.json"
    path.write_text("[1, 2]", encoding="utf-8")
    for args in (["validate", str(path)], ["simulate", str(path), "--at", "2026-12-01T10:00"],
                 ["export", str(path), "--to", "asterisk"]):
        done = subprocess.run([sys.executable, "-m", "pbxdesk", *args], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, args
        assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1
        assert "expected a JSON object" in done.stderr
