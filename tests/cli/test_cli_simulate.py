"""``pbxdesk simulate`` end to end as a subprocess (SPEC §7) on the SPEC §4 example and its directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pbxdesk.cli import main as pbxdesk_main

ENV = {**os.environ, "PBXDESK_LANG": "en"}
MENU_PROMPT = {"tts": "Нажмите 1 для отдела продаж", "voice": "ru"}


def pbxdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pbxdesk", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=ENV, timeout=60)


def simulate_ok(spec_example_path: Path, directory_path: Path, *args: str) -> dict:
    done = pbxdesk("simulate", spec_example_path, "--directory", directory_path, *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1  # one JSON object on one line
    return json.loads(done.stdout)


def test_in_turn_department_answered_by_the_second_member(spec_example_path, directory_path):
    done = pbxdesk("simulate", spec_example_path, "--directory", directory_path,
                   "--at", "2026-11-23T10:00", "--input", "1", "--answer", "e-102@5")
    assert done.returncode == 0, done.stderr
    assert "Нажмите" in done.stdout  # UTF-8, not \u escapes
    assert json.loads(done.stdout) == {
        "interval": "working",
        "outcome": {"kind": "connected", "employee": "e-102"},
        "steps": [
            {"kind": "play", "prompt": MENU_PROMPT, "node": "/scenarios/working"},
            {"kind": "menu", "input": "1", "node": "/scenarios/working"},
            {"kind": "ring", "target": "e-101", "from_s": 0, "to_s": 10, "node": "/scenarios/working/keys/1"},
            {"kind": "ring", "target": "e-102", "from_s": 10, "to_s": 15, "node": "/scenarios/working/keys/1"},
        ],
    }
    assert '"from_s": 0,' in done.stdout  # whole seconds are written as integers


def test_nobody_answers_the_department_so_sales_get_a_voicemail(spec_example_path, directory_path):
    out = simulate_ok(spec_example_path, directory_path, "--at", "2026-11-23T07:00:00Z", "--input", "1",
                      "--busy", "e-102")
    assert out["interval"] == "working"  # 07:00 UTC is 10:00 in Moscow
    rings = [(s["target"], s["from_s"], s["to_s"]) for s in out["steps"] if s["kind"] == "ring"]
    assert rings == [("e-101", 0, 10), ("e-103", 10, 20), ("e-101", 20, 30), ("e-103", 30, 40),
                     ("e-101", 40, 50), ("e-103", 50, 60)]
    assert out["outcome"] == {"kind": "voicemail",
                              "emails": ["anna@example.ru", "boris@example.ru", "vera@example.ru"]}
    assert out["steps"][-1] == {"kind": "record", "medium": "voicemail", "node": "/scenarios/working/keys/1/next"}


def test_lunch_break_and_evening(spec_example_path, directory_path):
    lunch = simulate_ok(spec_example_path, directory_path, "--at", "2026-11-23T13:30+03:00")
    assert lunch["interval"] == "custom1" and lunch["outcome"] == {"kind": "hangup"}
    assert lunch["steps"] == [{"kind": "play", "node": "/scenarios/custom1", "prompt": {
        "audio": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}]
    evening = simulate_ok(spec_example_path, directory_path, "--at", "2026-11-23T18:00")
    assert evening["interval"] == "non_working"
    assert evening["outcome"] == {"kind": "voicemail", "emails": ["anna@example.ru", "office@example.ru"]}


def test_holiday_exception_no_input_and_extension_dialing(spec_example_path, directory_path):
    holiday = simulate_ok(spec_example_path, directory_path, "--at", "2026-12-31T14:30", "--answer", "e-101@19")
    assert holiday["interval"] == "working"
    assert holiday["outcome"] == {"kind": "connected", "employee": "e-101"}
    assert holiday["steps"][-1] == {"kind": "ring", "target": "e-101", "from_s": 0, "to_s": 19,
                                    "node": "/scenarios/working/no_input"}
    dialed = simulate_ok(spec_example_path, directory_path, "--at", "2026-11-23T09:00", "--input", "103",
                         "--answer", "e-103@2.5")
    assert dialed["outcome"] == {"kind": "connected", "employee": "e-103"}
    assert dialed["steps"][-1] == {"kind": "ring", "target": "e-103", "from_s": 0, "to_s": 2.5,
                                   "node": "/scenarios/working"}


def test_wrong_keys_replay_the_menu_until_no_input(spec_example_path, directory_path):
    out = simulate_ok(spec_example_path, directory_path, "--at", "2026-11-23T11:00", "--input", "7",
                      "--input", "999", "--input", "#", "--input", "1")
    # "999": nothing starts with 9, so each 9 is a wrong key (as a real PBX reads it); 3 plays in all
    assert [s["input"] for s in out["steps"] if s["kind"] == "menu"] == ["7", "9", "9"]
    assert out["steps"][-1]["node"] == "/scenarios/working/no_input"
    assert out["outcome"] == {"kind": "hangup"}


def test_a_document_with_errors_is_refused_with_the_validate_output(tmp_path, spec_example_path, directory_path):
    data = json.loads(spec_example_path.read_text(encoding="utf-8"))
    data["scenarios"]["working"]["keys"]["1"]["department"] = "nosuch"
    data["scenarios"]["working"]["no_input"]["timeout_s"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = pbxdesk("simulate", bad, "--directory", directory_path, "--at", "2026-11-23T10:00")
    validated = pbxdesk("validate", bad, "--directory", directory_path)
    assert done.returncode == 1 and validated.returncode == 1
    assert done.stdout == validated.stdout
    assert "/scenarios/working/keys/1/department" in done.stdout
    assert "/scenarios/working/no_input/timeout_s" in done.stdout


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    return done.stderr


def in_process(capsys, *args: str | Path) -> str:
    """The same command run in this process (faster); returns its one-line error."""
    code = pbxdesk_main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    return err


def test_a_call_that_needs_the_directory_without_one_exits_2(spec_example_path):
    done = pbxdesk("simulate", spec_example_path, "--at", "2026-11-23T10:00", "--input", "1")
    assert "--directory" in _one_line_error(done)
    # the lunch-break call needs no directory at all
    lunch = pbxdesk("simulate", spec_example_path, "--at", "2026-11-23T13:00")
    assert lunch.returncode == 0, lunch.stderr
    assert json.loads(lunch.stdout)["interval"] == "custom1"


def test_a_bad_instant_exits_2_with_one_line_in_a_real_process(spec_example_path):
    assert "--at" in _one_line_error(pbxdesk("simulate", spec_example_path, "--at", "tomorrow at ten"))


@pytest.mark.parametrize(("args", "needle"), [
    (("--at", "2026-13-01T10:00"), "--at"),
    ((), "--at"),
    (("--at", "2026-11-23T10:00", "--answer", "e-101@soon"), "answer"),
    (("--at", "2026-11-23T10:00", "--answer", "e-101@-3"), "answer"),
    (("--at", "2026-11-23T10:00", "--input", "1x"), "input"),
])
def test_bad_arguments_exit_2_with_one_line(capsys, spec_example_path, directory_path, args, needle):
    assert needle in in_process(capsys, "simulate", spec_example_path, "--directory", directory_path, *args)


def test_unreadable_or_malformed_files_exit_2(capsys, tmp_path, spec_example_path):
    at = ("--at", "2026-11-23T10:00")
    assert "missing.json" in in_process(capsys, "simulate", tmp_path / "missing.json", *at)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "pbxdesk.routing/1", ', encoding="utf-8")
    assert "broken.json" in in_process(capsys, "simulate", broken, *at)
    assert "nodir.json" in in_process(capsys, "simulate", spec_example_path, "--directory", tmp_path / "nodir.json",
                                      *at)
    assert "broken.json" in in_process(capsys, "simulate", spec_example_path, "--directory", broken, *at)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "deep.json" in in_process(capsys, "simulate", deep, *at)
