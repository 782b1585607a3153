"""Crash test: a process saving and autosaving in a loop is killed with SIGKILL at random moments.

After every kill the database must pass ``PRAGMA integrity_check``, every save and autosave whose call
returned (acknowledged on the worker's stdout) must be there, and each number's outbox row must agree
with its saved document and sync state. This is what one transaction per operation, WAL and
``synchronous=FULL`` guarantee (docs/store.md).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILLS = 55
CHILD = Path(__file__).with_name("crash_child.py")


def _read_until(proc: subprocess.Popen[str], prefix: str | tuple[str, ...],
                acks: list[tuple[str, str, int]]) -> str:
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        assert line, f"helper ended unexpectedly while waiting for {prefix}"
        line = line.strip()
        if line[:1] in ("D", "S", "P") and line[1:2] == " ":
            kind, num, idx = line.split()
            acks.append((kind, num, int(idx)))
            if prefix == "":
                return line
        elif line.startswith(prefix):
            return line
        else:
            raise AssertionError(f"unexpected line from the helper: {line!r}")


def _check(db: Path, acks: list[tuple[str, str, int]]) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = con.execute("SELECT number, saved_json, draft_json, base_json, revision, sync_state "
                           "FROM numbers").fetchall()
        outbox = {r[0]: r[1:] for r in con.execute(
            "SELECT number, payload, base_revision, idempotency_key FROM outbox").fetchall()}
    finally:
        con.close()
    assert len({v[2] for v in outbox.values()}) == len(outbox)  # idempotency keys are unique
    for num, saved, draft, base, revision, state in rows:
        saved_name = json.loads(saved)["name"]
        saved_idx = int(saved_name[1:]) if saved_name.startswith("s") else -1
        draft_idx = int(json.loads(draft)["name"][1:]) if draft is not None else -1
        mine = [(k, i) for k, n, i in acks if n == num and k in "DS"]
        last_save = max((i for k, i in mine if k == "S"), default=-1)
        assert saved_idx >= last_save, f"{num}: acknowledged save s{last_save} lost (have {saved_name})"
        last_draft = max((i for k, i in mine if k == "D"), default=-1)
        if last_draft > last_save:
            assert draft_idx >= last_draft or saved_idx > last_draft, \
                f"{num}: acknowledged autosave d{last_draft} lost"
        if state == "changed":
            assert num in outbox, f"{num}: changed but nothing queued"
            assert outbox[num][0] == saved and outbox[num][1] == revision
        else:
            assert state == "synced" and num not in outbox and saved == base, f"{num}: outbox disagrees"


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_returned_save(tmp_path):
    profile = tmp_path / "profile"
    rng = random.Random(os.getpid() ^ int(time.time()))
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    helper = subprocess.Popen([sys.executable, str(CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, bufsize=1, env=env)
    assert helper.stdin is not None
    acks: list[tuple[str, str, int]] = []
    try:
        helper.stdin.write(f"seed {profile}\n")
        helper.stdin.flush()
        _read_until(helper, "SEEDED", acks)
        start = 0
        for _ in range(KILLS):
            helper.stdin.write(f"spawn {profile} {start} {rng.randrange(1 << 30)}\n")
            helper.stdin.flush()
            # the zygote's "PID" and the forked worker's "READY" reach the pipe in either order
            first = _read_until(helper, ("PID", "READY"), acks)
            second = _read_until(helper, "READY" if first.startswith("PID") else "PID", acks)
            pid = int((first if first.startswith("PID") else second).split()[1])
            _read_until(helper, "", acks)  # the worker is in its loop: its first call has returned
            time.sleep(rng.uniform(0.0, 0.1))
            os.kill(pid, signal.SIGKILL)
            helper.stdin.write(f"wait {pid}\n")
            helper.stdin.flush()
            dead = _read_until(helper, "DEAD", acks)
            assert os.WIFSIGNALED(int(dead.split()[2])), "the worker died on its own: " + dead
            _check(profile / "pbxdesk.sqlite3", acks)
            start = max((i for _k, _n, i in acks), default=start) + 10
        assert sum(1 for k, _n, _i in acks if k == "S") >= 10  # saves really happened between the kills
    finally:
        helper.stdin.close()
        helper.wait(timeout=30)
