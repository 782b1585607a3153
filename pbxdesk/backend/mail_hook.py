"""A mail program for the Asterisk ``mail_command`` setting: mails a voice message or fax as an attachment.

    python -m pbxdesk.backend.mail_hook KIND NUMBER FILE EMAIL...

``KIND`` is ``voicemail`` or ``fax``. The message goes to the local MTA through ``sendmail -t -oi``
(``PBXDESK_SENDMAIL`` overrides the program, ``PBXDESK_MAIL_FROM`` the sender). When ``FILE`` does not
exist or is empty (the caller hung up before leaving anything, the fax failed) nothing is sent.
Exit 0 when sent or nothing to send, 1 when the MTA failed, 2 for bad arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

from pbxdesk.backend.asterisk.syntax import is_email, is_number

KINDS = {"voicemail": ("audio", "wav", "Голосовое сообщение", "Voice message"),
         "fax": ("image", "tiff", "Факс", "Fax")}


def build_message(kind: str, number: str, path: Path, emails: list[str], sender: str) -> EmailMessage:
    maintype, subtype, title_ru, title_en = KINDS[kind]
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(emails)
    msg["Subject"] = f"{title_ru} / {title_en}: +7 {number}"
    msg.set_content(f"{title_ru} на номер +7 {number} во вложении.\n{title_en} for +7 {number} attached.\n")
    msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 4 or args[0] not in KINDS or not is_number(args[1]) or not all(map(is_email, args[3:])):
        print("usage: python -m pbxdesk.backend.mail_hook voicemail|fax NUMBER FILE EMAIL...", file=sys.stderr)
        return 2
    kind, number, file_name, emails = args[0], args[1], args[2], args[3:]
    path = Path(file_name)
    if not path.is_file() or path.stat().st_size == 0:
        return 0
    sender = os.environ.get("PBXDESK_MAIL_FROM", "pbxdesk@localhost")
    msg = build_message(kind, number, path, emails, sender)
    sendmail = os.environ.get("PBXDESK_SENDMAIL", "/usr/sbin/sendmail")
    try:
        proc = subprocess.run([sendmail, "-t", "-oi"], input=msg.as_bytes(), capture_output=True, timeout=120,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"pbxdesk mail: cannot run {sendmail}: {exc}", file=sys.stderr)
        return 1
    if proc.returncode != 0:
        print(f"pbxdesk mail: {sendmail} failed with exit {proc.returncode}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
