"""One document per validation code (SPEC §5): each mutation of the SPEC §4 example must be reported with
that code, at that JSON Pointer, with that severity — and the catalogue has a case for every code."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pbxdesk.domain.document import load_directory
from pbxdesk.domain.messages import CATALOG
from pbxdesk.domain.validation import validate_data

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE: dict[str, Any] = json.loads((DATA / "spec_example.json").read_text(encoding="utf-8"))
DIRECTORY = load_directory((DATA / "directory.json").read_bytes())
MEDIA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

Doc = dict[str, Any]


def _menu(d: Doc) -> Doc:
    menu: Doc = d["scenarios"]["working"]
    return menu


def _dep(d: Doc) -> Doc:
    dep: Doc = _menu(d)["keys"]["1"]
    return dep


def _mail(d: Doc) -> Doc:
    mail: Doc = d["scenarios"]["non_working"]
    return mail


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def mutate(d: Doc) -> None:
        *parents, last = path.strip("/").split("/")
        target: Any = d
        for token in parents:
            target = target[int(token)] if isinstance(target, list) else target[token]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return mutate


def _add_range(day: str, start: str, end: str, interval: str) -> Callable[[Doc], None]:
    def mutate(d: Doc) -> None:
        d["schedule"]["ranges"].append({"day": day, "start": start, "end": end, "interval": interval})
    return mutate


def _always_mode(d: Doc) -> None:
    d["schedule"]["mode"] = "always"


def _full_week(d: Doc) -> None:
    d["schedule"]["ranges"] = [{"day": day, "start": "00:00", "end": "24:00", "interval": "working"}
                               for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    d["schedule"]["exceptions"] = []
    d["schedule"]["intervals"] = d["schedule"]["intervals"][:2]
    del d["scenarios"]["custom1"]


def _combine(*fns: Callable[[Doc], None]) -> Callable[[Doc], None]:
    def mutate(d: Doc) -> None:
        for fn in fns:
            fn(d)
    return mutate


def _drop_interval(index: int) -> Callable[[Doc], None]:
    def mutate(d: Doc) -> None:
        del d["schedule"]["intervals"][index]
    return mutate


def _extra_intervals(d: Doc) -> None:
    d["schedule"]["intervals"] += [{"id": "custom2", "name": "B"}, {"id": "custom3", "name": "C"},
                                   {"id": "custom1", "name": "D"}]


def _exception(date: str, ranges: list[Doc]) -> Callable[[Doc], None]:
    def mutate(d: Doc) -> None:
        d["schedule"]["exceptions"].append({"date": date, "ranges": ranges})
    return mutate


def _deep_chain(length: int) -> Callable[[Doc], None]:
    """custom1's scenario: a chain of ``length`` messages (197 puts the last prompt's text at JSON level 201)."""
    def mutate(d: Doc) -> None:
        node = None
        for _ in range(length):
            node = {"type": "message", "prompt": {"tts": "Алло"}, "next": node}
        d["scenarios"]["custom1"] = node
    return mutate


# (case id, mutation, expected (severity, pointer, code), use the directory, known media)
CASES: list[tuple[str, Callable[[Doc], None], tuple[str, str, str], bool, set[str] | None]] = [
    ("unknown field", _set("/colour", "red"), ("error", "/colour", "type.unknown_field"), False, None),
    ("missing field", lambda d: d.pop("name"), ("error", "/name", "type.missing"), False, None),
    ("wrong type", _set("/schedule/ranges/0/start", 900),
     ("error", "/schedule/ranges/0/start", "type.invalid"), False, None),
    ("unknown node", _set("/scenarios/custom1/type", "dance"),
     ("error", "/scenarios/custom1", "node.unknown_type"), False, None),
    ("format", _set("/format", "pbxdesk.routing/2"), ("error", "/format", "format.unsupported"), False, None),
    ("number", _set("/number", "+74952302222"), ("error", "/number", "number.malformed"), False, None),
    ("name", _set("/name", " \u00a0 "), ("error", "/name", "name.empty"), False, None),
    ("name line break", _set("/name", "Главный\n2026-01-01 INFO forged"), ("error", "/name", "text.forbidden_char"),
     False, None),
    ("name too long", _set("/name", "я" * 201), ("error", "/name", "text.too_long"), False, None),
    ("too deep", _deep_chain(197), ("error", "/scenarios/custom1" + "/next" * 196 + "/prompt/tts",
                                    "document.too_deep"), False, None),
    ("timezone", _set("/timezone", "Mars/Olympus"), ("error", "/timezone", "timezone.unknown"), False, None),
    ("timezone directory", _set("/timezone", "Europe"), ("error", "/timezone", "timezone.unknown"), False, None),
    ("interval id", _set("/schedule/intervals/2/id", "lunch"),
     ("error", "/schedule/intervals/2/id", "interval.unknown_id"), False, None),
    ("interval dup", _set("/schedule/intervals/2/id", "working"),
     ("error", "/schedule/intervals/2/id", "interval.duplicate_id"), False, None),
    ("too many extra", _extra_intervals, ("error", "/schedule/intervals/5", "interval.too_many_extra"), False, None),
    ("interval name empty", _set("/schedule/intervals/2/name", " "),
     ("error", "/schedule/intervals/2/name", "interval.name_empty"), False, None),
    ("interval name dup", _set("/schedule/intervals/2/name", "Рабочее время"),
     ("error", "/schedule/intervals/2/name", "interval.name_duplicate"), False, None),
    ("interval missing", _drop_interval(1), ("error", "/schedule/intervals", "interval.missing"), False, None),
    ("range names unknown", _set("/schedule/ranges/1/interval", "custom2"),
     ("error", "/schedule/ranges/1/interval", "interval.unknown"), False, None),
    ("exception names unknown", _set("/schedule/exceptions/0/ranges/0/interval", "custom3"),
     ("error", "/schedule/exceptions/0/ranges/0/interval", "interval.unknown"), False, None),
    ("interval unused", _combine(_set("/schedule/ranges/1/interval", "working")),
     ("warning", "/schedule/intervals/2", "interval.unused"), False, None),
    ("bad day", _set("/schedule/ranges/0/day", "monday"), ("error", "/schedule/ranges/0/day", "range.bad_day"),
     False, None),
    ("bad time", _set("/schedule/ranges/0/start", "9:00"), ("error", "/schedule/ranges/0/start", "range.bad_time"),
     False, None),
    ("24:00 as start", _set("/schedule/ranges/2/start", "24:00"),
     ("error", "/schedule/ranges/2/start", "range.bad_time"), False, None),
    ("24:30", _set("/schedule/ranges/2/end", "24:30"), ("error", "/schedule/ranges/2/end", "range.bad_time"),
     False, None),
    ("start >= end", _set("/schedule/ranges/2/end", "14:00"),
     ("error", "/schedule/ranges/2", "range.start_not_before_end"), False, None),
    ("overlap", _add_range("mon", "17:00", "19:00", "custom1"), ("error", "/schedule/ranges/3", "range.overlap"),
     False, None),
    ("overlap in exception", _exception("2027-01-02", [
        {"start": "09:00", "end": "12:00", "interval": "working"},
        {"start": "11:00", "end": "13:00", "interval": "custom1"}]),
     ("error", "/schedule/exceptions/1/ranges/1", "range.overlap"), False, None),
    ("bad date", _set("/schedule/exceptions/0/date", "2026-02-30"),
     ("error", "/schedule/exceptions/0/date", "exception.bad_date"), False, None),
    ("duplicate date", _exception("2026-12-31", []),
     ("error", "/schedule/exceptions/1/date", "exception.duplicate_date"), False, None),
    ("scenario missing", lambda d: d["scenarios"].pop("custom1"),
     ("error", "/scenarios/custom1", "scenario.missing"), False, None),
    ("scenario null", _set("/scenarios/non_working", None),
     ("error", "/scenarios/non_working", "scenario.missing"), False, None),
    ("scenario undeclared", _set("/scenarios/custom2", {"type": "fax", "greeting": None, "recipients": [],
                                                       "external_email": "fax@example.ru"}),
     ("error", "/scenarios/custom2", "scenario.undeclared_interval"), False, None),
    ("never occurs", _always_mode, ("warning", "/scenarios/non_working", "scenario.never_occurs"), False, None),
    ("key branch", _set("/scenarios/working/keys/2", None),
     ("error", "/scenarios/working/keys/2", "menu.key_missing_branch"), False, None),
    ("no_input null", _set("/scenarios/working/no_input", None),
     ("error", "/scenarios/working/no_input", "menu.no_input_missing"), False, None),
    ("no_input absent", lambda d: _menu(d).pop("no_input"),
     ("error", "/scenarios/working/no_input", "menu.no_input_missing"), False, None),
    ("bad key", lambda d: _menu(d)["keys"].update({"a/b": copy.deepcopy(_menu(d)["no_input"])}),
     ("error", "/scenarios/working/keys/a~1b", "menu.bad_key"), False, None),
    ("no keys", _combine(_set("/scenarios/working/keys", {}), _set("/scenarios/working/extension_dialing", False)),
     ("error", "/scenarios/working", "menu.no_keys"), False, None),
    ("menu timeout", _set("/scenarios/working/timeout_s", 31),
     ("error", "/scenarios/working/timeout_s", "menu.bad_timeout"), False, None),
    ("menu repeats", _set("/scenarios/working/repeats", 0),
     ("error", "/scenarios/working/repeats", "menu.bad_repeats"), False, None),
    ("extension conflict", lambda d: None,
     ("warning", "/scenarios/working/keys/1", "menu.extension_conflict"), True, None),
    ("employee timeout", _set("/scenarios/working/no_input/timeout_s", 25),
     ("error", "/scenarios/working/no_input/timeout_s", "forward.bad_timeout"), False, None),
    ("department timeout", _set("/scenarios/working/keys/1/timeout_s", 10),
     ("error", "/scenarios/working/keys/1/timeout_s", "forward.bad_timeout"), False, None),
    ("external timeout", _set("/scenarios/working/no_input", {
        "type": "forward_external", "number": "4951234567", "timeout_s": 45, "announcement": None, "next": None}),
     ("error", "/scenarios/working/no_input/timeout_s", "forward.bad_timeout"), False, None),
    ("external number", _set("/scenarios/working/no_input", {
        "type": "forward_external", "number": "495123456", "timeout_s": 30, "announcement": None, "next": None}),
     ("error", "/scenarios/working/no_input/number", "forward.number_malformed"), False, None),
    ("step missing", _set("/scenarios/working/keys/1/step_s", None),
     ("error", "/scenarios/working/keys/1/step_s", "department.step_missing"), False, None),
    ("bad step", _set("/scenarios/working/keys/1/step_s", 7),
     ("error", "/scenarios/working/keys/1/step_s", "department.bad_step"), False, None),
    ("step for all", _set("/scenarios/working/keys/1/distribution", "all"),
     ("warning", "/scenarios/working/keys/1/step_s", "department.step_ignored"), False, None),
    ("employee missing", _set("/scenarios/working/no_input/employee", ""),
     ("error", "/scenarios/working/no_input/employee", "employee.missing"), False, None),
    ("employee unknown", _set("/scenarios/working/no_input/employee", "e-999"),
     ("error", "/scenarios/working/no_input/employee", "employee.unknown"), True, None),
    ("department missing", _set("/scenarios/working/keys/1/department", " "),
     ("error", "/scenarios/working/keys/1/department", "department.missing"), False, None),
    ("department unknown", _set("/scenarios/non_working/recipients", [{"department": "hr"}]),
     ("error", "/scenarios/non_working/recipients/0/department", "department.unknown"), True, None),
    ("department empty", _set("/scenarios/working/keys/1/department", "empty"),
     ("warning", "/scenarios/working/keys/1/department", "department.empty"), True, None),
    ("tts empty", _set("/scenarios/working/prompt/tts", "   "),
     ("error", "/scenarios/working/prompt/tts", "prompt.tts_empty"), False, None),
    ("tts long", _set("/scenarios/non_working/greeting/tts", "а" * 1001),
     ("error", "/scenarios/non_working/greeting/tts", "prompt.tts_too_long"), False, None),
    ("audio empty", _set("/scenarios/custom1/prompt/audio", ""),
     ("error", "/scenarios/custom1/prompt/audio", "prompt.audio_empty"), False, None),
    ("audio malformed", _set("/scenarios/custom1/prompt/audio", MEDIA.upper()),
     ("error", "/scenarios/custom1/prompt/audio", "prompt.audio_malformed"), False, None),
    ("media unknown", lambda d: None, ("error", "/scenarios/custom1/prompt/audio", "media.unknown"), False,
     {"0" * 64}),
    ("no recipient", _combine(_set("/scenarios/non_working/recipients", []),
                              _set("/scenarios/non_working/external_email", None)),
     ("error", "/scenarios/non_working/recipients", "mail.no_recipient"), False, None),
    ("duplicate recipient", _set("/scenarios/non_working/recipients", [{"employee": "e-101"}, {"employee": "e-101"}]),
     ("warning", "/scenarios/non_working/recipients/1", "mail.duplicate_recipient"), False, None),
    ("email", _set("/scenarios/non_working/external_email", "office@example"),
     ("error", "/scenarios/non_working/external_email", "email.invalid"), False, None),
    ("email the dialplan cannot use", _set("/scenarios/non_working/external_email", " office@example.ru"),
     ("error", "/scenarios/non_working/external_email", "email.invalid"), False, None),
    ("interval name control", _set("/schedule/intervals/2/name", "Обед\u202e"),
     ("error", "/schedule/intervals/2/name", "text.forbidden_char"), False, None),
    ("interval name long", _set("/schedule/intervals/2/name", "О" * 61),
     ("error", "/schedule/intervals/2/name", "text.too_long"), False, None),
    ("tts NUL", _set("/scenarios/working/prompt/tts", "Нажмите\x001"),
     ("error", "/scenarios/working/prompt/tts", "text.forbidden_char"), False, None),
    ("employee id NUL", _set("/scenarios/working/no_input/employee", "e-101\x00"),
     ("error", "/scenarios/working/no_input/employee", "text.forbidden_char"), False, None),
    ("department id too long", _set("/scenarios/working/keys/1/department", "d" * 101),
     ("error", "/scenarios/working/keys/1/department", "text.too_long"), False, None),
    ("recipient id surrogate", _set("/scenarios/non_working/recipients", [{"employee": "e-\ud800"}]),
     ("error", "/scenarios/non_working/recipients/0/employee", "text.forbidden_char"), False, None),
]


@pytest.mark.parametrize("mutate, expected, with_directory, media", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_code_is_reported_at_its_pointer(mutate: Callable[[Doc], None], expected: tuple[str, str, str],
                                              with_directory: bool, media: set[str] | None) -> None:
    data = copy.deepcopy(EXAMPLE)
    mutate(data)
    problems = validate_data(data, DIRECTORY if with_directory else None, media)
    found = [(p.severity, p.pointer, p.code) for p in problems]
    assert expected in found
    problem = next(p for p in problems if (p.severity, p.pointer, p.code) == expected)
    assert problem.message_en and problem.message_ru and "{" not in problem.message_en + problem.message_ru


def test_every_catalogue_code_has_a_case() -> None:
    from tests.domain.test_directory_check import DIRECTORY_CASES

    covered = {c[2][2] for c in CASES} | {c[2][1] for c in DIRECTORY_CASES} | {"number.mismatch"} \
        | {"employee.no_extension", "employee.no_email"}
    assert covered == set(CATALOG)


def test_a_document_saved_to_another_number_is_a_mismatch_reported_first() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["name"] = ""
    problems = validate_data(data, None, None, number="4950000000")
    assert [(p.pointer, p.code) for p in problems[:2]] == [("/number", "number.mismatch"), ("/name", "name.empty")]
    assert "4952302222" in problems[0].message_en and "4950000000" in problems[0].message_ru
    assert validate_data(copy.deepcopy(EXAMPLE), None, None, number="4952302222") == []


def test_one_message_less_than_the_limit_is_accepted() -> None:
    data = copy.deepcopy(EXAMPLE)
    _deep_chain(196)(data)
    assert [p for p in validate_data(data) if p.is_error] == []


def test_the_unmodified_example_has_none_of_these_problems() -> None:
    assert validate_data(copy.deepcopy(EXAMPLE)) == []
    assert validate_data(copy.deepcopy(EXAMPLE), None, {MEDIA}) == []


def test_an_employee_without_the_extension_or_e_mail_a_node_needs_is_a_warning() -> None:
    """The directory is the company's: an employee may have no extension (the forward rings nobody, the
    call moves on) or no e-mail (the voicemail mails the others); the routing is not wrong, but it no
    longer does what it says."""
    data = copy.deepcopy(EXAMPLE)
    data["scenarios"]["non_working"]["recipients"] = [{"employee": "e-103"}]
    staff = DIRECTORY.model_copy(deep=True)
    staff.employees[0].extension = None  # e-101, forwarded to at /scenarios/working/no_input
    staff.employees[2].email = ""
    found = [(p.severity, p.pointer, p.code, p.message_en) for p in validate_data(data, staff)
             if p.code.startswith("employee.")]
    assert found == [
        ("warning", "/scenarios/working/no_input/employee", "employee.no_extension",
         "The employee 'Анна Петрова' has no extension: the call moves on at once"),
        ("warning", "/scenarios/non_working/recipients/0/employee", "employee.no_email",
         "The employee 'Вера Козлова' has no e-mail address: no message reaches them")]
    assert not [p for p in validate_data(data, DIRECTORY) if p.code.startswith("employee.")]
