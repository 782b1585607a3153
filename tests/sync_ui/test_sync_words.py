"""Documents and differences in words, and server problems read back from the stored sync message."""

from __future__ import annotations

from pbxdesk.domain.document import from_dict, to_canonical_dict
from pbxdesk.sync.engine import problems_text


def _weekly(doc):
    data = to_canonical_dict(doc)
    data["schedule"]["mode"] = "weekly"
    data["schedule"]["ranges"] = [{"day": d, "start": "09:00", "end": "18:00", "interval": "working"}
                                  for d in ("mon", "tue")]
    data["scenarios"]["non_working"] = {"type": "voicemail", "greeting": None, "recipients": [],
                                        "external_email": "office@example.ru"}
    return from_dict(data)


def test_schedule_changes_are_told_per_day(qapp):
    from pbxdesk.desktop import i18n
    from pbxdesk.domain.defaults import default_document
    from pbxdesk.sync_ui.words import diff_units

    i18n.set_language("ru")
    base = default_document("4951234567", "ACME")
    mine = _weekly(base)
    diffs = {d.unit: d for d in diff_units(base, mine, None)}
    assert diffs["schedule.mode"].before == ["Круглосуточно"] and diffs["schedule.mode"].after == ["По расписанию"]
    assert diffs["ranges:mon"].title == "Время работы: понедельник"
    assert diffs["ranges:mon"].after == ["09:00–18:00 Рабочее время"] and diffs["ranges:mon"].before == ["(нет)"]
    assert "ranges:wed" not in diffs
    assert diffs["scenario:non_working"].after == ["Автоответчик → 1 получатель"]


def test_server_problems_are_read_back_with_russian_words():
    from pbxdesk.sync_ui.server_problems import parse_problems

    media = "cd" * 32
    message = problems_text("refused by the server: the document has errors", [
        {"severity": "error", "pointer": "/scenarios/working/prompt/audio", "code": "media.unknown",
         "message": f"The audio file {media} is not in the media library"},
        {"severity": "error", "pointer": "/scenarios/working", "code": "no.such.code", "message": "odd: text"}])
    summary, problems = parse_problems(message)
    assert summary == "refused by the server: the document has errors"
    assert [(p.pointer, p.code) for p in problems] == [("/scenarios/working/prompt/audio", "media.unknown"),
                                                       ("/scenarios/working", "no.such.code")]
    assert problems[0].message("ru") == f"Аудиофайл {media} не найден в медиатеке"
    assert problems[0].message("en") == f"The audio file {media} is not in the media library"
    assert problems[1].message("ru") == "odd: text"  # not in the catalogue: the server's words
    assert parse_problems(None) == ("", [])


def test_a_special_day_is_named_as_the_ui_language_writes_dates(qapp):
    from pbxdesk.desktop import i18n
    from pbxdesk.sync_ui.words import unit_title

    try:
        for language, title in (("ru", "Особый день Чт 31.12.2026"), ("en", "Special day Thu 2026-12-31")):
            i18n.set_language(language)
            assert unit_title("exception:2026-12-31", None) == title
    finally:
        i18n.set_language("en")
