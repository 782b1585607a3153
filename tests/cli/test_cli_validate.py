"""``pbxdesk validate`` end to end as a subprocess (SPEC §7): exit codes 0/1/2, line and --json output,
one line on stderr for unreadable input, message language from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINE = r"^(ERROR|WARNING) (/\S*)? ?[a-z_]+\.[a-z_]+: .+$"


def _run(*args: str, lang: dict[str, str] | None = None, console: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PBXDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(lang or {"LANG": "C.UTF-8"})
    cmd = [str(ROOT / ".venv/bin/pbxdesk")] if console else [sys.executable, "-m", "pbxdesk"]
    return subprocess.run([*cmd, "validate", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60)


@pytest.fixture
def broken(tmp_path: Path, spec_example_path: Path) -> Path:
    data: dict[str, Any] = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["number"] = "49523"
    data["scenarios"]["working"]["keys"]["2"] = None
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_valid_document_exits_0(spec_example_path: Path, directory_path: Path) -> None:
    result = _run(str(spec_example_path), console=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    with_dir = _run(str(spec_example_path), "--directory", str(directory_path))
    assert with_dir.returncode == 0  # a warning does not fail
    assert with_dir.stdout.startswith("WARNING /scenarios/working/keys/1 menu.extension_conflict: ")


def test_errors_exit_1_one_line_each(broken: Path) -> None:
    result = _run(str(broken))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ERROR /number number.malformed: The number '49523' must be 10 digits",
        "ERROR /scenarios/working/keys/2 menu.key_missing_branch: Key 2 has no scenario",
    ]


def test_json_output(broken: Path) -> None:
    result = _run(str(broken), "--json")
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert items[0] == {"severity": "error", "pointer": "/number", "code": "number.malformed",
                        "message": "The number '49523' must be 10 digits"}
    assert all(set(item) == {"severity", "pointer", "code", "message"} for item in items)
    clean = _run(str(ROOT / "tests/data/spec_example.json"), "--json")
    assert (clean.returncode, json.loads(clean.stdout)) == (0, [])


@pytest.mark.parametrize("lang", [{"LANG": "ru_RU.UTF-8"}, {"PBXDESK_LANG": "ru", "LANG": "en_US.UTF-8"},
                                  {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}])
def test_russian_messages(broken: Path, lang: dict[str, str]) -> None:
    result = _run(str(broken), lang=lang)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == "ERROR /scenarios/working/keys/2 menu.key_missing_branch: " \
                                            "Нет сценария для клавиши 2"


def test_directory_makes_references_checked(tmp_path: Path, spec_example_path: Path, directory_path: Path) -> None:
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["scenarios"]["working"]["no_input"]["employee"] = "e-999"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run(str(path)).returncode == 0
    result = _run(str(path), "--directory", str(directory_path))
    assert result.returncode == 1
    assert "ERROR /scenarios/working/no_input/employee employee.unknown: Unknown employee 'e-999'" \
        in result.stdout.splitlines()


def _bad_inputs(tmp_path: Path, example: Path) -> list[list[str]]:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": ', encoding="utf-8")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    not_dir = tmp_path / "list.json"
    not_dir.write_text("[1, 2]", encoding="utf-8")
    return [
        [str(tmp_path / "missing.json")],
        [str(bad_json)],
        [str(binary)],
        [str(tmp_path)],
        [str(example), "--directory", str(bad_json)],
        [str(example), "--directory", str(not_dir)],
        [str(example), "--directory", str(example)],
        [str(example), "--directory", str(tmp_path / "nope.json")],
        [],
        [str(example), "--bogus"],
    ]


def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, spec_example_path: Path) -> None:
    for args in _bad_inputs(tmp_path, spec_example_path):
        result = _run(*args)
        assert result.returncode == 2, args
        assert result.stdout == "", args
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("pbxdesk validate: "), (args, result.stderr)
        assert "Traceback" not in result.stderr
