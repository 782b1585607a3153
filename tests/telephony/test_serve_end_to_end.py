"""End to end, as an operator and an administrator run it: ``pbxdesk serve`` deploys into a real Asterisk
and reloads it; a change made with the CLI (``pbxdesk get`` / ``set`` / ``sync``) is live for the next call.

The server runs on loopback with ``--asterisk-settings`` and ``--reload-command`` (``asterisk -rx "dialplan
reload"`` through the instance's control socket); Asterisk and the phones run in their own network
namespace. Each real call is compared with ``pbxdesk simulate`` run as a command for the same document.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from pbxdesk.backend.asterisk.nodes import tts_sound_name
from tests.server.server_helpers import ServerProcess
from tests.telephony.harness import Asterisk, Caller, Endpoint, Namespace, Uas

NUMBER = "4957770100"
DIRECTORY = {"employees": [{"id": "anna", "name": "Анна", "extension": "301", "email": "anna@example.ru"},
                           {"id": "boris", "name": "Борис", "extension": "302", "email": "boris@example.ru"}],
             "departments": [{"id": "sales", "name": "Продажи", "members": ["anna", "boris"]}]}
REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict[str, str], stdin: str = "") -> str:
    proc = subprocess.run([sys.executable, "-m", "pbxdesk", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"pbxdesk {' '.join(args)}: {proc.stdout}{proc.stderr}"
    return proc.stdout


def place_call(ns: Namespace, workdir: Path, name: str, port: int) -> Caller:
    caller = Caller(ns, workdir, name, port, 41000 + port % 100 * 10, NUMBER, hold_s=3)
    caller.start()
    assert caller.wait(60) is not None
    return caller


def test_a_change_synced_from_the_cli_is_followed_by_the_next_real_call(asterisk_root: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    sounds = data / "asterisk" / "sounds" / "pbxdesk"
    settings = tmp_path / "asterisk.ini"
    settings.write_text(f"[asterisk]\nsound_prefix = {sounds}\nrecord_dir = {tmp_path / 'records'}\n")
    with Namespace() as ns:
        ast = Asterisk(asterisk_root, tmp_path / "ast", ns, [Endpoint("301", 5071), Endpoint("302", 5070)],
                       [data / "asterisk" / "extensions_pbxdesk.conf"])
        server = ServerProcess(data, extra=["--asterisk-settings", str(settings),
                                            "--reload-command", shlex.join(ast.rx_command())])
        try:
            ast.start()
            phones = tmp_path / "phones"
            Uas(ns, phones, 5070, 40000, None).start()
            anna = Uas(ns, phones, 5071, 40010, 1.0)
            anna.start()
            server.start()
            tenant = server.tenant(DIRECTORY, numbers=0)
            tenant.add_number(NUMBER)
            env = {**os.environ, "PBXDESK_HOME": str(tmp_path / "profile"), "PBXDESK_TOKEN": tenant.token,
                   "PBXDESK_LANG": "en"}
            cli("login", server.url, env=env, stdin=tenant.token + "\n")
            cli("sync", env=env)

            def publish(working: dict) -> None:
                doc = json.loads(cli("get", NUMBER, env=env))
                doc["scenarios"]["working"] = working
                path = tmp_path / "routing.json"
                path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
                cli("set", NUMBER, str(path), env=env)
                cli("sync", "--wait-live", "60", env=env)  # accepted at once, live once the node reloaded
                status = tenant.get(f"/numbers/{NUMBER}/deploy")
                assert status.status_code == 200 and "reloaded" in status.text, status.text

            first = {"type": "message", "prompt": {"tts": "First routing", "voice": "en"}, "next": None}
            publish(first)
            call1 = place_call(ns, tmp_path / "callers", "first", 5090)
            second = {"type": "forward_employee", "employee": "anna", "timeout_s": 10, "announcement": None,
                      "next": None}
            publish(second)
            call2 = place_call(ns, tmp_path / "callers", "second", 5091)
            time.sleep(0.5)
        finally:
            server.stop()
            ast.stop()
    runs = [e for e in ast.executed(f"pbxdesk-{NUMBER}") if e.exten == "s" and e.priority == 1]
    assert len(runs) == 2, "both calls reached the number's dialplan"
    first_call = [e for e in ast.executed(f"pbxdesk-{NUMBER}") if e.channel == runs[0].channel]
    assert [e.args for e in first_call if e.app == "Playback"] == [f"{sounds}/{tts_sound_name('First routing', 'en')}"]
    assert not any(e.app == "Dial" for e in first_call)
    assert not any(m.sent and m.method == "BYE" for m in call1.messages())  # Asterisk hung up, not the caller
    # the second call rang anna, who picked up after 1 s: what `pbxdesk simulate` says for this document
    invites = [m for m in anna.messages() if not m.sent and m.method == "INVITE"]
    answers = [m for m in anna.messages() if m.sent and m.status == 200 and m.cseq_method == "INVITE"]
    assert [m.user for m in invites] == ["301"] and len(answers) == 1
    assert 0.8 < (answers[0].at - invites[0].at).total_seconds() < 1.5
    assert any(m.method == "BYE" for m in call2.messages())
    doc_path, dir_path = tmp_path / "doc.json", tmp_path / "dir.json"
    env = {**os.environ, "PBXDESK_HOME": str(tmp_path / "profile"), "PBXDESK_LANG": "en"}
    doc_path.write_text(cli("get", NUMBER, env=env), encoding="utf-8")
    dir_path.write_text(json.dumps(DIRECTORY), encoding="utf-8")
    simulated = json.loads(cli("simulate", str(doc_path), "--at", runs[1].at.isoformat(), "--directory",
                               str(dir_path), "--answer", "anna@1", env=env))
    assert simulated["outcome"] == {"kind": "connected", "employee": "anna"}
    assert [(s["target"], s["from_s"], s["to_s"]) for s in simulated["steps"] if s["kind"] == "ring"] == \
        [("anna", 0, 1)]
