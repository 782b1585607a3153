"""``pbxdesk sync`` and ``pbxdesk status`` say which numbers are not live on every Asterisk node and why:
a real server whose in-process node agent deploys with a reload command that fails (Asterisk down) or
works; the change is made with ``pbxdesk set`` and pushed with ``pbxdesk sync --wait-live``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from server_helpers import ServerProcess
from sync_helpers import run_cli

from pbxdesk.store import Store
from pbxdesk.sync import credentials


def _edit(home: Path, number: str, tmp_path: Path, text: str) -> Path:
    with Store.open(home) as store:
        doc = store.get_saved(number)
        assert doc is not None
        data = json.loads(doc.model_dump_json())
    data["scenarios"]["working"]["prompt"]["tts"] = text
    path = tmp_path / f"{number}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("asterisk_up", [False, True], ids=["asterisk-down", "asterisk-up"])
def test_sync_and_status_say_which_numbers_are_not_live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str],
                                                        asterisk_up: bool) -> None:
    reload = "true" if asterisk_up else "sh -c 'echo Unable to connect to remote asterisk >&2; exit 1'"
    server = ServerProcess(tmp_path / "server", extra=["--reload-command", reload]).start()
    try:
        tenant = server.tenant(numbers=2)
        home = tmp_path / "home"
        monkeypatch.setenv(credentials.ENV_TOKEN, tenant.token)
        monkeypatch.delenv("PBXDESK_HOME", raising=False)
        assert run_cli(monkeypatch, capsys, "login", server.url, "--profile", str(home), stdin=tenant.token)[0] == 0
        assert run_cli(monkeypatch, capsys, "sync", "--profile", str(home))[0] in (0, 1)
        number = tenant.numbers[0]
        edited = _edit(home, number, tmp_path, "Новое приветствие")
        assert run_cli(monkeypatch, capsys, "set", number, str(edited), "--profile", str(home))[0] == 0
        code, out, err = run_cli(monkeypatch, capsys, "sync", "--profile", str(home), "--wait-live", "20")
        assert "pushed 1" in out
        code_status, status_en, _ = run_cli(monkeypatch, capsys, "status", "--profile", str(home), "--lang", "en")
        _c, status_ru, _ = run_cli(monkeypatch, capsys, "status", "--profile", str(home), "--lang", "ru")
        if asterisk_up:
            assert code == 0, out + err
            assert "NOT LIVE" not in out and "DEPLOYING" not in out and "not yet live" not in out
            assert "Not yet live" not in status_en
            return
        assert code == 1, out + err
        assert "not yet live on every Asterisk node: 2 (2 failed)" in out
        line = next(x for x in out.splitlines() if x.startswith(f"NOT LIVE {number} "))
        assert line.startswith(f"NOT LIVE {number} (r2): live on 0 of 1 nodes; node local: revision 2 ")
        assert "the reload failed (exit 1: Unable to connect to remote asterisk)" in line
        assert "Not yet live on every Asterisk node (as of the last sync): 2" in status_en
        assert f"{number}  " in status_en and "[FAILED] r2: live on 0 of 1 nodes; node local:" in status_en
        assert "Ещё не работает на всех узлах Asterisk (по последней синхронизации): 2" in status_ru
        assert "[ОШИБКА] r2: работает на узлах: 0 из 1; узел local:" in status_ru
        code, out, _err = run_cli(monkeypatch, capsys, "status", "--profile", str(home), "--json")
        [entry] = [d for d in json.loads(out)["not_live"] if d["number"] == number]
        assert entry["state"] == "failed" and entry["nodes"][0]["node"] == "local"
    finally:
        server.stop()
