"""A number the provider withdraws stops taking calls on a real Asterisk through the normal deployment path:
``pbxdesk serve`` deploys it and a real call runs its dialplan; after ``pbxdesk admin remove-number`` the
deployment feed's ``deleted`` entry makes the node delete its dialplan file and reload, and the next call to
the number runs nothing of it (Asterisk has no such extension any more)."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

from tests.server.server_helpers import ServerProcess
from tests.telephony.harness import Asterisk, Caller, Namespace

NUMBER = "4957770200"
DIRECTORY = {"employees": [], "departments": []}  # the default routing: a greeting, then the call ends


def _call(ns: Namespace, workdir: Path, name: str, port: int) -> Caller:
    caller = Caller(ns, workdir, name, port, 42000 + port % 100 * 10, NUMBER, hold_s=2)
    caller.start()
    assert caller.wait(60) is not None
    return caller


def test_a_removed_number_no_longer_answers_on_the_node(asterisk_root: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    sounds = data / "asterisk" / "sounds" / "pbxdesk"
    settings = tmp_path / "asterisk.ini"
    settings.write_text(f"[asterisk]\nsound_prefix = {sounds}\nrecord_dir = {tmp_path / 'records'}\n")
    with Namespace() as ns:
        ast = Asterisk(asterisk_root, tmp_path / "ast", ns, [], [data / "asterisk" / "extensions_pbxdesk.conf"])
        server = ServerProcess(data, extra=["--asterisk-settings", str(settings),
                                            "--reload-command", shlex.join(ast.rx_command())])
        try:
            ast.start()
            server.start()
            tenant = server.tenant(DIRECTORY, numbers=0)
            tenant.add_number(NUMBER)
            assert tenant.wait_deployed(NUMBER, timeout=60)["status"] == "ok"
            first = _call(ns, tmp_path / "callers", "before", 5092)
            assert NUMBER in ast.cli("dialplan show pbxdesk-incoming").stdout

            code, _out, err = server.admin("remove-number", NUMBER)
            assert code == 0, err
            deadline = time.monotonic() + 30
            while NUMBER in ast.cli("dialplan show pbxdesk-incoming", check=False).stdout:
                assert time.monotonic() < deadline, "the removed number is still in the live dialplan"
                time.sleep(0.2)
            assert not list((data / "asterisk").rglob(f"*{NUMBER}*"))
            second = _call(ns, tmp_path / "callers", "after", 5093)
            time.sleep(0.5)
        finally:
            server.stop()
            ast.stop()
    runs = [e for e in ast.executed(f"pbxdesk-{NUMBER}") if e.exten == "s" and e.priority == 1]
    assert len(runs) == 1, "only the call before the removal reached the number's dialplan"
    assert any(m.status == 200 for m in first.messages() if not m.sent)  # answered, its greeting played
    assert not any(m.status == 200 and m.cseq_method == "INVITE" for m in second.messages() if not m.sent)
