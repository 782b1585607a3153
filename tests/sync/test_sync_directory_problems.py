"""After a directory import that breaks routings, ``pbxdesk sync`` says which numbers have problems and
``pbxdesk status`` lists exactly them, with the pointer and code of each problem (ru/en); a dry run of the
import changes nothing the sync could see."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from server_helpers import ServerProcess
from sync_helpers import run_cli
from test_server_directory_problems import AFTER, STAFF, forward_to, import_directory, routed

from pbxdesk.sync import credentials


def test_sync_and_status_list_exactly_the_numbers_an_import_broke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    server = ServerProcess(tmp_path / "server", extra=["--no-deploy"]).start()
    try:
        tenant = server.tenant(STAFF, numbers=3)
        untouched, to_boris, to_vera = tenant.numbers
        routed(tenant, to_boris, forward_to("boris"))
        routed(tenant, to_vera, forward_to("vera"))
        home = tmp_path / "home"
        monkeypatch.setenv(credentials.ENV_TOKEN, tenant.token)
        monkeypatch.delenv("PBXDESK_HOME", raising=False)
        profile = ["--profile", str(home)]
        assert run_cli(monkeypatch, capsys, "login", server.url, *profile, stdin=tenant.token)[0] == 0
        code, out, err = run_cli(monkeypatch, capsys, "sync", *profile, "--lang", "en")
        assert code == 0, out + err
        assert "problems against the company directory" not in out

        assert import_directory(server, tenant, AFTER, "--dry-run")[0] == 0
        code, out, _err = run_cli(monkeypatch, capsys, "sync", *profile, "--lang", "en")
        assert code == 0 and "problems against" not in out and "directory updated" not in out
        assert "Problems against" not in run_cli(monkeypatch, capsys, "status", *profile, "--lang", "en")[1]

        assert import_directory(server, tenant, AFTER)[0] == 0
        code, out, err = run_cli(monkeypatch, capsys, "sync", *profile, "--lang", "en")
        assert code == 0, out + err
        assert "directory updated" in out
        both = ", ".join(sorted([to_boris, to_vera]))
        assert f"problems against the company directory: 2 number(s) ({both})" in out

        code, status, _err = run_cli(monkeypatch, capsys, "status", *profile, "--lang", "en")
        assert code == 0
        section = status[status.index("Problems against the company directory (as of the last sync): 2"):]
        assert untouched not in section
        assert f"  {to_boris}  " in section and "[2 problem(s)]" in section
        assert "    ERROR /scenarios/working/next/employee employee.unknown: Unknown employee 'boris'" in section
        assert f"  {to_vera}  " in section
        assert "    WARNING /scenarios/working/next/employee employee.no_extension" in section
        _c, russian, _e = run_cli(monkeypatch, capsys, "status", *profile, "--lang", "ru")
        assert "Проблемы из-за справочника компании (по последней синхронизации): 2" in russian
        assert "Неизвестный сотрудник «boris»" in russian and "[проблем: 2]" in russian
        _c, out, _e = run_cli(monkeypatch, capsys, "status", *profile, "--json")
        entries = json.loads(out)["directory_problems"]
        assert [(e["number"], e["problems"]) for e in entries] == sorted([(to_boris, 2), (to_vera, 1)])

        # the routing fixed on the server (Boris's forward now goes to Anna): the next sync clears the mark
        doc = tenant.get(f"/numbers/{to_boris}").json()
        doc["scenarios"]["working"]["next"] = forward_to("anna")
        assert tenant.put(f"/numbers/{to_boris}", doc, headers={"If-Match": '"r2"'}).status_code == 200
        code, out, _err = run_cli(monkeypatch, capsys, "sync", *profile, "--lang", "en")
        assert f"problems against the company directory: 1 number(s) ({to_vera})" in out
    finally:
        server.stop()
