"""One greeting, two numbers: uploaded once, stored once, deployed once, and heard on both numbers' real
calls.

``pbxdesk serve`` deploys into a real Asterisk (as in ``test_serve_end_to_end``); a profile logged in with
the CLI makes the same audio file the greeting of two numbers and syncs: the greeting goes up once (the
second number finds it in the company's library), the server's library lists one file used by both numbers,
the node has one sound file, and a real call to each number plays it.
"""

from __future__ import annotations

import os
import shlex
import time
from pathlib import Path

from pbxdesk.domain.document import to_canonical_dict
from pbxdesk.store import Store
from pbxdesk.sync.client import ApiClient
from pbxdesk.sync.engine import SyncEngine
from tests.server.server_helpers import ServerProcess
from tests.support.tones import write_tone
from tests.telephony.harness import Asterisk, Caller, Namespace
from tests.telephony.test_serve_end_to_end import cli

NUMBERS = ("4957770201", "4957770202")



def test_a_greeting_shared_by_two_numbers_is_stored_once_and_plays_on_both(asterisk_root: Path,
                                                                            tmp_path: Path) -> None:
    data = tmp_path / "data"
    sounds = data / "asterisk" / "sounds" / "pbxdesk"
    settings = tmp_path / "asterisk.ini"
    settings.write_text(f"[asterisk]\nsound_prefix = {sounds}\nrecord_dir = {tmp_path / 'records'}\n")
    greeting = tmp_path / "Приветствие.wav"
    media_id = write_tone(greeting, 523, seconds=1, amplitude=6000)
    with Namespace() as ns:
        ast = Asterisk(asterisk_root, tmp_path / "ast", ns, [], [data / "asterisk" / "extensions_pbxdesk.conf"])
        server = ServerProcess(data, extra=["--asterisk-settings", str(settings),
                                            "--reload-command", shlex.join(ast.rx_command())])
        calls: list[Caller] = []
        try:
            ast.start()
            server.start()
            tenant = server.tenant(numbers=0)
            for number in NUMBERS:
                tenant.add_number(number)
            home = tmp_path / "profile"
            env = {**os.environ, "PBXDESK_HOME": str(home), "PBXDESK_TOKEN": tenant.token, "PBXDESK_LANG": "en"}
            cli("login", server.url, env=env, stdin=tenant.token + "\n")
            cli("sync", env=env)
            uploads = []
            with Store.open(home) as store:
                store.add_media(media_id, 1.0, str(greeting))
                for number in NUMBERS:  # the same file, chosen for each number, synced one after the other
                    doc = to_canonical_dict(store.get_saved(number))
                    doc["scenarios"]["working"] = {"type": "message", "prompt": {"audio": media_id}, "next": None}
                    assert not [p for p in store.save(number, doc) if p.is_error]
                    client = ApiClient(server.url, tenant.token)
                    try:
                        report = SyncEngine(store, client).run()
                    finally:
                        client.close()
                    assert report.ok and report.pushed == [number], report
                    uploads.append(report.media_uploaded)
            assert uploads == [[media_id], []]  # up once: the second sync found it in the library
            [item] = tenant.get("/media").json()["items"]
            assert item["id"] == media_id and item["numbers"] == sorted(NUMBERS)
            for number in NUMBERS:
                assert tenant.wait_deployed(number, 2, timeout=60)["status"] == "ok"
            for index, number in enumerate(NUMBERS):
                caller = Caller(ns, tmp_path / "callers", f"call{index}", 5090 + index, 41000 + index * 10, number,
                                hold_s=3)
                caller.start()
                assert caller.wait(60) is not None
                calls.append(caller)
            time.sleep(0.5)
        finally:
            server.stop()
            ast.stop()
    assert len(list(sounds.glob(f"{media_id}.*"))) == 1  # one sound file on the node for both numbers
    for number in NUMBERS:
        runs = [e for e in ast.executed(f"pbxdesk-{number}") if e.exten == "s" and e.priority == 1]
        assert len(runs) == 1, f"the call to {number} reached its dialplan"
        played = [e.args for e in ast.executed(f"pbxdesk-{number}") if e.channel == runs[0].channel
                  and e.app == "Playback"]
        assert played == [f"{sounds}/{media_id}"], (number, played)
