"""SPEC §7's one-line format holds whatever the documents and directories hold: user text with line breaks,
escape sequences or separators is printed escaped by ``validate``, ``export``, ``simulate`` and the store
commands; a document the server would refuse as too deep is refused by ``validate`` first, with its pointer;
a directory the dialplan could not use is refused with the pointer of the culprit."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from pbxdesk.cli import main as cli_main

LINE = re.compile(r"^(ERROR|WARNING) (/.*)? ?[a-z_]+\.[a-z_]+: .+$")
EVIL = ["Главный\n2026-01-01 INFO pbxdesk: FORGED", "a\rb", "\x1b[2J\x1b[31mred", "x\u2028y", "\u202eevil", "n\x00ul"]


def run(*args: str, monkeypatch: pytest.MonkeyPatch, lang: str = "en") -> tuple[int, str, str]:
    monkeypatch.setenv("PBXDESK_LANG", lang)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return code, out.getvalue(), err.getvalue()


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("evil", EVIL, ids=range(len(EVIL)))
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_validate_prints_one_line_per_problem_whatever_the_text(evil: str, lang: str, tmp_path: Path,
                                                                spec_example_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["name"] = evil
    data["number"] = evil
    data["schedule"]["intervals"][2]["name"] = evil
    data["schedule"]["ranges"][0]["day"] = evil
    data["scenarios"]["working"]["keys"][evil] = None
    data["scenarios"][evil] = None
    data[evil] = 1
    path = _write(tmp_path / "evil.json", data)
    code, out, err = run("validate", str(path), monkeypatch=monkeypatch, lang=lang)
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert len(lines) >= 7
    for line in lines:
        assert LINE.match(line), line
        assert not any(c in line for c in "\r\x1b\x00\u2028\u202e")
    code, out, _err = run("validate", str(path), "--json", monkeypatch=monkeypatch, lang=lang)
    problems = json.loads(out)
    assert len(problems) == len(lines)  # one line per problem
    assert {"/name", "/number"} <= {p["pointer"] for p in problems}  # the exact pointers, in JSON


def test_a_document_too_deep_for_the_server_is_refused_first_with_its_pointer(
        tmp_path: Path, spec_example_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    node = None
    for _ in range(197):  # the chain the issue found passing validate and refused by the server
        node = {"type": "message", "prompt": {"tts": "Алло"}, "next": node}
    data["scenarios"]["custom1"] = node
    path = _write(tmp_path / "deep.json", data)
    code, out, _err = run("validate", str(path), monkeypatch=monkeypatch)
    assert code == 1
    assert out.splitlines() == [f"ERROR /scenarios/custom1{'/next' * 196}/prompt/tts document.too_deep: "
                                "The document is nested more than 200 levels deep: this is level 201"]
    code, _out, err = run("set", "4952302222", str(path), "--profile", str(tmp_path / "p"), monkeypatch=monkeypatch)
    assert code == 1 and "document.too_deep" in _out + err


def test_export_refuses_a_directory_the_dialplan_cannot_use_with_the_pointer(
        tmp_path: Path, spec_example_path: Path, directory_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = json.loads(directory_path.read_text(encoding="utf-8"))
    directory["employees"][1]["extension"] = "102\n[evil]"
    directory["employees"][0]["name"] = "Анна\nexten => evil"
    bad = _write(tmp_path / "dir.json", directory)
    for command in (["export", str(spec_example_path), "--to", "asterisk"], ["validate", str(spec_example_path)]):
        code, out, err = run(*command, "--directory", str(bad), monkeypatch=monkeypatch)
        assert code == 2 and out == ""
        assert err.count("\n") == 1, err
        assert "/employees/0/name text.forbidden_char" in err and "(and 1 more)" in err
    directory["employees"][0]["name"] = "Анна"
    code, _out, err = run("export", str(spec_example_path), "--to", "asterisk", "--directory",
                          str(_write(tmp_path / "dir2.json", directory)), monkeypatch=monkeypatch)
    assert code == 2 and "/employees/1/extension directory.extension_invalid" in err


def test_store_commands_print_names_on_one_line(tmp_path: Path, spec_example_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile may hold a name pulled from a server before the rules (or from another tool): the lists
    stay one line per entry."""
    from pbxdesk.store import Store

    profile = tmp_path / "p"
    with Store.open(profile) as store:  # logged in: the profile the commands use (not its demo)
        store.set_profile(server_url="http://127.0.0.1:9", is_demo=False)
    assert run("set", "4952302222", str(spec_example_path), "--profile", str(profile), monkeypatch=monkeypatch)[0] == 0
    with Store.open(profile) as store:
        doc = store.get_saved("4952302222")
        assert doc is not None
        doc.name = "Отдел\nпродаж\x1b[31m"
        store.apply_server_document("4952302233", doc.model_copy(update={"number": "4952302233"}), 1)
    for command in (["numbers"], ["status"]):
        code, out, _err = run(*command, "--profile", str(profile), monkeypatch=monkeypatch)
        assert code == 0 and "\x1b" not in out
        assert any("4952302233  Отдел\\nпродаж\\x1b[31m" in line for line in out.splitlines()) or command == ["status"]
    code, out, _err = run("numbers", "--json", "--profile", str(profile), monkeypatch=monkeypatch)
    assert "Отдел\nпродаж\x1b[31m" in {n["name"] for n in json.loads(out)}
    code, _out, err = run("get", "+7 (495)\n230", "--profile", str(profile), monkeypatch=monkeypatch)
    assert code == 2 and err.count("\n") == 1 and "\\n" in err
