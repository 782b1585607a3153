"""One number never holds the others back, on SQLite and on PostgreSQL: a number the server refuses (422),
a queued payload that breaks today's rules, and a number the server fails on (500) are set aside with their
error, every other queued change is pushed in the same sync, the error is kept in the profile (`pbxdesk
status`), and once the user fixes the number it goes again. And the push and the pull stay linear: a push
meeting many conflicts reads the outbox once, a pull never lists the whole profile."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, update
from sync_helpers import DATA, Company, Profile, Server

from pbxdesk.cli import main as cli_main
from pbxdesk.domain.document import load_directory, to_canonical_dict
from pbxdesk.store.tables import OUTBOX
from pbxdesk.sync import engine as engine_module


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
    from server_helpers import create_pg_database, drop_pg_database

    url, name = create_pg_database() if request.param == "postgres" else (None, None)
    proc = Server(tmp_path_factory.mktemp(f"set-aside-{request.param}"), database=url).start()
    yield proc
    proc.stop()
    if name:
        drop_pg_database(name)


@pytest.fixture
def company(server: Server) -> Company:
    return server.company(numbers=4)


def _synced(company: Company, profiles: Callable[..., Profile]) -> Profile:
    profile = profiles(company)
    report = profile.sync()
    assert report.ok and sorted(report.pulled) == sorted(company.numbers), report
    return profile


def _status(profile: Profile) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["status", "--json", "--profile", str(profile.path)]) == 0
    return json.loads(out.getvalue())


def _server_name(company: Company, number: str) -> str:
    return str(company.document(number)["name"])


def test_a_number_the_server_refuses_is_set_aside_and_the_others_are_pushed(
        company: Company, profiles: Callable[..., Profile]) -> None:
    profile = _synced(company, profiles)
    bad, *good = company.numbers
    # the profile's directory knows an employee the server's does not: saved locally, refused by the server
    directory = load_directory((DATA / "directory.json").read_bytes())
    directory.employees.append(directory.employees[0].model_copy(update={"id": "e-999"}))
    doc = to_canonical_dict(profile.store.get_saved(bad))
    doc["scenarios"]["working"] = {"type": "forward_employee", "employee": "e-999", "timeout_s": 20,
                                   "announcement": None, "next": None}
    assert not [p for p in profile.store.save(bad, doc, directory) if p.is_error]
    for number in good:
        profile.edit(number, name=f"Новое имя {number}")
    report = profile.sync()
    assert sorted(report.pushed) == sorted(good) and list(report.errors) == [bad] and report.offline is None
    assert "/scenarios/working/employee employee.unknown" in report.errors[bad]
    for number in good:
        assert _server_name(company, number) == f"Новое имя {number}"
    status = _status(profile)  # kept in the profile, shown by status
    assert [e["number"] for e in status["errors"]] == [bad]
    assert "employee.unknown" in status["errors"][0]["message"]
    assert profile.sync().pushed == []  # not sent again until fixed
    doc["scenarios"]["working"]["employee"] = "e-101"
    assert not [p for p in profile.store.save(bad, doc) if p.is_error]
    fixed = profile.sync()
    assert fixed.pushed == [bad] and fixed.ok
    assert company.document(bad)["scenarios"]["working"]["employee"] == "e-101"


def test_a_queued_payload_that_breaks_todays_rules_is_set_aside_without_being_sent(
        company: Company, profiles: Callable[..., Profile]) -> None:
    """A queue written before the text rules (a NUL in a name was accepted then) must not stop every sync."""
    profile = _synced(company, profiles)
    bad, *good = company.numbers
    profile.edit(bad, name="Было хорошо")
    poisoned = to_canonical_dict(profile.store.get_saved(bad))
    poisoned["name"] = "Отдел\x00продаж"
    engine = create_engine(f"sqlite:///{profile.store.path}")
    with engine.begin() as conn:  # what an older pbxdesk left in the outbox
        conn.execute(update(OUTBOX).where(OUTBOX.c.number == bad).values(payload=json.dumps(poisoned)))
    engine.dispose()
    for number in good:
        profile.edit(number, name=f"Имя {number}")
    revisions = company.revision_count(bad)
    report = profile.sync()
    assert sorted(report.pushed) == sorted(good) and list(report.errors) == [bad]
    assert "refused before sending" in report.errors[bad] and "/name text.forbidden_char" in report.errors[bad]
    assert company.revision_count(bad) == revisions  # never reached the server
    assert _status(profile)["errors"][0]["number"] == bad
    profile.edit(bad, name="Отдел продаж")
    assert profile.sync().pushed == [bad] and _server_name(company, bad) == "Отдел продаж"


def _poison(server: Server, number: str, on: bool) -> None:
    """A database fault on one row: the server answers 500 for that number's PUT, whatever it holds."""
    if server.database is None:
        with contextlib.closing(sqlite3.connect(server.data_dir / "server.sqlite3", timeout=30)) as con:
            con.execute(f"CREATE TRIGGER poison BEFORE UPDATE ON numbers WHEN NEW.number = '{number}' "
                        "BEGIN SELECT RAISE(ABORT, 'poisoned row'); END" if on else "DROP TRIGGER poison")
            con.commit()
        return
    engine = create_engine(server.database)
    with engine.begin() as conn:  # (a constraint the existing row is not checked against: NOT VALID)
        conn.exec_driver_sql(f"ALTER TABLE numbers ADD CONSTRAINT poison CHECK (number <> '{number}') NOT VALID"
                             if on else "ALTER TABLE numbers DROP CONSTRAINT poison")
    engine.dispose()


def test_a_number_the_server_fails_on_waits_and_the_others_are_pushed(
        server: Server, company: Company, profiles: Callable[..., Profile]) -> None:
    profile = _synced(company, profiles)
    for number in company.numbers:
        profile.edit(number, name=f"Имя {number}")
    bad = company.numbers[1]
    _poison(server, bad, True)
    try:
        report = profile.sync()
    finally:
        _poison(server, bad, False)
    assert report.offline is None and list(report.errors) == [bad] and "500" in report.errors[bad]
    assert sorted(report.pushed) == sorted(n for n in company.numbers if n != bad)
    assert profile.store.summary(bad).sync_state == "changed"  # not refused: tried again by the next sync
    again = profile.sync()
    assert again.pushed == [bad] and again.ok and _server_name(company, bad) == f"Имя {bad}"


def test_a_push_meeting_conflicts_reads_the_outbox_once_and_a_pull_never_lists_the_profile(
        company: Company, profiles: Callable[..., Profile], monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs = _synced(company, profiles), _synced(company, profiles)
    for number in company.numbers:
        theirs.edit(number, timezone="Asia/Yekaterinburg")
        mine.edit(number, name=f"Моё {number}")
    assert theirs.sync().ok
    calls = {"outbox_items": 0, "list_numbers": 0}
    for name in calls:
        original = getattr(mine.store, name)

        def counted(*args, _name=name, _original=original, **kw):  # type: ignore[no-untyped-def]
            calls[_name] += 1
            return _original(*args, **kw)

        monkeypatch.setattr(mine.store, name, counted)
    monkeypatch.setattr(engine_module.SyncEngine, "pull", lambda *_a, **_k: None)  # push straight into the 412s
    report = mine.sync()
    assert sorted(report.merged) == sorted(company.numbers) and sorted(report.pushed) == sorted(company.numbers)
    assert calls["outbox_items"] == 1  # once for the batch, whatever the number of conflicts
    for number in company.numbers:
        doc = company.document(number)
        assert doc["name"] == f"Моё {number}" and doc["timezone"] == "Asia/Yekaterinburg"
    monkeypatch.undo()
    calls["list_numbers"] = 0
    monkeypatch.setattr(engine_module, "PAGE", 1)  # a page per change
    monkeypatch.setattr(theirs.store, "list_numbers", lambda *a, **k: calls.__setitem__("list_numbers", 1) or [])
    assert theirs.sync().ok and len(theirs.store.revisions(company.numbers)) == len(company.numbers)
    assert calls["list_numbers"] == 0
