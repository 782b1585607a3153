"""The demo profile's server runs as a child process of the app (pbxdesk/desktop/demo_server.py): it serves the
demo company, stops with the app, and never outlives an app that was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from pbxdesk.desktop import demo_server
from pbxdesk.desktop.demo_server import DemoServer

API = "/api/v1"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a child of this process that has ended is a zombie until reaped
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def test_the_demo_server_serves_the_demo_company_and_stops(tmp_path: Path) -> None:
    server = DemoServer(tmp_path / "server").wait()
    try:  # on a lower CPU priority than the app: its start-up does not take the core the app's first screen needs
        assert os.getpriority(os.PRIO_PROCESS, server._proc.pid) == min(19, os.getpriority(os.PRIO_PROCESS, 0) + 10)
        assert server.url is not None and server.url.startswith("http://127.0.0.1:") and server.token
        answer = requests.get(server.url + API + "/numbers", headers={"Authorization": f"Bearer {server.token}"},
                              timeout=10)
        assert answer.status_code == 200 and len(answer.json()["items"]) == 5
    finally:
        server.stop()
    assert not server.running()
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + API + "/numbers", timeout=2)
    assert "GET /api/v1/numbers" in (tmp_path / "server" / "server.log").read_text(encoding="utf-8")
    again = DemoServer(tmp_path / "server").wait()  # the same data: the same company and token
    try:
        assert again.token == server.token
    finally:
        again.stop()


def test_a_server_started_early_is_the_one_the_profile_takes(tmp_path: Path) -> None:
    data = tmp_path / "demo" / "server"
    data.mkdir(parents=True)
    demo_server.prestart(data)
    taken = demo_server.take(data)
    try:
        assert taken.wait().url and demo_server.take(data) is not taken  # taken once; a second take starts anew
    finally:
        taken.stop()
    for late in list(demo_server._started.values()):
        late.stop()
    demo_server._started.clear()


PARENT = """
import sys, time
from pbxdesk.desktop.demo_server import DemoServer
server = DemoServer(sys.argv[1]).wait()
print(server._proc.pid, server.url, flush=True)
time.sleep(120)
"""


def test_the_demo_server_ends_when_the_app_is_killed(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "server")], stdout=subprocess.PIPE,
                              text=True)
    child = 0
    try:
        assert parent.stdout is not None
        child, url = parent.stdout.readline().split()
        child = int(child)
        assert requests.get(url + API + "/openapi.json", timeout=10).status_code == 200
        parent.send_signal(signal.SIGKILL)  # no chance to stop its server
        parent.wait(10)
        deadline = time.monotonic() + 20
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child), "the demo server outlived the app"
    finally:
        parent.kill()
        parent.wait()
        if child and _alive(child):
            os.kill(child, signal.SIGKILL)


def test_the_demo_servers_priority_can_be_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = os.getpriority(os.PRIO_PROCESS, 0)
    for value, expected in (("0", own), ("3", min(19, own + 3)), ("not a number", min(19, own + 10))):
        monkeypatch.setenv("PBXDESK_DEMO_SERVER_NICE", value)
        server = DemoServer(tmp_path / "server")
        try:
            assert os.getpriority(os.PRIO_PROCESS, server._proc.pid) == expected, value
        finally:
            server.stop()
