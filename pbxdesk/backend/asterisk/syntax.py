"""Building blocks of ``extensions.conf`` text that can never be broken by user data.

User text (names, TTS text, e-mails, ids) never goes into an application argument: names only into
comments, after :func:`comment_text` keeps letters, digits and a few harmless characters; TTS text only
as the content hash of its sound file; numbers, extensions, dates, e-mails and time zones only after a
strict pattern check (:func:`is_number`, :func:`is_extension`, :func:`is_email` of
:mod:`pbxdesk.domain.text`, ...).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Extensions and e-mails follow the one rule of pbxdesk.domain.text (validation and the directory import
# refuse what the dialplan could not use); e-mails in that rule are safe on a shell command line and inside
# application arguments.
from pbxdesk.domain.text import is_email as is_email
from pbxdesk.domain.text import is_extension as is_extension

_NUMBER = re.compile(r"^[0-9]{10}$")
_TIMEZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE = re.compile(r"[^\w .,:/@+*#~=()-]")  # \w: letters and digits of any script, and _
_DASHES = re.compile(r"-{2,}")
COMMENT_MAX = 100


def is_number(text: object) -> bool:
    """A national 10-digit number (context names and trunk dial strings are built from it)."""
    return isinstance(text, str) and bool(_NUMBER.fullmatch(text))


def is_media_id(text: object) -> bool:
    return isinstance(text, str) and bool(_HEX64.fullmatch(text))


def is_timezone(text: object) -> bool:
    """An IANA zone name zoneinfo knows, spelled with safe characters only."""
    if not isinstance(text, str) or not _TIMEZONE.fullmatch(text) or ".." in text:
        return False
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


@functools.lru_cache(maxsize=4096)
def comment_text(text: str) -> str:
    """Text safe after ``;`` on one line: letters, digits, spaces and ``.,_:/@+*#~=()-``; no ``--``."""
    cleaned = _DASHES.sub("-", _UNSAFE.sub("_", str(text))).strip()
    return cleaned[:COMMENT_MAX]


def context_name(number: str, suffix: str = "") -> str:
    """``pbxdesk-4952302222`` (the number's main context) or ``pbxdesk-4952302222-menu1``."""
    if not is_number(number):
        raise ValueError(f"not a 10-digit number: {number!r}")
    return f"pbxdesk-{number}" + (f"-{suffix}" if suffix else "")


def channel_regex(device: str) -> str:
    """``^<device>-``: the names of the channels of a device (``PJSIP/101-0000002a``) for ``CHANNELS``;
    the regex characters a device name may hold are bracketed (the dialplan has no backslashes)."""
    return "^" + device.replace(".", "[.]").replace("+", "[+]") + "-"


def free_expr(device: str | None) -> str:
    """An expression (for ``$[...]``) that is 1 when the device can be rung now, else 0.

    Free: the device has no channel (``CHANNELS``: it is neither ringing nor in a call, on hold or busy
    here) and is neither ``UNAVAILABLE`` (not reachable) nor ``INVALID`` (no such device); SPEC §6 does not
    ring a busy employee. The channel list is exact at every instant, while ``DEVICE_STATE`` of a ringing
    or talking device is a cached value that Asterisk recomputes asynchronously: it still reads ``RINGING``
    for about 50 ms after a ``Dial`` to the device ended (on a loaded machine longer, or until the device's
    next call), and flips to ``NOT_INUSE`` at a moment of its own, which an expression reading it twice can
    straddle. So the state is asked only for what no channel shows, which does not change with a call's
    timing. Without a device (setting ``employee_device`` empty) the member is free.
    """
    if not device:
        return "1"
    return (f"${{LEN(${{CHANNELS({channel_regex(device)})}})}} = 0"
            f' & ${{REGEX("^(UNAVAILABLE|INVALID)$" ${{DEVICE_STATE({device})}})}} = 0')


def free_cond(device: str | None) -> str:
    """``$[...]`` that is 1 when the device is free (see :func:`free_expr`)."""
    return f"$[{free_expr(device)}]"


def busy_expr(device: str | None) -> str:
    """``$[...]`` that is 1 when the device is busy (see :func:`free_expr`)."""
    return f"$[({free_expr(device)}) = 0]"


@dataclass
class Extension:
    """One extension: its priorities in order, each an application with optional label and comment."""

    name: str
    lines: list[tuple[str | None, str, str | None]] = field(default_factory=list)

    def add(self, app: str, label: str | None = None, comment: str | None = None) -> None:
        self.lines.append((label, app, comment))

    def render(self) -> list[str]:
        out: list[str] = []
        for i, (label, app, comment) in enumerate(self.lines):
            if comment:
                out.append(f"; {comment_text(comment)}")
            prio = "1" if i == 0 else "n"
            if label:
                prio += f"({label})"
            out.append(f"exten => {self.name},{prio},{app}" if i == 0 else f" same => {prio},{app}")
        return out


@dataclass
class Context:
    name: str
    comments: list[str] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)

    def extension(self, name: str) -> Extension:
        ext = Extension(name)
        self.extensions.append(ext)
        return ext

    def render(self) -> list[str]:
        out = [f"; {comment_text(c)}" for c in self.comments]
        out.append(f"[{self.name}]")
        for ext in self.extensions:
            out.extend(ext.render())
        out.append("")
        return out


class CompileError(ValueError):
    """A routing document the Asterisk backend cannot compile (bad number or time zone)."""


class DirectoryRequired(CompileError):
    """The document rings or mails employees or departments, and no directory was given."""
