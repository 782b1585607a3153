"""User text can never break the dialplan: names, TTS text, e-mails, ids, extensions, settings.

Every generated text goes through the strict parser (tests/backend/dialplan_parser.py), which refuses a
``;`` outside comments, unbalanced ``${``/``$[``/parentheses, block comments and unknown line shapes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbxdesk.backend.asterisk import CompileError, DirectoryRequired, compile_routing
from pbxdesk.backend.asterisk.settings import SettingsError, load_settings, parse_settings
from pbxdesk.domain.models import Directory
from tests.backend.backend_docs import INTERVALS, routing, tts
from tests.backend.dialplan_checks import check_structure
from tests.backend.dialplan_parser import parse

EVIL = ["101\n", 'x;--\n[evil]\nexten => s,1,System(rm -rf /)', "a,b)c(d", "${SHELL(id)}", "$[1+1]", "\\;", "\r\n",
        "#include /etc/passwd", '"quoted"', "--; end", "}{][)(", "Главный; номер, (тест)"]


def evil_document(text: str):
    return routing("4950000042", {
        "working": {"type": "menu", "prompt": tts(text), "extension_dialing": True, "timeout_s": 5,
                    "repeats": 3,
                    "keys": {"1": {"type": "message", "prompt": tts(text, "en"), "next": None}},
                    "no_input": {"type": "voicemail", "greeting": tts(text),
                                 "recipients": [{"employee": text}, {"department": "d"}],
                                 "external_email": f"{text}@example.ru"}},
        "custom1": {"type": "message", "prompt": {"audio": text}, "next": None}},
        schedule={"mode": "weekly", "intervals": INTERVALS + [{"id": "custom1", "name": text}],
                  "ranges": [{"day": "mon", "start": "09:00", "end": "18:00", "interval": "working"},
                             {"day": "tue", "start": "09:00", "end": "18:00", "interval": "custom1"}],
                  "exceptions": []},
        name=text)


def evil_directory(text: str) -> Directory:
    return Directory.model_validate({
        "employees": [{"id": text, "name": text, "extension": "101", "email": "ok@example.ru"},
                      {"id": "e2", "name": text, "extension": f"1{text}", "email": f"{text}@x.ru"},
                      {"id": "e3", "name": "ok", "extension": "103", "email": text}],
        "departments": [{"id": "d", "name": text, "members": [text, "e2", "e3"]}]})


def assert_safe(text: str, compiled_text: str) -> None:
    plan = parse(compiled_text)
    check_structure(plan, "pbxdesk-4950000042")
    for line in compiled_text.splitlines():
        if not line.startswith(";"):
            assert text not in line or text.isalnum(), f"user text outside a comment: {line!r}"


@pytest.mark.parametrize("text", EVIL)
def test_special_characters_cannot_break_the_dialplan(text: str) -> None:
    compiled = compile_routing(evil_document(text), evil_directory(text))
    assert_safe(text, compiled.text)
    plan = parse(compiled.text)
    # the well-formed employee (extension 101) is still dialled; the one with a broken extension is not
    menu = plan.contexts["pbxdesk-4950000042-menu1"]
    assert "101" in menu.extensions and not any(text in name for name in menu.extensions)
    # only the well-formed e-mail reaches the mail command
    mails = [p.args for p in plan.priorities() if p.app == "System"]
    assert mails and all(m.endswith(" ok@example.ru") for m in mails)
    # TTS text is only ever named by its hash; the malformed media id is not played at all
    assert all(s.media_id is None for s in compiled.sounds)
    assert {s.tts for s in compiled.sounds} == ({text} if text.strip() else set())


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60))
def test_any_text_is_safe(text: str) -> None:
    compiled = compile_routing(evil_document(text), evil_directory(text))
    parse(compiled.text)
    check_structure(parse(compiled.text), "pbxdesk-4950000042")


def test_malformed_number_and_timezone_are_refused() -> None:
    doc = routing("4950000042", {"working": {"type": "message", "prompt": tts("x"), "next": None}})
    for field, value in (("number", "495,1)"), ("number", "12"), ("timezone", "Europe/Moscow,evil"),
                         ("timezone", "Mars/Olympus")):
        bad = doc.model_copy(update={field: value})
        with pytest.raises(CompileError):
            compile_routing(bad)


def test_directory_is_required_for_employees() -> None:
    doc = routing("4950000042", {"working": {"type": "forward_employee", "employee": "e-1", "timeout_s": 10,
                                             "announcement": None, "next": None}})
    with pytest.raises(DirectoryRequired):
        compile_routing(doc)
    external = routing("4950000042", {"working": {"type": "forward_external", "number": "4951234567",
                                                  "timeout_s": 10, "announcement": None, "next": None}})
    assert "Dial(PJSIP/4951234567@trunk,10)" in compile_routing(external).text


def test_settings_shape_the_channels(tmp_path, directory) -> None:
    path = tmp_path / "asterisk.ini"
    path.write_text("[asterisk]\nemployee_channel = SIP/{extension}\nemployee_device =\n"
                    "trunk = PJSIP/+7{number}@provider\nmail_command = /opt/mail {emails} -- {file}\n"
                    "sound_prefix = /srv/pbx/sounds/pbxdesk\nvoicemail_max_s = 120\n", encoding="utf-8")
    custom = load_settings(path)
    doc = routing("4950000042", {"working": {
        "type": "forward_employee", "employee": "e-101", "timeout_s": 10, "announcement": tts("Ждите"),
        "next": {"type": "forward_external", "number": "4951234567", "timeout_s": 15, "announcement": None,
                 "next": {"type": "voicemail", "greeting": None, "recipients": [{"employee": "e-102"}],
                          "external_email": None}}}})
    text = compile_routing(doc, directory, custom).text
    assert "Dial(SIP/101,10)" in text and "DEVICE_STATE" not in text  # no device: never treated as busy
    assert "Dial(PJSIP/+74951234567@provider,15)" in text
    assert "System(/opt/mail boris@example.ru -- ${PBXDESK_FILE}.wav)" in text
    assert "Playback(/srv/pbx/sounds/pbxdesk/" in text and "Record(${PBXDESK_FILE}.wav,10,120,k)" in text
    check_structure(parse(text), "pbxdesk-4950000042")


@pytest.mark.parametrize("line", [
    "employee_channel = PJSIP/{extension},evil", "employee_channel = PJSIP/101", "trunk = PJSIP/{extension}",
    "trunk = PJSIP/{number}&PJSIP/666", "mail_command = mail {emails}; rm -rf /", "mail_command = $(id)",
    "record_dir = relative/dir", "sound_prefix = a;b", "voicemail_max_s = many", "unknown_key = 1",
    "mail_command = mail {emails} {nope}",
])
def test_bad_settings_are_refused(line: str) -> None:
    with pytest.raises(SettingsError):
        parse_settings(f"[asterisk]\n{line}\n")


def test_unreadable_settings(tmp_path) -> None:
    with pytest.raises(SettingsError):
        load_settings(tmp_path / "missing.ini")
    with pytest.raises(SettingsError):
        parse_settings("no section here")
