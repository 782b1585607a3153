"""The headless commands as an administrator's script runs them: separate processes on one profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pbxdesk.domain.document import dumps
from pbxdesk.store import Store

MAIN, STOCK = "4952302222", "4952302233"


def run(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PBXDESK_HOME"}
    env["PBXDESK_LANG"] = "en"
    if home is not None:
        env["PBXDESK_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "pbxdesk", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_set_get_numbers_round_trip(profile, spec_example_path, spec_example):
    done = run("set", "+7 (495) 230-22-22", str(spec_example_path), home=profile)
    assert done.returncode == 0, done.stderr
    assert "queued" in done.stdout
    got = run("get", "8 495 230-22-22", home=profile)
    assert got.returncode == 0 and got.stdout == dumps(spec_example)
    listed = run("numbers", "--json", home=profile)
    assert json.loads(listed.stdout) == [{"number": MAIN, "name": "Главный номер", "schedule_mode": "weekly",
                                          "sync_state": "changed", "has_draft": False, "revision": None}]
    table = run("numbers", home=profile)
    assert MAIN in table.stdout and "Главный номер" in table.stdout


def test_profile_option_wins_over_the_environment(tmp_path, spec_example_path):
    assert run("set", MAIN, str(spec_example_path), "--profile", str(tmp_path / "cli"),
               home=tmp_path / "env").returncode == 0
    untouched = run("numbers", "--json", home=tmp_path / "env")  # nothing was written there: there is no profile
    assert untouched.returncode == 2 and "no pbxdesk profile" in untouched.stderr
    assert not (tmp_path / "env").exists()
    assert len(json.loads(run("numbers", "--json", "--profile", str(tmp_path / "cli")).stdout)) == 1


def test_set_refuses_a_document_with_errors_and_changes_nothing(profile, spec_example_path, tmp_path):
    assert run("set", MAIN, str(spec_example_path), home=profile).returncode == 0
    before = run("get", MAIN, home=profile).stdout
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["name"] = "Другое"
    data["scenarios"]["working"]["keys"]["1"]["distribution"] = "sometimes"
    data["extra"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    refused = run("set", MAIN, str(bad), home=profile)
    assert refused.returncode == 1
    lines = refused.stdout.splitlines()
    assert "ERROR /extra type.unknown_field: Unknown field 'extra'" in lines
    assert any(line.startswith("ERROR /scenarios/working/keys/1") for line in lines)
    assert run("get", MAIN, home=profile).stdout == before


def test_set_with_an_unreadable_file_or_bad_number(profile, tmp_path):
    missing = run("set", MAIN, str(tmp_path / "nope.json"), home=profile)
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "junk.json").write_text("{oops", encoding="utf-8")
    junk = run("set", MAIN, str(tmp_path / "junk.json"), home=profile)
    assert junk.returncode == 2 and len(junk.stderr.strip().splitlines()) == 1
    bad_number = run("get", "12345", home=profile)
    assert bad_number.returncode == 2 and "10 digits" in bad_number.stderr


def test_unknown_number_is_a_clear_error(profile, spec_example_path, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(spec_example_path.read_text(encoding="utf-8").replace(MAIN, "4952302299"), encoding="utf-8")
    assert run("set", "4952302299", str(other), home=profile).returncode == 0
    for args in (("get", MAIN), ("copy", MAIN, STOCK)):
        done = run(*args, home=profile)
        assert done.returncode == 1
        assert f"The number {MAIN} is not in the profile" in done.stderr


def test_copy_and_status(profile, make_doc):
    with Store.open(profile) as s:
        s.set_profile(server_url="https://pbx.example.ru", is_demo=False)  # logged in: the profile itself is used
        s.apply_server_document(MAIN, make_doc(MAIN, "Главный номер"), 3)
        s.apply_server_document(STOCK, make_doc(STOCK, "Склад"), 5)
        third = make_doc("4952302244", "Третий")
        third.schedule.mode = "always"
        s.apply_server_document("4952302244", third, 1)
        s.save_draft(MAIN, {"name": "пишу"})
    copied = run("copy", MAIN, "4952302244", home=profile)
    assert copied.returncode == 0, copied.stderr
    with Store.open(profile) as s:
        assert s.get_saved("4952302244").schedule.mode == "weekly"
        assert s.get_saved("4952302244").name == "Третий"
        s.save(STOCK, make_doc(STOCK, "Склад"))  # unchanged: nothing pending
        s.save(STOCK, make_doc(STOCK, "Склад 2"))
        s.mark_conflict(STOCK, make_doc(STOCK, "Склад сервер"), 6)
    status = run("status", "--json", home=profile)
    data = json.loads(status.stdout)
    assert [p["number"] for p in data["pending"]] == [STOCK, "4952302244"]
    assert data["pending"][1]["changes"] == ["Schedule: Around the clock → By schedule"]
    assert [d["number"] for d in data["drafts"]] == [MAIN]
    assert [c["number"] for c in data["conflicts"]] == [STOCK]
    text = run("status", "--lang", "ru", home=profile).stdout
    assert "Расписание: Круглосуточно → По расписанию" in text and "КОНФЛИКТ" in text
    assert "Черновики: 1" in text


def test_set_on_a_new_number_creates_it(profile, spec_example_path, tmp_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["number"] = STOCK
    f = tmp_path / "stock.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run("set", STOCK, str(f), home=profile)
    assert done.returncode == 0 and "new number" in done.stdout
    mismatch = run("set", MAIN, str(f), home=profile)
    assert mismatch.returncode == 1 and "ERROR /number number.mismatch" in mismatch.stdout
    assert [n["number"] for n in json.loads(run("numbers", "--json", home=profile).stdout)] == [STOCK]


def test_the_app_and_the_commands_mean_the_same_profile(tmp_path, spec_example_path, make_doc):
    """``pbxdesk --profile D`` (no server yet: its demo company, kept in D/demo) and ``pbxdesk numbers
    --profile D`` see the same numbers, both ways."""
    from pbxdesk.app.startup import open_profile

    base = tmp_path / "D"
    context = open_profile(str(base))  # as the app opens it
    try:
        context.store.apply_server_document(STOCK, make_doc(STOCK, "Склад"), 1)  # as its first sync brings it
    finally:
        context.close()
    listed = run("numbers", "--json", "--profile", str(base))
    assert [row["number"] for row in json.loads(listed.stdout)] == [STOCK], listed.stderr
    assert run("set", MAIN, str(spec_example_path), "--profile", str(base)).returncode == 0
    context = open_profile(str(base))
    try:
        assert {s.number for s in context.store.list_numbers()} == {MAIN, STOCK}
    finally:
        context.close()
