"""Numbers that leave the company, as a profile sees them through real syncs with a real server: a removed or
moved-away number becomes withdrawn with its history, an unsent edit of it is kept (never pushed, never
dropped) and reported, ``pbxdesk sync`` exits 1 for it, ``status`` / ``numbers`` show it, ``get`` exports it;
and should the number come back, the kept edit is merged and sent like any other."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sync_helpers import Company, Profile, Server, run_cli

from pbxdesk.store.withdrawn import WithdrawnNumberError
from pbxdesk.sync import credentials
from pbxdesk.sync.errors import Withdrawn


def test_a_withdrawn_number_keeps_its_unsent_edit_and_the_cli_says_so(
        server: Server, company: Company, profiles: Callable[..., Profile],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    other = server.company(numbers=0)
    removed, moved, kept = company.numbers
    profile = profiles(company)
    assert profile.sync().ok
    profile.edit(removed, name="Отдел, которого больше нет")

    server.admin("remove-number", removed)
    server.admin("move-number", moved, "--to", other.name)
    monkeypatch.setenv(credentials.ENV_TOKEN, company.token)
    monkeypatch.delenv("PBXDESK_HOME", raising=False)
    code, out, err = run_cli(monkeypatch, capsys, "sync", "--profile", str(profile.path))
    assert code == 1, out + err
    assert "withdrawn 2" in out
    assert f"WITHDRAWN {removed}" in out and f"pbxdesk get {removed}" in out and f"WITHDRAWN {moved}" not in out

    store = profile.store
    assert {n.number: n.sync_state for n in store.list_numbers()} == {
        removed: "withdrawn", moved: "withdrawn", kept: "synced"}
    assert store.get_saved(removed).name == "Отдел, которого больше нет"  # type: ignore[union-attr]
    assert store.get_base(moved) is not None  # the history this profile had stays
    assert store.kept_edits() == [removed] and store.outbox_items() == []
    with pytest.raises(WithdrawnNumberError):
        store.save(removed, profile.saved(removed) | {"name": "ещё правка"})
    with pytest.raises(Withdrawn):  # the server answers 410 to a read of it
        client = profile.client()
        try:
            client.get_number(removed)
        finally:
            client.close()

    code, out, _err = run_cli(monkeypatch, capsys, "status", "--profile", str(profile.path), "--lang", "en")
    assert code == 0 and "Withdrawn from the company" in out
    assert f"{removed}" in out and "unsent edit kept" in out
    code, out, _err = run_cli(monkeypatch, capsys, "status", "--profile", str(profile.path), "--json")
    withdrawn = {w["number"]: w["kept_edit"] for w in json.loads(out)["withdrawn"]}
    assert withdrawn == {removed: True, moved: False}
    code, out, _err = run_cli(monkeypatch, capsys, "numbers", "--profile", str(profile.path), "--state", "withdrawn",
                           "--lang", "ru")
    assert code == 0 and removed in out and moved in out and kept not in out and "ИЗЪЯТ" in out
    code, out, _err = run_cli(monkeypatch, capsys, "get", removed, "--profile", str(profile.path))
    assert code == 0 and json.loads(out)["name"] == "Отдел, которого больше нет"  # the routing file of the edit

    # the next sync has nothing new to say: the edit stays, listed by status
    code, out, err = run_cli(monkeypatch, capsys, "sync", "--profile", str(profile.path))
    assert code == 0, out + err
    assert store.kept_edits() == [removed]

    # the other company's profile has the moved number
    theirs = profiles(other, "other")
    assert theirs.sync().ok
    assert [n.number for n in theirs.store.list_numbers()] == [moved]


def test_a_number_given_back_gets_its_kept_edit_sent(server: Server, company: Company,
                                                     profiles: Callable[..., Profile]) -> None:
    number = company.numbers[0]
    profile = profiles(company)
    profile.sync()
    profile.edit(number, name="Правка, пережившая изъятие")
    server.admin("remove-number", number)
    report = profile.sync()
    assert report.withdrawn == [number] and report.kept_edits == [number] and not report.ok
    assert company.get(f"/numbers/{number}").status_code == 410

    server.admin("add-number", "--company", company.name, number)
    report = profile.sync()
    assert number in report.pushed, report
    assert profile.store.summary(number).sync_state == "synced"
    assert company.document(number)["name"] == "Правка, пережившая изъятие"


def test_reverting_a_withdrawn_number_drops_only_the_kept_edit(server: Server, company: Company,
                                                               profiles: Callable[..., Profile]) -> None:
    number = company.numbers[0]
    profile = profiles(company)
    profile.sync()
    before = profile.saved(number)
    profile.edit(number, name="Ненужная правка")
    server.admin("remove-number", number)
    profile.sync()
    profile.store.revert(number)
    assert profile.store.kept_edits() == []
    assert profile.store.summary(number).sync_state == "withdrawn"
    assert profile.saved(number) == before
