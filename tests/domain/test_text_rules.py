"""The one rule for text: what the code refuses is exactly what the published schema patterns refuse, every
forbidden character class is refused in every free-text member of a document, and text shown on one line
stays on one line."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbxdesk.domain.schema import routing_schema
from pbxdesk.domain.text import (
    ID,
    INTERVAL_NAME,
    NAME,
    TTS,
    is_blank,
    json_depth_pointer,
    json_text,
    printable,
)
from pbxdesk.domain.validation import validate_data

EXAMPLE: dict[str, Any] = json.loads((Path(__file__).resolve().parents[1] / "data" / "spec_example.json")
                                     .read_text(encoding="utf-8"))
# one of each class of character no text may hold
HOSTILE = ["\x00", "\x07", "\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\u202e",
           "\u2066", "\u2069", "\ud800", "\udfff"]
FREE_TEXT = ["/name", "/schedule/intervals/2/name", "/scenarios/working/prompt/tts",
             "/scenarios/working/no_input/employee", "/scenarios/working/keys/1/department",
             "/scenarios/non_working/recipients/0/employee", "/scenarios/non_working/greeting/tts"]


def _put(data: dict[str, Any], pointer: str, value: Any) -> None:
    tokens = pointer[1:].split("/")
    target: Any = data
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    if isinstance(target, list):
        target[int(tokens[-1])] = value
    else:
        target[tokens[-1]] = value


@pytest.mark.parametrize("pointer", FREE_TEXT)
@pytest.mark.parametrize("char", HOSTILE, ids=[f"U+{ord(c):04X}" for c in HOSTILE])
def test_every_free_text_member_refuses_every_forbidden_character(pointer: str, char: str) -> None:
    data = copy.deepcopy(EXAMPLE)
    _put(data, pointer, "Текст" + char + "дальше")
    problems = validate_data(data)
    found = [(p.pointer, p.code) for p in problems if p.is_error]
    if pointer.endswith("/tts") and char in "\t\n\r":
        assert found == []  # prompt text may span lines
        return
    assert (pointer, "text.forbidden_char") in found
    for p in problems:  # every message and line stays one line, whatever the text held
        assert "\n" not in p.line("en") and "\n" not in p.line("ru")


def _code_accepts(rule: Any, text: str) -> bool:
    return rule.forbidden(text) is None and not is_blank(text) and 1 <= len(text) <= rule.max_length


_any_char = st.characters(codec="utf-8")  # every Unicode scalar value (no surrogates: not in UTF-8 text)
_edge_text = st.lists(st.one_of(_any_char, st.sampled_from([" ", "\u00a0", "\u3000", "\t", "\n", "\u2028",
                                                              "\x00", "\x85", "a", "я"])),
                      max_size=12).map("".join)


@pytest.mark.parametrize("rule", [NAME, INTERVAL_NAME, TTS, ID], ids=lambda r: r.kind)
@settings(max_examples=400, deadline=None)
@given(text=_edge_text)
def test_the_published_pattern_states_exactly_what_the_code_checks(rule: Any, text: str) -> None:
    validator = jsonschema_rs.validator_for(rule.schema())
    assert validator.is_valid(text) == _code_accepts(rule, text)
    # the same under Python's regex reading, anchored at the true end as JSON Schema means it
    python = re.compile(rule.pattern[:-1] + r"\Z")
    assert (python.match(text) is not None and len(text) <= rule.max_length) == _code_accepts(rule, text)


def test_the_routing_schema_states_the_text_rules() -> None:
    schema = routing_schema()
    assert schema["properties"]["name"]["pattern"] == NAME.pattern
    assert schema["properties"]["name"]["maxLength"] == NAME.max_length
    assert schema["$defs"]["TtsPrompt"]["properties"]["tts"]["pattern"] == TTS.pattern
    validator = jsonschema_rs.validator_for(schema)
    assert validator.is_valid(EXAMPLE)
    bad = copy.deepcopy(EXAMPLE)
    bad["name"] = "a\nb"
    assert not validator.is_valid(bad)


def test_printable_text_never_breaks_a_line() -> None:
    assert printable("a\nb\r\x00\u2028\x1b[31m\ud800") == "a\\nb\\r\\x00\\u2028\\x1b[31m\\ud800"
    assert printable("Привет, мир") == "Привет, мир"
    assert printable("x" * 200, 10) == "x" * 10 + "…"


def test_json_text_carries_lone_surrogates_escaped() -> None:
    assert json_text({"a": "я"}) == '{"a": "я"}'
    assert json.loads(json_text({"a": "\ud800"})) == {"a": "\ud800"}
    json_text({"a": "\ud800"}).encode("utf-8")


def test_depth_is_measured_without_recursion() -> None:
    deep: Any = "leaf"
    for _ in range(sys.getrecursionlimit() * 3):
        deep = [deep]
    assert json_depth_pointer(deep, 200) == "/0" * 200
    assert json_depth_pointer({"a": {"b": 1}}, 3) is None
    assert json_depth_pointer({"a": {"b": 1}}, 2) == "/a/b"
