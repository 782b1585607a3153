"""A tiny interpreter of the dialplan subset pbxdesk writes for forwards, for timing tests.

It runs one extension from priority 1 on a simulated clock: ``${EPOCH}`` is the clock, ``Dial`` rings
every ``&``-joined channel for its timeout and nobody answers (the clock advances by the timeout),
``Wait(n)`` advances it by n, ``DEVICE_STATE`` is ``INUSE`` for the busy devices and ``NOT_INUSE``
otherwise. It stops at ``Hangup`` or at a jump out of the extension, and returns the ring windows.
``WaitExten`` takes the caller's next input (an extension of the context, else ``i``; none: ``t``).
Supported: ``Set``, ``ExecIf``, ``GotoIf``, ``Goto``, ``Dial``, ``Wait``, ``Playback``, ``NoOp``; functions
``REGEX``, ``DEVICE_STATE``, ``LEN``; ``${VAR:offset}``; ``$[a OP b]`` with ``+ - = < >`` and ``|``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.backend.dialplan_checks import resolve
from tests.backend.dialplan_parser import Dialplan, split_top

_BINARY = re.compile(r"^\s*(-?\w+)\s*([-+=<>])\s*(-?\w+)\s*$")
_REGEX_ARGS = re.compile(r'^"(.*)"\s*(.*)$')


@dataclass
class Outcome:
    windows: list[tuple[str, int, int]] = field(default_factory=list)
    ended: str = ""  # "hangup" or the jump target
    plays: int = 0  # prompts played by Background (menus)


class Runner:
    def __init__(self, plan: Dialplan, busy: set[str], inputs: list[str] | None = None) -> None:
        self.plan = plan
        self.busy = busy
        self.inputs = list(inputs or [])  # what the caller dials at each WaitExten; none left: nothing
        self.now = 0
        self.vars: dict[str, str] = {}

    def expand(self, text: str, i: int = 0, stop: str | None = None) -> tuple[str, int]:
        out: list[str] = []
        while i < len(text):
            if stop is not None and text[i] == stop:
                return "".join(out), i
            if text.startswith("${", i) or text.startswith("$[", i):
                close = "}" if text[i + 1] == "{" else "]"
                inner, j = self.expand(text, i + 2, close)
                out.append(self.variable(inner) if close == "}" else self.expression(inner))
                i = j + 1
            else:
                out.append(text[i])
                i += 1
        return "".join(out), i

    def variable(self, inner: str) -> str:
        if m := re.fullmatch(r"(\w+)\((.*)\)", inner, flags=re.S):
            name, arg = m.groups()
            if name == "DEVICE_STATE":
                return "INUSE" if arg in self.busy else "NOT_INUSE"
            if name == "LEN":
                return str(len(arg))
            if name == "REGEX":
                rm = _REGEX_ARGS.match(arg)
                assert rm, arg
                return "1" if re.search(rm.group(1), rm.group(2)) else "0"
            raise AssertionError(f"unknown function {name}")
        if inner == "EPOCH":
            return str(self.now)
        if ":" in inner:
            name, offset = inner.split(":")
            return self.vars.get(name, "")[int(offset):]
        return self.vars.get(inner, "")

    def expression(self, inner: str) -> str:
        if "|" in inner:
            return "1" if any(self.expression(part) != "0" for part in inner.split("|")) else "0"
        m = _BINARY.match(inner)
        if not m:
            return inner.strip()
        a, op, b = int(m.group(1)), m.group(2), int(m.group(3))
        value = {"+": a + b, "-": a - b, "=": int(a == b), "<": int(a < b), ">": int(a > b)}[op]
        return str(value)

    def app(self, name: str, args: str) -> None:
        if name == "Set":
            var, value = args.split("=", 1)
            self.vars[var] = value
        elif name == "Wait":
            self.now += int(args)
        elif name in ("NoOp", "Playback", "Answer"):
            pass
        else:
            raise AssertionError(f"unsupported application {name}")

    def run(self, context: str, exten: str, limit: int = 100_000, whole_context: bool = False) -> Outcome:
        """Run from ``context,exten,1`` until a hangup or a jump out of the extension (or, with
        ``whole_context``, out of the context: a menu with its keys, ``i`` and ``t``)."""
        outcome = Outcome()
        ctx = self.plan.contexts[context]
        ext = ctx.extensions[exten]
        index = 1
        start = self.now
        for _ in range(limit):
            p = ext.priorities[index - 1]
            index += 1
            args, _ = self.expand(p.args)
            target: str | None = None
            if p.app == "Goto":
                target = p.args
            elif p.app == "GotoIf":
                cond, where = split_top(args, "?")
                if cond not in ("", "0"):
                    target = split_top(p.args, "?")[1]
            elif p.app == "ExecIf":
                cond, call = args.split("?", 1)
                if cond not in ("", "0"):
                    m = re.fullmatch(r"(\w+)\((.*)\)", call)
                    assert m, call
                    self.app(m.group(1), m.group(2))
            elif p.app == "Dial":
                channels, timeout = args.rsplit(",", 1)
                assert int(timeout) >= 1, f"line {p.line_no}: Dial timeout {timeout} (0 rings forever)"
                for channel in channels.split("&"):
                    outcome.windows.append((channel, self.now - start, self.now - start + int(timeout)))
                self.now += int(timeout)
            elif p.app == "WaitExten":
                self.now += int(args)
                dialled = self.inputs.pop(0) if self.inputs else None
                name = "t" if dialled is None else dialled if dialled in ctx.extensions else "i"
                ext, index = ctx.extensions[name], 1
            elif p.app == "Background":
                outcome.plays += 1
            elif p.app == "Hangup":
                outcome.ended = "hangup"
                return outcome
            else:
                self.app(p.app, args)
            if target is not None:
                key = resolve(self.plan, p, target)
                if key[0] != context or (key[1] != ext.name and not whole_context):
                    outcome.ended = target
                    return outcome
                ext, index = ctx.extensions[key[1]], key[2]
        raise AssertionError("the extension does not end")


def merged(windows: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Windows of the same channel that touch are one window (a re-Dial of a ringing member)."""
    out: list[tuple[str, int, int]] = []
    for channel, start, end in sorted(windows, key=lambda w: (w[1], w[0])):
        for k, (c, s, e) in enumerate(out):
            if c == channel and e == start:
                out[k] = (c, s, end)
                break
        else:
            out.append((channel, start, end))
    return sorted(out, key=lambda w: (w[1], w[0]))
