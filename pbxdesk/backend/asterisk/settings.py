"""Settings of the Asterisk backend: channel names, the mail hook, where recordings go (docs/asterisk.md).

The settings file is INI with one ``[asterisk]`` section; every key is optional::

    [asterisk]
    employee_channel = PJSIP/{extension}
    employee_device = PJSIP/{extension}
    trunk = PJSIP/{number}@trunk
    mail_command = /usr/local/bin/pbxdesk-mail {kind} {number} {file} {emails}
    record_dir = /var/spool/asterisk/pbxdesk
    sound_prefix = pbxdesk
    voicemail_greeting = vm-intro
    fax_greeting =
    voicemail_max_s = 300

Every value ends up inside dialplan application arguments, so each is checked against a narrow
character set; a bad file raises :class:`SettingsError` with one readable line.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

SECTION = "asterisk"

# Characters a channel/device template may hold besides its placeholder: no ',', '&', ')', '$', ';', spaces.
_CHANNEL = re.compile(r"^[A-Za-z0-9_./@:+=-]*(\{(extension|number)\}[A-Za-z0-9_./@:+=-]*)*$")
_COMMAND = re.compile(r"^[A-Za-z0-9_./@:+= %-]*(\{(kind|number|file|emails)\}[A-Za-z0-9_./@:+= %-]*)*$")
_PATH = re.compile(r"^[A-Za-z0-9_./+-]+$")
_SOUND = re.compile(r"^[A-Za-z0-9_./-]*$")


class SettingsError(ValueError):
    """A settings file that cannot be read or holds a value that would break the dialplan."""


@dataclass(frozen=True)
class AsteriskSettings:
    employee_channel: str = "PJSIP/{extension}"
    """Dial string of an employee; ``{extension}`` is the employee's extension from the directory."""
    employee_device: str = "PJSIP/{extension}"
    """Device whose ``DEVICE_STATE`` tells whether an employee is busy; empty: never treated as busy."""
    trunk: str = "PJSIP/{number}@trunk"
    """Dial string of an external number; ``{number}`` is the 10-digit national number."""
    mail_command: str = "/usr/local/bin/pbxdesk-mail {kind} {number} {file} {emails}"
    """Shell command run by ``System()`` after a message or fax is taken (``{emails}``: space separated)."""
    record_dir: str = "/var/spool/asterisk/pbxdesk"
    """Absolute directory for recorded messages and received faxes."""
    sound_prefix: str = "pbxdesk"
    """How ``Playback`` names the deployed prompts: ``<sound_prefix>/<sha256>`` (absolute path allowed)."""
    voicemail_greeting: str = "vm-intro"
    """System prompt played before recording when a voicemail node has no greeting; empty: none."""
    fax_greeting: str = ""
    """System prompt played before receiving a fax when a fax node has no greeting; empty: none."""
    voicemail_max_s: int = 300
    """Longest voice message in seconds."""

    def check(self) -> AsteriskSettings:
        """Raise SettingsError for a value that could break the dialplan syntax; return self."""
        for name, pattern, placeholder in (("employee_channel", _CHANNEL, "{extension}"),
                                           ("employee_device", _CHANNEL, "{extension}"),
                                           ("trunk", _CHANNEL, "{number}")):
            value = getattr(self, name)
            if not pattern.fullmatch(value) or "{number}" in value and name != "trunk" \
                    or "{extension}" in value and name == "trunk":
                raise SettingsError(f"{name}: only letters, digits and _./@:+=- and {placeholder} are allowed")
            if value and placeholder not in value:
                raise SettingsError(f"{name} must contain {placeholder}")
        if not self.employee_channel or not self.trunk:
            raise SettingsError("employee_channel and trunk must not be empty")
        if not _COMMAND.fullmatch(self.mail_command) or not self.mail_command.strip():
            raise SettingsError("mail_command: only letters, digits, spaces and _./@:+=%- and the "
                                "placeholders {kind} {number} {file} {emails} are allowed")
        if not _PATH.fullmatch(self.record_dir) or not self.record_dir.startswith("/"):
            raise SettingsError("record_dir must be an absolute path of letters, digits and _./+-")
        if not self.sound_prefix or not _SOUND.fullmatch(self.sound_prefix) or self.sound_prefix.endswith("/"):
            raise SettingsError("sound_prefix: letters, digits and _./- only, not ending with /")
        for name in ("voicemail_greeting", "fax_greeting"):
            if not _SOUND.fullmatch(getattr(self, name)):
                raise SettingsError(f"{name}: letters, digits and _./- only")
        if not 1 <= self.voicemail_max_s <= 3600:
            raise SettingsError("voicemail_max_s must be between 1 and 3600")
        return self


DEFAULT_SETTINGS = AsteriskSettings()


def parse_settings(text: str) -> AsteriskSettings:
    """Settings from INI text (missing keys keep their defaults)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise SettingsError(f"not a valid settings file: {str(exc).splitlines()[0]}") from exc
    if not parser.has_section(SECTION):
        raise SettingsError(f"the settings file has no [{SECTION}] section")
    known = {f.name: f for f in fields(AsteriskSettings)}
    values: dict[str, object] = {}
    for key, raw in parser.items(SECTION):
        if key not in known:
            raise SettingsError(f"unknown setting {key!r} (known: {', '.join(known)})")
        if key == "voicemail_max_s":
            try:
                values[key] = int(raw)
            except ValueError:
                raise SettingsError(f"voicemail_max_s must be a number of seconds, not {raw!r}") from None
        else:
            values[key] = raw.strip()
    return replace(DEFAULT_SETTINGS, **values).check()  # type: ignore[arg-type]


def load_settings(path: Path | str | None) -> AsteriskSettings:
    """The settings of a file, or the defaults when ``path`` is None."""
    if path is None:
        return DEFAULT_SETTINGS
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read settings {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return parse_settings(text)
