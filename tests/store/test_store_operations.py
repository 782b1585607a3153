"""Listing, copying settings, reverting, pending-change summaries, import/export, profile location."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from pbxdesk.domain.document import DocumentReadError, dumps
from pbxdesk.domain.models import DayRange, ExceptionDate, Range, TtsPrompt, VoicemailNode
from pbxdesk.domain.problems import has_errors
from pbxdesk.store import SaveRefusedError, Store, UnknownNumberError, resolve_profile_dir

MAIN, STOCK = "4952302222", "4952302233"


def test_list_numbers_filters_by_text_and_state(synced, make_doc):
    synced.save(STOCK, make_doc(STOCK, "СКЛАД на Лесной"))
    assert [n.number for n in synced.list_numbers()] == [MAIN, STOCK]
    assert [n.number for n in synced.list_numbers(search="склад")] == [STOCK]
    assert [n.number for n in synced.list_numbers(search="ЛЕСНОЙ")] == [STOCK]
    assert [n.number for n in synced.list_numbers(search="+7 (495) 230-22-33")] == [STOCK]
    assert [n.number for n in synced.list_numbers(search="230")] == [MAIN, STOCK]
    assert [n.number for n in synced.list_numbers(state="changed")] == [STOCK]
    assert [n.number for n in synced.list_numbers(state="synced")] == [MAIN]
    assert synced.list_numbers(search="нет такого") == []


def test_copy_settings_to_several_numbers_keeps_their_number_and_name(synced, make_doc):
    third = "4952302244"
    other = make_doc(third, "Третий")
    other.schedule.mode = "always"
    other.schedule.ranges = []
    other.schedule.exceptions = []
    other.scenarios = {"working": VoicemailNode(greeting=None, recipients=[], external_email="a@b.ru")}
    synced.apply_server_document(third, other, 1)
    source = make_doc(MAIN, "Главный номер")
    source.timezone = "Asia/Yekaterinburg"
    synced.save(MAIN, source)
    result = synced.copy_settings(MAIN, [STOCK, "+7 495 230-22-44"])
    assert set(result) == {STOCK, third}
    for num, name in ((STOCK, "Склад"), (third, "Третий")):
        doc = synced.get_saved(num)
        assert (doc.number, doc.name, doc.timezone) == (num, name, "Asia/Yekaterinburg")
        assert doc.scenarios == source.scenarios and doc.schedule == source.schedule
        assert result[num].sync_state == "changed"
    assert {i.number for i in synced.outbox_items()} == {MAIN, STOCK, third}


def test_copy_to_an_unknown_number_changes_nothing(synced):
    with pytest.raises(UnknownNumberError):
        synced.copy_settings(MAIN, [STOCK, "4950000000"])
    assert synced.outbox_items() == []


def test_copy_refused_when_the_cached_directory_lacks_a_department(synced, directory):
    from pbxdesk.domain.models import Directory

    synced.set_directory(Directory(employees=directory.employees, departments=[]))
    with pytest.raises(SaveRefusedError) as refused:
        synced.copy_settings(MAIN, [STOCK])
    assert any(p.is_error for p in refused.value.problems[STOCK])
    assert synced.outbox_items() == []
    assert synced.summary(STOCK).sync_state == "synced"


def test_save_refused_error_names_the_numbers():
    from pbxdesk.domain.problems import Problem

    err = SaveRefusedError({STOCK: [Problem("error", "/name", "name.empty", "пусто", "empty")]})
    assert STOCK in err.message("ru") and STOCK in err.message("en")


def test_revert_goes_back_to_the_last_synced_document(synced, make_doc):
    synced.save(MAIN, make_doc(name="Изменено"))
    synced.save_draft(MAIN, {"still": "editing"})
    synced.revert(MAIN)
    line = synced.summary(MAIN)
    assert (line.name, line.sync_state, line.has_draft, line.revision) == ("Главный номер", "synced", False, 3)
    assert synced.outbox_items() == []
    assert dumps(synced.get_saved(MAIN)) == dumps(synced.get_base(MAIN))


def test_revert_of_a_number_never_synced_removes_it(store, make_doc):
    store.save(MAIN, make_doc(), create=True)
    store.revert(MAIN)
    assert store.list_numbers() == [] and store.outbox_items() == []


def test_pending_changes_say_what_changed_in_words(synced, make_doc):
    doc = make_doc(name="Новое имя")
    doc.timezone = "Europe/Samara"
    doc.schedule.ranges.append(Range(day="tue", start="10:00", end="12:00", interval="working"))
    doc.schedule.ranges = [r for r in doc.schedule.ranges if not (r.day == "mon" and r.interval == "custom1")]
    doc.schedule.exceptions.append(ExceptionDate(date="2027-01-07", ranges=[DayRange(start="10:00", end="12:00",
                                                                                     interval="working")]))
    doc.scenarios["non_working"].greeting = TtsPrompt(tts="Позвоните завтра")
    synced.save(MAIN, doc)
    [pending] = synced.pending_changes()
    assert pending.number == MAIN and pending.base_revision == 3 and pending.sync_state == "changed"
    ru = "\n".join(c.text("ru") for c in pending.changes)
    en = "\n".join(c.text("en") for c in pending.changes)
    for fragment in ("«Главный номер» → «Новое имя»", "Europe/Samara", "понедельник, вторник",
                     "добавлены 2027-01-07", "Нерабочее время"):
        assert fragment in ru
    for fragment in ("Name", "Time zone", "Monday, Tuesday", "added 2027-01-07", "Non-working time"):
        assert fragment in en
    assert "среда" not in ru and "Рабочее время»" not in ru.replace("Нерабочее время»", "")


def test_pending_change_of_a_mode_switch_and_new_number(synced, make_doc):
    doc = make_doc(name="Главный номер")
    doc.schedule.mode = "always"
    synced.save(MAIN, doc)
    synced.save("4952302299", make_doc("4952302299", "Новый"), create=True)
    by_number = {p.number: p for p in synced.pending_changes()}
    assert [c.text("en") for c in by_number[MAIN].changes] == ["Schedule: By schedule → Around the clock"]
    assert [c.text("ru") for c in by_number[MAIN].changes] == ["Расписание: По расписанию → Круглосуточно"]
    assert by_number["4952302299"].changes[0].unit == "document"


def test_export_and_import_round_trip(synced, make_doc, tmp_path):
    synced.save(MAIN, make_doc(name="Экспорт"))
    out = tmp_path / "main.json"
    synced.export_json("8 495 230 22 22", out)
    assert out.read_text(encoding="utf-8") == dumps(synced.get_saved(MAIN))
    fresh = Store.open(tmp_path / "other")
    number, problems = fresh.import_json(out)
    assert number == MAIN and not has_errors(problems)
    assert out.read_bytes() == dumps(fresh.get_saved(MAIN)).encode("utf-8")
    fresh.close()


def test_import_refuses_a_broken_file(store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"number": "4952302222", "name": 1}', encoding="utf-8")
    number, problems = store.import_json(bad)
    assert number == MAIN and has_errors(problems)
    assert store.list_numbers() == []
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DocumentReadError):
        store.import_json(tmp_path / "junk.json")


def test_export_of_an_unknown_number(store, tmp_path):
    with pytest.raises(UnknownNumberError):
        store.export_json(MAIN, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_profile_dir_resolution(monkeypatch, tmp_path):
    monkeypatch.setenv("PBXDESK_HOME", str(tmp_path / "env"))
    assert resolve_profile_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_profile_dir(None) == tmp_path / "env"
    monkeypatch.delenv("PBXDESK_HOME")
    assert resolve_profile_dir(None) == Path(platformdirs.user_data_dir("pbxdesk", appauthor=False))


def test_store_creates_the_profile_directory(tmp_path):
    s = Store.open(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b" / "pbxdesk.sqlite3").is_file()
    s.close()
