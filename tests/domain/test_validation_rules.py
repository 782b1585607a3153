"""Validation rules beyond "one code per case": R5/R14 coverage of intervals, menu branches named in the
message, what counts as occurring, ordering, best effort on broken structure, messages in both languages."""

from __future__ import annotations

import copy
import json
import re
import string
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from pbxdesk.domain.document import parse_document
from pbxdesk.domain.lang import cli_language
from pbxdesk.domain.messages import CATALOG, MEANING, markdown
from pbxdesk.domain.messages import main as messages_main
from pbxdesk.domain.validation import validate_data, validate_document

from .strategies import documents_with_directory

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE: dict[str, Any] = json.loads((ROOT / "tests/data/spec_example.json").read_text(encoding="utf-8"))
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _example() -> dict[str, Any]:
    return copy.deepcopy(EXAMPLE)


def _codes(data: dict[str, Any], directory: Any = None) -> list[tuple[str, str, str]]:
    return [(p.severity, p.pointer, p.code) for p in validate_data(data, directory)]


def test_spec_example_has_no_errors_with_the_directory(spec_example, directory) -> None:
    problems = validate_document(spec_example, directory)
    assert [p for p in problems if p.is_error] == []
    # Extensions 101-103 start with the enabled key 1 (SPEC §5 warning), nothing else.
    assert [(p.severity, p.pointer, p.code) for p in problems] == [
        ("warning", "/scenarios/working/keys/1", "menu.extension_conflict")]
    assert "101, 102, 103" in problems[0].message_en


def test_r14_every_missing_branch_is_named() -> None:
    data = _example()
    menu = data["scenarios"]["working"]
    menu["keys"].update({"2": None, "#": None})
    menu["no_input"] = None
    del data["scenarios"]["custom1"]
    problems = [p for p in validate_data(data) if p.is_error]
    assert [(p.pointer, p.code) for p in problems] == [
        ("/scenarios/working/keys/2", "menu.key_missing_branch"),
        ("/scenarios/working/keys/#", "menu.key_missing_branch"),
        ("/scenarios/working/no_input", "menu.no_input_missing"),
        ("/scenarios/custom1", "scenario.missing"),
    ]
    assert "2" in problems[0].message_en and "#" in problems[1].message_ru
    assert "Nothing pressed" in problems[2].message_en and "Ничего не выбрано" in problems[2].message_ru
    assert "Обед" in problems[3].message_ru and "Обед" in problems[3].message_en


def test_always_mode_needs_only_working() -> None:
    data = _example()
    data["schedule"]["mode"] = "always"
    found = _codes(data)
    assert ("warning", "/scenarios/non_working", "scenario.never_occurs") in found
    assert ("warning", "/scenarios/custom1", "scenario.never_occurs") in found
    assert ("warning", "/schedule/intervals/2", "interval.unused") in found
    assert not [f for f in found if f[0] == "error"]
    del data["scenarios"]["working"]
    assert ("error", "/scenarios/working", "scenario.missing") in _codes(data)
    data["scenarios"]["working"] = EXAMPLE["scenarios"]["custom1"]
    del data["scenarios"]["non_working"]
    assert ("error", "/scenarios/non_working", "scenario.missing") not in _codes(data)


def _full_week(data: dict[str, Any]) -> None:
    data["schedule"]["ranges"] = [{"day": d, "start": "00:00", "end": "24:00", "interval": "working"} for d in WEEK]
    data["schedule"]["exceptions"] = []


def test_non_working_occurs_only_when_the_week_has_gaps() -> None:
    data = _example()
    _full_week(data)
    del data["scenarios"]["non_working"]
    assert not any(code == "scenario.missing" for _s, _p, code in _codes(data))
    data["scenarios"]["non_working"] = EXAMPLE["scenarios"]["non_working"]
    assert ("warning", "/scenarios/non_working", "scenario.never_occurs") in _codes(data)
    # An exception date with a gap (or with no range at all) brings non_working back.
    for ranges in ([{"start": "00:00", "end": "23:00", "interval": "working"}], []):
        data["schedule"]["exceptions"] = [{"date": "2027-01-01", "ranges": ranges}]
        found = _codes(data)
        assert not any(code == "scenario.never_occurs" and p == "/scenarios/non_working" for _s, p, code in found)
        without = copy.deepcopy(data)
        del without["scenarios"]["non_working"]
        assert ("error", "/scenarios/non_working", "scenario.missing") in _codes(without)


def test_an_interval_used_only_on_an_exception_date_needs_a_scenario() -> None:
    data = _example()
    data["schedule"]["intervals"].append({"id": "custom2", "name": "Праздник"})
    data["schedule"]["exceptions"].append(
        {"date": "2027-01-07", "ranges": [{"start": "10:00", "end": "14:00", "interval": "custom2"}]})
    problems = [p for p in validate_data(data) if p.pointer == "/scenarios/custom2"]
    assert [(p.severity, p.code) for p in problems] == [("error", "scenario.missing")]
    assert "Праздник" in problems[0].message_ru


def test_a_duplicated_exception_date_does_not_make_its_interval_occur() -> None:
    data = _example()
    data["schedule"]["intervals"].append({"id": "custom2", "name": "Праздник"})
    data["schedule"]["exceptions"].append(
        {"date": "2026-12-31", "ranges": [{"start": "10:00", "end": "14:00", "interval": "custom2"}]})
    found = _codes(data)
    assert ("error", "/schedule/exceptions/1/date", "exception.duplicate_date") in found
    assert ("warning", "/schedule/intervals/3", "interval.unused") in found
    assert not any(p == "/scenarios/custom2" for _s, p, _c in found)


def test_touching_ranges_do_not_overlap_and_each_overlap_is_reported_once() -> None:
    data = _example()
    assert _codes(data) == []  # 09-13, 13-14, 14-18 touch but do not overlap
    data["schedule"]["ranges"].append({"day": "mon", "start": "08:00", "end": "20:00", "interval": "working"})
    data["schedule"]["ranges"].append({"day": "tue", "start": "08:00", "end": "20:00", "interval": "working"})
    overlaps = [p for p in validate_data(data) if p.code == "range.overlap"]
    assert [p.pointer for p in overlaps] == ["/schedule/ranges/3"]
    assert "08:00" in overlaps[0].message_en


def test_references_are_checked_only_with_a_directory(directory) -> None:
    data = _example()
    data["scenarios"]["working"]["no_input"]["employee"] = "e-999"
    data["scenarios"]["working"]["keys"]["1"]["department"] = "nobody"
    assert _codes(data) == []
    assert {c for _s, _p, c in _codes(data, directory)} >= {"employee.unknown", "department.unknown"}


def test_structure_errors_come_with_cheap_semantic_checks_in_document_order() -> None:
    data = _example()
    data["number"] = "123"
    data["name"] = " "
    data["colour"] = "red"
    data["schedule"]["mode"] = "sometimes"
    assert [(p.pointer, p.code) for p in validate_data(data)] == [
        ("/number", "number.malformed"), ("/name", "name.empty"),
        ("/schedule/mode", "type.invalid"), ("/colour", "type.unknown_field")]
    assert validate_data([1, 2])[0].code == "type.invalid"


def test_problems_are_in_document_order_and_repeatable() -> None:
    data = _example()
    data["number"] = "1"
    data["schedule"]["ranges"][0]["day"] = "xyz"
    data["scenarios"]["custom1"]["prompt"]["audio"] = "bad"
    data["scenarios"]["non_working"]["external_email"] = "no at sign"
    pointers = [p.pointer for p in validate_data(data)]
    assert pointers == ["/number", "/schedule/ranges/0/day", "/scenarios/custom1/prompt/audio",
                        "/scenarios/non_working/external_email"]
    assert validate_data(copy.deepcopy(data)) == validate_data(data)


def test_a_fixed_interval_not_declared_is_reported_once() -> None:
    data = _example()
    del data["schedule"]["intervals"][1]
    found = _codes(data)
    assert ("error", "/schedule/intervals", "interval.missing") in found
    assert not any(c == "scenario.undeclared_interval" for _s, _p, c in found)


_FIELDS = re.compile(r"{(\w+)}")


def test_every_code_has_russian_and_english_messages_and_a_meaning() -> None:
    for code, (sev, ru, en) in CATALOG.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", code), code
        assert sev in ("error", "warning")
        assert re.search("[а-яА-ЯёЁ]", ru), code
        assert en.strip() and not re.search("[а-яА-ЯёЁ]", en), code
        assert set(_FIELDS.findall(ru)) == set(_FIELDS.findall(en)), code
        assert MEANING[code].strip(), code
    assert set(MEANING) == set(CATALOG)


def test_docs_validation_md_lists_every_code_and_is_fresh(tmp_path: Path) -> None:
    text = markdown()
    for code, (sev, ru, en) in CATALOG.items():
        assert f"| `{code}` | {sev} |" in text
        assert f"| {en} | {ru} |" in text
    assert messages_main(["--check", str(ROOT / "docs/validation.md")]) == 0
    out = tmp_path / "validation.md"
    assert messages_main(["--check", str(out)]) == 1
    assert messages_main([str(out)]) == 0
    assert out.read_text(encoding="utf-8") == text
    out.write_text(text + "edited\n", encoding="utf-8")
    assert messages_main(["--check", str(out)]) == 1


def test_cli_language_follows_the_environment() -> None:
    assert cli_language({}) == "en"
    assert cli_language({"LANG": "ru_RU.UTF-8"}) == "ru"
    assert cli_language({"LANG": "ru_RU.UTF-8", "LC_ALL": "C.UTF-8"}) == "en"
    assert cli_language({"LC_MESSAGES": "ru_RU"}) == "ru"
    assert cli_language({"PBXDESK_LANG": "en", "LANG": "ru_RU.UTF-8"}) == "en"
    assert cli_language({"PBXDESK_LANG": "ru", "LC_ALL": "en_US.UTF-8"}) == "ru"


def test_very_long_scenarios_are_checked_without_recursion() -> None:
    data = _example()
    node: Any = None
    for i in range(60):
        node = {"type": "message", "prompt": {"tts": "" if i == 0 else string.ascii_letters}, "next": node}
    data["scenarios"]["custom1"] = node
    problems = validate_data(data)
    assert [p.code for p in problems] == ["prompt.tts_empty"]
    assert problems[0].pointer == "/scenarios/custom1" + "/next" * 59 + "/prompt/tts"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_directory())
def test_generated_valid_documents_have_no_errors(pair: Any) -> None:
    doc, directory = pair
    assert [p.line() for p in validate_document(doc, directory) if p.is_error] == []
    assert parse_document(json.loads(json.dumps(doc.model_dump(mode="json")))).document is not None


def test_broken_structure_still_reports_the_sound_parts() -> None:
    data = _example()
    data["scenarios"]["custom1"]["volume"] = 11  # structure error in one scenario
    data["scenarios"]["non_working"]["external_email"] = "not-an-address"
    data["schedule"]["ranges"][0]["end"] = "25:00"
    found = [(p.pointer, p.code) for p in validate_data(data)]
    assert found == [("/schedule/ranges/0/end", "range.bad_time"),
                     ("/scenarios/custom1/volume", "type.unknown_field"),
                     ("/scenarios/non_working/external_email", "email.invalid")]
    # With the scenarios sound and the top level broken, interval coverage is checked too.
    data = _example()
    data["colour"] = "red"
    del data["scenarios"]["custom1"]
    assert [(p.pointer, p.code) for p in validate_data(data)] == [
        ("/scenarios/custom1", "scenario.missing"), ("/colour", "type.unknown_field")]
