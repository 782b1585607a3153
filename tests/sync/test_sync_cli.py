"""``pbxdesk login / sync / conflicts / resolve`` against a real server, as a user runs them."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sync_helpers import Company, Profile, Server, run_cli

from pbxdesk.store import Store
from pbxdesk.sync import credentials


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(credentials.ENV_TOKEN, raising=False)
    monkeypatch.delenv("PBXDESK_HOME", raising=False)


def test_login_without_a_keyring_keeps_the_token_for_the_session_only(
        tmp_path: Path, company: Company, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert credentials.secure_backend() is None  # this machine has keyring's fail backend only
    home = tmp_path / "home"
    code, out, _err = run_cli(monkeypatch, capsys, "login", company.server.url, "--profile", str(home),
                           stdin=company.token + "\n")
    assert code == 0
    assert "NOT stored" in out and "PBXDESK_TOKEN" in out and company.token not in out
    with Store.open(home) as store:
        assert store.get_profile().server_url == company.server.url
        assert not store.get_profile().is_demo
    # the token is nowhere on disk
    for path in home.rglob("*"):
        if path.is_file():
            assert company.token.encode() not in path.read_bytes(), path
    assert credentials.load_token(company.server.url, home) is None
    code, _out, err = run_cli(monkeypatch, capsys, "sync", "--profile", str(home))
    assert code == 2 and "no token" in err
    # for scripts: the environment variable
    monkeypatch.setenv(credentials.ENV_TOKEN, company.token)
    code, out, err = run_cli(monkeypatch, capsys, "sync", "--profile", str(home))
    assert code == 0, err
    assert f"pulled {len(company.numbers)}" in out and f"{len(company.numbers) + 1}/" in err


def test_login_refuses_a_wrong_token_and_an_unreachable_server(
        tmp_path: Path, company: Company, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    code, _out, err = run_cli(monkeypatch, capsys, "login", company.server.url, "--profile", home, stdin="wrong\n")
    assert code == 1 and "refused" in err
    code, _out, err = run_cli(monkeypatch, capsys, "login", "http://127.0.0.1:9", "--profile", home,
                           stdin="x\n")
    assert code == 2 and "cannot" in err
    code, _out, err = run_cli(monkeypatch, capsys, "sync", "--profile", home)
    assert code == 2 and "login" in err


def test_opt_in_token_file_is_private_and_used_by_sync(
        tmp_path: Path, company: Company, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("PBXDESK_HOME", str(home))
    code, out, _err = run_cli(monkeypatch, capsys, "login", company.server.url + "/", "--store-token-file",
                           stdin=company.token)
    assert code == 0 and "readable by you only" in out
    path = credentials.token_file(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load_token(company.server.url, home) == company.token
    with Store.open(home) as store:  # never in the database
        assert company.token.encode() not in store.path.read_bytes()
    code, _out, err = run_cli(monkeypatch, capsys, "sync")
    assert code == 0, err
    path.chmod(0o644)  # a file others can read is not trusted
    assert credentials.load_token(company.server.url, home) is None


def test_conflicts_and_resolve_on_the_command_line(
        company: Company, profiles: Callable[..., Profile], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], server: Server) -> None:
    a, b = profiles(company, "a"), profiles(company, "b")
    monkeypatch.setenv(credentials.ENV_TOKEN, company.token)
    for p in (a, b):
        assert run_cli(monkeypatch, capsys, "sync", "--profile", str(p.path))[0] == 0
    n1, n2, _ = company.numbers
    a.edit(n1, name="A one")
    a.edit(n2, name="A two")
    b.edit(n1, name="B one")
    b.edit(n2, name="B two")
    assert run_cli(monkeypatch, capsys, "sync", "--profile", str(a.path))[0] == 0
    code, out, _err = run_cli(monkeypatch, capsys, "sync", "--profile", str(b.path))
    assert code == 1 and f"CONFLICT {n1}" in out and f"CONFLICT {n2}" in out
    code, out, _err = run_cli(monkeypatch, capsys, "sync", "--profile", str(b.path))
    assert code == 1 and f"CONFLICT {n1}: still unresolved" in out  # not forgotten by the next sync

    code, out, _err = run_cli(monkeypatch, capsys, "conflicts", "--profile", str(b.path))
    assert code == 0 and "name of the number" in out and "mine:   B one" in out and "theirs: A one" in out
    code, out, _err = run_cli(monkeypatch, capsys, "conflicts", "--profile", str(b.path), "--json")
    listed = {c["number"]: c for c in json.loads(out)}
    assert listed[n1]["units"][0]["unit"] == "name" and listed[n1]["units"][0]["theirs"] == "A one"

    code, _out, err = run_cli(monkeypatch, capsys, "resolve", n1, "--take", "mine", "--unit", "timezone",
                           "--profile", str(b.path))
    assert code == 1 and "not a conflicting unit" in err
    assert run_cli(monkeypatch, capsys, "resolve", n1, "--take", "mine", "--profile", str(b.path))[0] == 0
    assert run_cli(monkeypatch, capsys, "resolve", n2, "--take", "theirs", "--unit", "name",
                "--profile", str(b.path))[0] == 0
    code, out, _err = run_cli(monkeypatch, capsys, "conflicts", "--profile", str(b.path))
    assert "no conflicts" in out
    code, out, _err = run_cli(monkeypatch, capsys, "sync", "--profile", str(b.path))
    assert code == 0 and "pushed 1" in out
    assert company.document(n1)["name"] == "B one" and company.document(n2)["name"] == "A two"
    code, _out, err = run_cli(monkeypatch, capsys, "resolve", n1, "--take", "mine", "--profile", str(b.path))
    assert code == 1 and "not in conflict" in err
