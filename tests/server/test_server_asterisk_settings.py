"""``pbxdesk serve --asterisk-settings FILE`` (or ``$PBXDESK_ASTERISK_SETTINGS``): the dialplans it deploys
follow the settings file; a bad file stops the server at start-up with one line, instead of failing
every deployment later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.server.server_helpers import REPO, ServerProcess

SETTINGS = "[asterisk]\ntrunk = SIP/trunk-out/8{number}\nrecord_dir = /var/spool/pbx-test\n"


def _number_file(data: Path, number: str) -> str:
    return (data / "asterisk" / "extensions_pbxdesk" / f"{number}.conf").read_text()


def test_deployed_dialplan_follows_the_settings_file(tmp_path: Path) -> None:
    settings = tmp_path / "asterisk.ini"
    settings.write_text(SETTINGS)
    server = ServerProcess(tmp_path / "data", extra=["--asterisk-settings", str(settings)]).start()
    try:
        tenant = server.tenant()
        number = tenant.numbers[0]
        got = tenant.get(f"/numbers/{number}")
        doc = got.json()
        doc["scenarios"]["working"] = {"type": "forward_external", "number": "4951234567", "timeout_s": 20,
                                       "announcement": None, "next": None}
        assert tenant.put(f"/numbers/{number}", doc, headers={"If-Match": got.headers["ETag"]}).status_code == 200
        assert tenant.wait_deployed(number, 2)["status"] == "ok"  # deployed by the in-process node agent
        assert "Dial(SIP/trunk-out/84951234567,20)" in _number_file(tmp_path / "data", number)
    finally:
        server.stop()


def test_environment_setting_and_a_bad_file_refuses_to_start(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ini"
    bad.write_text("[asterisk]\ntrunk = PJSIP/{number}@trunk;rm -rf\n")
    env = {**os.environ, "PBXDESK_ASTERISK_SETTINGS": str(bad)}
    proc = subprocess.run([sys.executable, "-m", "pbxdesk", "serve", "--data", str(tmp_path / "d"), "--port", "0"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("pbxdesk serve: trunk:")
    missing = subprocess.run([sys.executable, "-m", "pbxdesk", "serve", "--data", str(tmp_path / "d"), "--port", "0",
                              "--asterisk-settings", str(tmp_path / "nosuch.ini")],
                             cwd=REPO, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "cannot read settings" in missing.stderr
