"""``pbxdesk media list / rename / remove`` against a real server, as a user runs them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from sync_helpers import API, Company, Profile

from pbxdesk.cli import main as pbxdesk
from pbxdesk.sync import credentials
from tests.support.tones import write_tone


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = pbxdesk(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def logged_in(company: Company, profiles: Callable[..., Profile], tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> tuple[Profile, str, str]:
    """A profile whose two first numbers use one greeting (synced up); a spare file uploaded too."""
    monkeypatch.setenv(credentials.ENV_TOKEN, company.token)
    monkeypatch.delenv("PBXDESK_HOME", raising=False)
    profile = profiles(company)
    assert profile.sync().ok
    greeting = write_tone(tmp_path / "Приветствие.wav", 440)
    profile.store.add_media(greeting, 0.5, str(tmp_path / "Приветствие.wav"))
    for number in company.numbers[:2]:
        only = next(iter(profile.saved(number)["scenarios"]))
        profile.edit(number, scenarios={only: {"type": "message", "prompt": {"audio": greeting}, "next": None}})
    assert profile.sync().ok
    spare = write_tone(tmp_path / "spare.wav", 660)
    resp = requests.post(company.server.url + API + "/media", headers={"Authorization": f"Bearer {company.token}"},
                         files={"file": ("spare.wav", (tmp_path / "spare.wav").read_bytes())}, timeout=30)
    assert resp.status_code == 200
    return profile, greeting, spare


def test_media_list_shows_names_and_users_in_both_languages(
        logged_in: tuple[Profile, str, str], company: Company, capsys: pytest.CaptureFixture[str]) -> None:
    profile, greeting, spare = logged_in
    n1, n2 = sorted(company.numbers[:2])
    code, out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "en", "list")
    assert code == 0, err
    assert f"{greeting[:12]}" in out and "Приветствие.wav" in out and f"numbers: {n1}, {n2}" in out
    assert "spare.wav" in out and "not used" in out
    code, out, _err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "ru", "list")
    assert code == 0 and f"номера: {n1}, {n2}" in out and "не используется" in out
    code, out, _err = _run(capsys, "media", "--profile", str(profile.path), "list", "--json")
    assert code == 0 and '"numbers": [' in out and spare in out


def test_media_rename_and_a_bad_name(logged_in: tuple[Profile, str, str], company: Company,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    profile, greeting, _spare = logged_in
    code, out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "en", "rename",
                          greeting[:8], "Рабочее время")
    assert code == 0, err
    assert "Рабочее время" in out
    [item] = [i for i in company.get("/media").json()["items"] if i["id"] == greeting]
    assert item["name"] == "Рабочее время"
    code, _out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "ru", "rename",
                           greeting, "   ")
    assert code == 1 and "пуст" in err
    code, _out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "en", "rename",
                           "0" * 64, "x")
    assert code == 1 and "no audio file" in err


def test_media_remove_refuses_a_used_file_and_lists_its_users(
        logged_in: tuple[Profile, str, str], company: Company, capsys: pytest.CaptureFixture[str]) -> None:
    profile, greeting, spare = logged_in
    n1, n2 = sorted(company.numbers[:2])
    code, out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "en", "remove", greeting)
    assert code == 1
    assert "current routing" in err and f"numbers: {n1}, {n2}" in out
    assert company.get(f"/media/{greeting}").status_code == 200
    code, out, err = _run(capsys, "media", "--profile", str(profile.path), "--lang", "ru", "remove", spare[:12])
    assert code == 0, err
    assert "удалён" in out and company.get(f"/media/{spare}").status_code == 404


def test_media_without_a_server_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(credentials.ENV_TOKEN, raising=False)
    code, _out, err = _run(capsys, "media", "--profile", str(tmp_path / "none"), "--lang", "en", "list")
    assert code == 2 and "pbxdesk login" in err  # a profile never logged in to a server
    code, _out, err = _run(capsys, "media", "--profile", str(tmp_path / "none"), "--lang", "ru", "list")
    assert code == 2 and "pbxdesk login" in err and "сервер" in err
    code, _out, err = _run(capsys, "media", "--profile", str(tmp_path / "none"), "frobnicate")
    assert code == 2 and "pbxdesk media" in err
