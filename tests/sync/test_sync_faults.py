"""Fault injection: the server SIGKILLed and restarted at random points of pulls and pushes, answers cut
mid-response, 500s and garbage for a while. Afterwards both profiles and the server hold the same documents
and every saved edit is on the server exactly once (one revision per save)."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Company, ForkingServer, Profile, Proxy, Server, canonical, http_answer


def _settle(*profiles: Profile, attempts: int = 1) -> None:
    """Sync until everything is in: every profile twice; each sync gets ``attempts`` tries to succeed
    (more than one while faults are still being injected)."""
    for _round in range(2):
        for p in profiles:
            for _ in range(attempts):
                report = p.sync(retries=2)
                if report.ok:
                    break
            assert report.ok, (p.path.name, report)


def _check(company: Company, expected: dict[str, int], *profiles: Profile) -> None:
    for number, revisions in expected.items():
        on_server = canonical(company.document(number))
        for p in profiles:
            assert canonical(p.saved(number)) == on_server, (p.path.name, number)
            assert p.store.summary(number).sync_state == "synced"
        assert company.revision_count(number) == revisions, number


def _edit_some(rng: random.Random, p: Profile, own: list[str], tag: str, expected: dict[str, int]) -> None:
    for number in rng.sample(own, rng.randint(1, len(own))):
        p.edit(number, name=f"{p.path.name} {tag} {number[-4:]}")
        expected[number] += 1


@pytest.fixture
def forking(tmp_path: Path) -> Iterator[ForkingServer]:
    server = ForkingServer(tmp_path / "server").start()
    yield server
    server.stop()


@pytest.mark.slow
def test_server_killed_and_restarted_at_random_points(forking: ForkingServer, tmp_path: Path) -> None:
    rng = random.Random(7)
    company = forking.company(numbers=6)
    a, b = Profile(tmp_path / "a", company), Profile(tmp_path / "b", company)
    expected = {n: 1 for n in company.numbers}
    own = {a: company.numbers[:3], b: company.numbers[3:]}
    _settle(a, b)
    interrupted = 0
    try:
        for run in range(32):
            for p in (a, b):
                _edit_some(rng, p, own[p], f"run{run}", expected)
            victim = (a, b)[run % 2]  # pulls the other's previous pushes, then pushes its own
            box: dict[str, object] = {}
            worker = threading.Thread(target=lambda v=victim, out=box: out.setdefault("r", v.sync(retries=1)))
            worker.start()
            time.sleep(rng.uniform(0.0, 0.05))
            forking.kill()
            worker.join(30)
            report = box["r"]
            interrupted += bool(getattr(report, "offline", None))
            forking.start()
            _settle(a, b)
            _check(company, expected, a, b)
        assert forking.starts == 33
        assert interrupted >= 5  # the kills did land in the middle of syncs
    finally:
        a.close()
        b.close()


@pytest.mark.slow
def test_answers_cut_mid_response(server: Server, tmp_path: Path) -> None:
    rng = random.Random(11)
    company = server.company(numbers=4)
    cuts = {"left": 25}

    def cut_after(_index: int) -> int | None:
        if cuts["left"] <= 0 or rng.random() < 0.3:
            return None
        cuts["left"] -= 1
        return rng.randint(1, 600)

    proxy = Proxy(server.port, cut_after=cut_after)
    a, b = Profile(tmp_path / "a", company, proxy.url), Profile(tmp_path / "b", company, proxy.url)
    expected = {n: 1 for n in company.numbers}
    own = {a: company.numbers[:2], b: company.numbers[2:]}
    try:
        for run in range(8):
            for p in (a, b):
                if run:
                    _edit_some(rng, p, own[p], f"cut{run}", expected)
                p.sync(retries=6)  # may end offline or with an item to retry
            _settle(a, b, attempts=20)  # faults still on: every save is in before the next edits
        _settle(a, b)
        assert proxy.cut >= 10
        _check(company, expected, a, b)
    finally:
        proxy.close()
        a.close()
        b.close()


@pytest.mark.slow
def test_500_and_garbage_for_a_while(server: Server, tmp_path: Path) -> None:
    rng = random.Random(5)
    company = server.company(numbers=10)  # >= 8: the first pull fetches in parallel
    bad = [http_answer(500, b'{"title":"boom"}', {"Content-Type": "application/json"}),
           b"this is not HTTP at all\r\n\r\n",
           http_answer(200, b"{not json", {"Content-Type": "application/json"}),
           http_answer(200, b'{"changes": 5}', {"Content-Type": "application/json"}),
           http_answer(502, b"<html>bad gateway</html>")]
    budget = {"left": 40}

    def spoil(_index: int) -> bytes | None:
        if budget["left"] <= 0 or rng.random() < 0.4:
            return None
        budget["left"] -= 1
        return rng.choice(bad)

    proxy = Proxy(server.port, spoil=spoil)
    a, b = Profile(tmp_path / "a", company, proxy.url), Profile(tmp_path / "b", company, proxy.url)
    expected = {n: 1 for n in company.numbers}
    own = {a: company.numbers[:5], b: company.numbers[5:]}
    try:
        for run in range(8):
            for p in (a, b):
                if run:
                    _edit_some(rng, p, own[p], f"bad{run}", expected)
                report = p.sync(retries=2)
                for number in filter(p.store.has_number, own[p]):  # nothing was marked refused for good
                    assert p.store.summary(number).sync_state in ("synced", "changed"), report
            _settle(a, b, attempts=20)
        _settle(a, b)
        assert proxy.spoiled >= 20
        _check(company, expected, a, b)
    finally:
        proxy.close()
        a.close()
        b.close()


def _sync_in_child(path: Path, url: str, token: str) -> int:
    """Fork a child that syncs the profile at ``path`` (its own Store and client) and return its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            from pbxdesk.store import Store
            from pbxdesk.sync.client import ApiClient
            from pbxdesk.sync.engine import SyncEngine

            with Store.open(path) as store:
                SyncEngine(store, ApiClient(url, token)).run()
            code = 0
        finally:
            os._exit(code)
    return pid


@pytest.mark.slow
def test_client_killed_at_random_points(server: Server, tmp_path: Path) -> None:
    """The syncing process itself is SIGKILLed mid-run (pull, push, or recording a push); the next sync
    resumes without duplicates or losses."""
    rng = random.Random(3)
    company = server.company(numbers=10)
    a = Profile(tmp_path / "a", company)
    expected = {n: 1 for n in company.numbers}
    killed = 0
    try:
        _settle(a)
        for run in range(10):
            _edit_some(rng, a, company.numbers, f"crash{run}", expected)
            pid = _sync_in_child(a.path, a.url, company.token)
            time.sleep(rng.uniform(0.0, 0.06))
            os.kill(pid, signal.SIGKILL)
            _pid, status = os.waitpid(pid, 0)
            killed += os.WIFSIGNALED(status)
            _settle(a)
            _check(company, expected, a)
        assert killed >= 5
    finally:
        a.close()
