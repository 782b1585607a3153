"""The mail program for ``mail_command``: a message or fax mailed as an attachment to every recipient.

There is no mail server here, so ``PBXDESK_SENDMAIL`` points to a small script that stores what it is
given (a stand-in for the MTA only); the program under test runs for real as a child process.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest


@pytest.fixture
def fake_sendmail(tmp_path) -> tuple[Path, Path]:
    out = tmp_path / "sent.eml"
    script = tmp_path / "sendmail"
    script.write_text(f"#!/bin/sh\necho \"$@\" > '{tmp_path}/args'\ncat > '{out}'\n", encoding="utf-8")
    script.chmod(0o755)
    return script, out


def hook(*args: str, sendmail: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PBXDESK_SENDMAIL=str(sendmail), PBXDESK_MAIL_FROM="pbx@example.ru")
    return subprocess.run([sys.executable, "-m", "pbxdesk.backend.mail_hook", *args], env=env,
                          capture_output=True, timeout=60)


def test_voicemail_is_mailed_to_every_recipient(tmp_path, fake_sendmail) -> None:
    sendmail, out = fake_sendmail
    recording = tmp_path / "voicemail-4952302222-1700000000.1.wav"
    recording.write_bytes(b"RIFF....WAVEfmt fake audio bytes")
    proc = hook("voicemail", "4952302222", str(recording), "anna@example.ru", "office@example.ru",
                sendmail=sendmail)
    assert proc.returncode == 0, proc.stderr
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["To"] == "anna@example.ru, office@example.ru" and msg["From"] == "pbx@example.ru"
    assert "4952302222" in msg["Subject"]
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "audio/wav"
    assert attachment.get_content() == recording.read_bytes()
    assert (tmp_path / "args").read_text().split() == ["-t", "-oi"]


def test_nothing_recorded_nothing_sent(tmp_path, fake_sendmail) -> None:
    sendmail, out = fake_sendmail
    assert hook("fax", "4952302222", str(tmp_path / "none.tif"), "a@example.ru", sendmail=sendmail).returncode == 0
    assert not out.exists()


def test_bad_arguments_and_failing_mta(tmp_path, fake_sendmail) -> None:
    sendmail, _out = fake_sendmail
    fax = tmp_path / "f.tif"
    fax.write_bytes(b"II*\x00tiff")
    assert hook("fax", "4952302222", str(fax), "not-an-email;rm", sendmail=sendmail).returncode == 2
    assert hook("sms", "4952302222", str(fax), "a@example.ru", sendmail=sendmail).returncode == 2
    assert hook("fax", "4952302222", str(fax), "a@example.ru", sendmail=Path("/bin/false")).returncode == 1
