"""Two real Asterisk nodes, each in its own loopback-only network namespace with its own ``pbxdesk
node-agent``, behind one provisioning server: a change made with the CLI and synced (``pbxdesk set``,
``pbxdesk sync --wait-live``) makes the next call on *both* nodes follow the new routing."""

from __future__ import annotations

import io
import json
import shlex
import sys
from pathlib import Path

import pytest

from pbxdesk.backend.asterisk.files import DialplanFiles
from pbxdesk.cli import main as pbxdesk
from pbxdesk.sync import credentials
from tests.telephony.harness import Asterisk, Caller, Endpoint, Namespace, Uas

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
sys.path.insert(0, str(Path(__file__).parents[1] / "fleet"))
from fleet_helpers import AgentProcess, create_node
from server_helpers import ServerProcess

DIRECTORY = {"employees": [{"id": "anna", "name": "Анна", "extension": "301"},
                           {"id": "boris", "name": "Борис", "extension": "302"}], "departments": []}


def routing(number: str, employee: str) -> dict:
    return {"format": "pbxdesk.routing/1", "number": number, "name": "Приёмная", "timezone": "UTC",
            "schedule": {"mode": "always", "intervals": [{"id": "working", "name": "Рабочее время"},
                                                         {"id": "non_working", "name": "Нерабочее время"}],
                         "ranges": [], "exceptions": []},
            "scenarios": {"working": {"type": "message", "prompt": {"tts": "Здравствуйте, соединяю", "voice": "ru"},
                                      "next": {"type": "forward_employee", "employee": employee, "timeout_s": 10,
                                               "announcement": None, "next": None}}}}


def _cli(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    code = pbxdesk(list(argv))
    return code, out.getvalue()


def _call(ast: Asterisk, ns: Namespace, folder: Path, number: str, phones: dict[str, Uas], tag: str) -> str:
    """Place one call on a node; the extension whose phone got the INVITE."""
    before = {ext: len([m for m in uas.messages() if m.method == "INVITE" and not m.sent])
              for ext, uas in phones.items()}
    caller = Caller(ns, folder, f"caller-{tag}", 5090, 40100, number, hold_s=4)
    caller.start()
    assert caller.wait(60) is not None
    rung = [ext for ext, uas in phones.items()
            if len([m for m in uas.messages() if m.method == "INVITE" and not m.sent]) > before[ext]]
    assert len(rung) == 1, (rung, ast.console_tail())
    return rung[0]


def test_a_change_synced_from_the_cli_reaches_the_next_call_on_both_nodes(
        asterisk_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    namespaces: list[Namespace] = []
    nodes: list[tuple[Asterisk, Namespace, dict[str, Uas], AgentProcess]] = []
    try:
        tenant = server.tenant(DIRECTORY, numbers=1)
        number = tenant.numbers[0]
        put = tenant.put(f"/numbers/{number}", routing(number, "anna"), headers={"If-Match": '"r1"'})
        assert put.status_code == 200, put.text
        for name in ("ast-1", "ast-2"):
            ns = Namespace()
            namespaces.append(ns)
            root = tmp_path / name / "deploy"
            DialplanFiles(root).ensure_layout()  # what the agent writes first; Asterisk includes it at boot
            ast = Asterisk(asterisk_root, tmp_path / name / "asterisk", ns,
                           [Endpoint("301", 5071), Endpoint("302", 5072)], [root / "extensions_pbxdesk.conf"])
            (ast.workdir / "data" / "sounds" / "pbxdesk").symlink_to(root / "sounds" / "pbxdesk")
            ast.start()
            phones = {ext: Uas(ns, tmp_path / name / "sipp", port, 40000 + port % 100 * 10, answer_after_s=0.5)
                      for ext, port in (("301", 5071), ("302", 5072))}
            for uas in phones.values():
                uas.start()
            agent = AgentProcess(server.url, create_node(server, name), root,
                                 extra=["--reload-command", shlex.join(ast.rx_command())]).start()
            nodes.append((ast, ns, phones, agent))

        home = tmp_path / "home"
        monkeypatch.setenv(credentials.ENV_TOKEN, tenant.token)
        assert _cli(monkeypatch, "login", server.url, "--profile", str(home), stdin=tenant.token)[0] == 0
        code, out = _cli(monkeypatch, "sync", "--profile", str(home))
        assert code == 0, out
        tenant.wait_deployed(number, 2)
        for i, (ast, ns, phones, _agent) in enumerate(nodes):
            assert _call(ast, ns, tmp_path / f"ast-{i + 1}" / "sipp", number, phones, "before") == "301"

        edited = tmp_path / "edited.json"
        edited.write_text(json.dumps(routing(number, "boris"), ensure_ascii=False), encoding="utf-8")
        code, out = _cli(monkeypatch, "set", number, str(edited), "--profile", str(home))
        assert code == 0, out
        code, out = _cli(monkeypatch, "sync", "--profile", str(home), "--wait-live", "30")
        assert code == 0 and "pushed 1" in out and "DEPLOYING" not in out and "NOT LIVE" not in out, out
        status = tenant.get(f"/numbers/{number}/deploy").json()
        assert status["status"] == "ok" and status["live_on"] == 2 and status["revision"] == 3
        for i, (ast, ns, phones, _agent) in enumerate(nodes):
            assert _call(ast, ns, tmp_path / f"ast-{i + 1}" / "sipp", number, phones, "after") == "302"
            plays = [e for e in ast.executed(f"pbxdesk-{number}") if e.app == "Playback"]
            assert plays and all(e.args.startswith("pbxdesk/") for e in plays)
            # the node agent placed the prompt (fetched from the service by its hash) where this Asterisk plays it
            played = [line for line in ast.log_lines() if "Playing 'pbxdesk/" in line]
            assert len(played) == 2 and not [line for line in ast.log_lines() if "does not exist" in line]
    finally:
        for ast, _ns, phones, agent in nodes:
            agent.stop()
            for uas in phones.values():
                uas.stop()
            ast.stop()
        for ns in namespaces:
            ns.close()
        server.stop()
