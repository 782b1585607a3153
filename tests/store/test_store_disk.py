"""A profile on a disk that fails: every command on a full, read-only or vanished profile prints one line on
stderr and exits with its documented code (docs/store.md: 2 for a profile that cannot be opened or written),
the reading commands still read, and nothing committed is lost. Real file systems: a small tmpfs filled up,
then remounted read-only (the tests run as root)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbxdesk.cli import main as cli_main
from pbxdesk.store import ProfileUnavailable, Store

MAIN, OTHER = "4952302222", "4952302233"
NEEDS_ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")


def run(*args: str, profile: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``pbxdesk ARGS --profile PROFILE`` in this process (as a script would run it, without the start-up)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, os.environ.get("PBXDESK_LANG")
    sys.stdin, os.environ["PBXDESK_LANG"] = io.StringIO(stdin), "en"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main([*args, "--profile", str(profile)])
    finally:
        sys.stdin = saved[0]
        if saved[1] is None:
            os.environ.pop("PBXDESK_LANG")
        else:
            os.environ["PBXDESK_LANG"] = saved[1]
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def one_line(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert done.returncode == code, (done.args, done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, unmounted afterwards even when the test fails."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(mnt: Path) -> None:
    with open(mnt / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    assert shutil.disk_usage(mnt).free < 8192


def _profile_with_numbers(profile: Path, spec_example_path: Path, tmp_path: Path) -> dict[str, str]:
    """A profile logged in to a server (so it is the profile the commands use, not its demo) with two saved
    numbers, one with a draft: what every reading command must still show."""
    with Store.open(profile) as store:
        store.set_profile(server_url="http://127.0.0.1:9", is_demo=False)
    other = tmp_path / "other.json"
    other.write_text(spec_example_path.read_text(encoding="utf-8").replace(MAIN, OTHER), encoding="utf-8")
    assert run("set", MAIN, str(spec_example_path), profile=profile).returncode == 0
    assert run("set", OTHER, str(other), profile=profile).returncode == 0
    with Store.open(profile) as store:
        store.save_draft(MAIN, {"half": "typed"})
    return {n: run("get", n, profile=profile).stdout for n in (MAIN, OTHER)}


def _writing_commands(tmp_path: Path, spec_example_path: Path) -> list[list[str]]:
    edited = tmp_path / "edited.json"
    edited.write_text(spec_example_path.read_text(encoding="utf-8").replace("Главный номер", "Изменён"),
                      encoding="utf-8")
    return [["set", MAIN, str(edited)], ["set", "4952302244", str(spec_example_path).replace(MAIN, MAIN)],
            ["copy", MAIN, OTHER], ["sync"], ["resolve", MAIN, "--take", "mine"]]


def _check_reads(profile: Path, saved: dict[str, str]) -> None:
    listed = run("numbers", "--json", profile=profile)
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    assert {n["number"]: n["has_draft"] for n in json.loads(listed.stdout)} == {MAIN: True, OTHER: False}
    for number, text in saved.items():
        got = run("get", number, profile=profile)
        assert got.returncode == 0 and got.stdout == text
    status = run("status", profile=profile)
    assert status.returncode == 0 and "Changes not on the server: 2" in status.stdout
    assert run("conflicts", profile=profile).returncode == 0


@NEEDS_ROOT
def test_a_full_disk(disk: Path, tmp_path: Path, spec_example_path: Path) -> None:
    profile = disk / "profile"
    saved = _profile_with_numbers(profile, spec_example_path, tmp_path)
    fill(disk)
    _check_reads(profile, saved)
    for args in _writing_commands(tmp_path, spec_example_path):
        line = one_line(run(*args, profile=profile))
        assert "is full" in line and str(profile) in line, line
    fresh = one_line(run("set", MAIN, str(spec_example_path), profile=disk / "fresh"))  # WAL cannot even start
    assert "is full" in fresh
    login = one_line(run("login", "http://127.0.0.1:9", profile=disk / "fresh2", stdin="pbx_token\n"))
    assert "is full" in login or "cannot" in login
    (disk / "filler").unlink()
    _check_reads(profile, saved)  # nothing committed was lost
    assert run(*_writing_commands(tmp_path, spec_example_path)[0], profile=profile).returncode == 0


@NEEDS_ROOT
def test_a_read_only_disk(disk: Path, tmp_path: Path, spec_example_path: Path) -> None:
    profile = disk / "profile"
    saved = _profile_with_numbers(profile, spec_example_path, tmp_path)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    _check_reads(profile, saved)  # a read-only profile can be listed
    for args in _writing_commands(tmp_path, spec_example_path):
        line = one_line(run(*args, profile=profile))
        assert "read-only" in line, line
    assert "read-only" in one_line(run("set", MAIN, str(spec_example_path), profile=disk / "fresh"))
    subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    _check_reads(profile, saved)


@NEEDS_ROOT
def test_what_a_killed_program_left_in_the_wal_is_read_from_a_read_only_disk(disk: Path, tmp_path: Path,
                                                                             spec_example_path: Path) -> None:
    """A program that dies with the profile open leaves its last commits in ``-wal``: a read-only disk
    still shows them (read from a copy), and they are all there once the disk is writable again."""
    profile = disk / "profile"
    child = textwrap.dedent(f"""
        import json, sys
        from pbxdesk.domain.document import load_path
        from pbxdesk.store import Store
        store = Store.open({str(profile)!r})
        store.set_profile(server_url="http://127.0.0.1:9", is_demo=False)
        doc = load_path({str(spec_example_path)!r}).document
        for i in range(5):
            doc.name = f"Версия {{i}}"
            store.save({MAIN!r}, doc, create=True)
        print("saved", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "saved"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert (profile / "pbxdesk.sqlite3-wal").stat().st_size > 0
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    listed = run("numbers", "--json", profile=profile)
    assert listed.returncode == 0, listed.stderr
    assert [n["name"] for n in json.loads(listed.stdout)] == ["Версия 4"]
    subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert json.loads(run("get", MAIN, profile=profile).stdout)["name"] == "Версия 4"


def test_a_vanished_profile(tmp_path: Path, spec_example_path: Path) -> None:
    profile = tmp_path / "profile"
    _profile_with_numbers(profile, spec_example_path, tmp_path)
    shutil.rmtree(profile)
    for args in (["numbers"], ["get", MAIN], ["status"], ["conflicts"], ["sync"], ["copy", MAIN, OTHER],
                 ["resolve", MAIN, "--take", "mine"]):
        line = one_line(run(*args, profile=profile))
        assert "no pbxdesk profile" in line, line
    assert not profile.exists()  # looking did not create an empty profile in its place


def test_a_profile_removed_while_open_refuses_writes_instead_of_losing_them(tmp_path: Path, make_doc) -> None:
    profile = tmp_path / "profile"
    store = Store.open(profile)
    try:
        store.save(MAIN, make_doc(), create=True)
        shutil.rmtree(profile)
        with pytest.raises(ProfileUnavailable) as gone:
            store.save(MAIN, make_doc(name="После удаления"))
        assert gone.value.reason == "gone"
        with pytest.raises(ProfileUnavailable):
            store.save_draft(MAIN, {"x": 1})
    finally:
        store.close()
