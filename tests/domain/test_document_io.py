"""Canonical form (SPEC §4) and structure errors with JSON Pointers."""

from __future__ import annotations

import json

import pytest

from pbxdesk.domain import document
from pbxdesk.domain.document import DocumentReadError, dumps, loads, parse_document


def test_spec_example_loads_without_structure_problems(spec_example_path):
    result = document.load_path(str(spec_example_path))
    assert result.problems == []
    assert result.document is not None
    assert result.document.name == "Главный номер"


def test_canonical_text_round_trips_byte_for_byte(spec_example):
    text = dumps(spec_example)
    assert dumps(loads(text).document) == text
    assert text.endswith("}\n")
    assert "Главный номер" in text  # UTF-8, not \u escapes
    assert '\n  "number": "4952302222",\n' in text  # two-space indentation


def test_canonical_key_order_follows_the_spec(spec_example):
    data = json.loads(dumps(spec_example))
    assert list(data) == ["format", "number", "name", "timezone", "schedule", "scenarios"]
    assert list(data["schedule"]) == ["mode", "intervals", "ranges", "exceptions"]
    menu = data["scenarios"]["working"]
    assert list(menu) == ["type", "prompt", "keys", "no_input", "extension_dialing", "timeout_s", "repeats"]
    dept = menu["keys"]["1"]
    assert list(dept) == ["type", "department", "distribution", "step_s", "timeout_s", "announcement", "next"]
    assert list(dept["next"]) == ["type", "greeting", "recipients", "external_email"]


def test_optional_fields_are_written_out_with_defaults(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    del data["scenarios"]["working"]["timeout_s"]
    del data["scenarios"]["working"]["repeats"]
    written = json.loads(dumps(parse_document(data).document))
    assert written["scenarios"]["working"]["timeout_s"] == 5
    assert written["scenarios"]["working"]["repeats"] == 3
    assert written["scenarios"]["non_working"]["greeting"] == {"tts": "Мы работаем с 9 до 18", "voice": "ru"}


def test_ranges_sorted_by_weekday_then_start_and_exceptions_by_date(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["schedule"]["ranges"] = [
        {"day": "sun", "start": "10:00", "end": "11:00", "interval": "working"},
        {"day": "mon", "start": "14:00", "end": "18:00", "interval": "working"},
        {"day": "mon", "start": "09:00", "end": "13:00", "interval": "working"},
        {"day": "tue", "start": "09:00", "end": "13:00", "interval": "working"},
    ]
    data["schedule"]["exceptions"] = [
        {"date": "2027-01-07", "ranges": []},
        {"date": "2026-12-31", "ranges": []},
    ]
    written = json.loads(dumps(parse_document(data).document))
    assert [(r["day"], r["start"]) for r in written["schedule"]["ranges"]] == [
        ("mon", "09:00"), ("mon", "14:00"), ("tue", "09:00"), ("sun", "10:00")]
    assert [e["date"] for e in written["schedule"]["exceptions"]] == ["2026-12-31", "2027-01-07"]


def test_any_valid_document_saves_to_a_semantically_equal_one(spec_example_path):
    original = json.loads(spec_example_path.read_text(encoding="utf-8"))
    again = json.loads(dumps(parse_document(original).document))
    again["scenarios"]["non_working"]["greeting"].pop("voice")
    assert again == original


def _problems(data):
    return {(p.pointer, p.code) for p in parse_document(data).problems}


def test_unknown_field_is_reported_at_its_pointer(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["scenarios"]["working"]["keys"]["1"]["colour"] = "red"
    data["extra"] = 1
    assert _problems(data) == {("/scenarios/working/keys/1/colour", "type.unknown_field"),
                               ("/extra", "type.unknown_field")}


def test_wrong_types_are_reported_with_pointers(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["scenarios"]["working"]["timeout_s"] = "5"
    data["scenarios"]["non_working"]["recipients"][0]["employee"] = 101
    data["scenarios"]["working"]["extension_dialing"] = "yes"
    assert _problems(data) == {
        ("/scenarios/working/timeout_s", "type.invalid"),
        ("/scenarios/non_working/recipients/0/employee", "type.invalid"),
        ("/scenarios/working/extension_dialing", "type.invalid"),
    }


def test_missing_required_field_and_unknown_node_type(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    del data["scenarios"]["working"]["keys"]["1"]["next"]["recipients"]
    data["scenarios"]["custom1"] = {"type": "conference", "room": 1}
    assert _problems(data) == {
        ("/scenarios/working/keys/1/next/recipients", "type.missing"),
        ("/scenarios/custom1", "node.unknown_type"),
    }


def test_pointer_escapes_slash_and_tilde_in_keys(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["scenarios"]["a/b~c"] = {"type": "message", "prompt": {"tts": 5}, "next": None}
    assert ("/scenarios/a~1b~0c/prompt/tts", "type.invalid") in _problems(data)


def test_wrong_format_and_non_object_document():
    assert ("/format", "format.unsupported") in _problems({"format": "other/2"})
    assert _problems([1, 2]) == {("", "type.invalid")}


def test_structure_messages_exist_in_both_languages(spec_example_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["bogus"] = True
    (problem,) = parse_document(data).problems
    assert "bogus" in problem.message("ru") and "Неизвестное" in problem.message("ru")
    assert "Unknown field 'bogus'" == problem.message("en")


@pytest.mark.parametrize("text", [b"", b"{", b"\xff\xfe", b"not json"])
def test_text_that_is_not_json_raises_a_read_error(text):
    with pytest.raises(DocumentReadError):
        loads(text)
