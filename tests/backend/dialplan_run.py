"""A tiny interpreter of the dialplan pbxdesk writes for forwards and menus, on a simulated clock.

It runs one extension from priority 1. ``${EPOCH}`` and ``${STRFTIME(,,%s.%3q)}`` read the clock (it starts
at 0 and only ``Wait``, ``Dial`` and ``WaitExten`` move it); nobody answers. ``Dial`` of devices rings
each one from now until its timeout (or, inside a ``Local/`` leg, until the leg is hung up); ``Dial`` of
``Local/<exten>@<context>`` legs runs each leg as its own channel from the same instant, with the
variables a real Asterisk passes on (``_VAR`` one level as ``VAR``, ``__VAR`` to every level), and hangs
every leg up at the ``Dial``'s timeout; the ``Dial`` returns when every leg has ended or at its timeout.
``DEVICE_STATE`` is ``INUSE`` for the busy devices and ``NOT_INUSE`` otherwise; ``CHANNELS`` names one
channel of each busy device (its call) and nothing else (nothing else is up). ``WaitExten`` takes the caller's next input (an extension of the context, else ``i``;
none left: ``t``). Stops at ``Hangup`` or at a jump out of the extension, and returns the ring windows.

Applications: ``Set``, ``ExecIf``, ``GotoIf``, ``GosubIf``/``Gosub``/``Return``, ``Goto``, ``Dial``, ``Wait``,
``WaitExten``, ``Background``, ``Playback``, ``Answer``, ``NoOp``, ``Hangup``. Functions: ``REGEX``,
``DEVICE_STATE``, ``CHANNELS``, ``GROUP_COUNT`` (0: a leg is gone when its Dial ends), ``LEN``, ``STRFTIME``; ``${VAR:offset[:length]}``, nested names;
``$[...]`` with Asterisk's operators and precedence (``| & = != < > <= >= + - * / %``, parentheses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.backend.dialplan_checks import resolve
from tests.backend.dialplan_parser import Dialplan, Extension, split_top

_REGEX_ARGS = re.compile(r'^"(.*)"\s*(.*)$', flags=re.S)
_TOKEN = re.compile(r"\s*(!=|>=|<=|[-+*/%|&=<>()]|\"[^\"]*\"|[0-9]+(?:\.[0-9]+)?|[^\s()|&=<>!+*/%-]+)")
_LOCAL = re.compile(r"^Local/([^@]+)@(.+)$")
FOREVER = 10 ** 9


@dataclass
class Outcome:
    windows: list[tuple[str, float, float]] = field(default_factory=list)
    ended: str = ""  # "hangup" or the jump target
    plays: int = 0  # prompts played by Background (menus)


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6f}".rstrip("0")


def evaluate(text: str) -> str:
    """``$[text]`` as Asterisk computes it (numbers, strings, its operators and precedence)."""
    tokens = _TOKEN.findall(text)
    assert "".join(tokens).replace(" ", "") == text.replace(" ", ""), f"cannot read expression {text!r}"
    python = []
    for tok in tokens:
        if tok in ("|", "&"):
            python.append(" or " if tok == "|" else " and ")
        elif tok == "=":
            python.append("==")
        elif re.fullmatch(r"[0-9]+(\.[0-9]+)?", tok):
            python.append(repr(float(tok)))
        elif tok in ("!=", ">=", "<=", "<", ">", "+", "-", "*", "/", "%", "(", ")"):
            python.append(tok)
        else:
            python.append(repr(tok.strip('"')))
    value = eval("".join(python), {"__builtins__": {}})  # our own generated expressions only
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str):
        return value
    return number(value)


def pattern_matches(pattern: str, exten: str) -> bool:
    """Asterisk's extension patterns: ``_`` then X (0-9), Z (1-9), N (2-9), ``.`` (one or more), literals."""
    if not pattern.startswith("_"):
        return pattern == exten
    regex = ""
    for ch in pattern[1:]:
        regex += {"X": "[0-9]", "Z": "[1-9]", "N": "[2-9]", ".": ".+", "!": ".*"}.get(ch, re.escape(ch))
    return re.fullmatch(regex, exten) is not None


@dataclass
class Channel:
    context: str
    exten: str
    variables: dict[str, str]
    now: float
    hangup_at: float = FOREVER  # a leg is hung up by the Dial that rang it


class Runner:
    def __init__(self, plan: Dialplan, busy: set[str], inputs: list[str] | None = None) -> None:
        self.plan = plan
        self.busy = busy
        self.inputs = list(inputs or [])  # what the caller dials at each WaitExten; none left: nothing
        self.outcome = Outcome()
        self.origin = 0.0

    # -- substitution --------------------------------------------------------------------------------
    def expand(self, chan: Channel, text: str, i: int = 0, stop: str | None = None) -> tuple[str, int]:
        out: list[str] = []
        while i < len(text):
            if stop is not None and text[i] == stop:
                return "".join(out), i
            if text.startswith("${", i) or text.startswith("$[", i):
                close = "}" if text[i + 1] == "{" else "]"
                inner, j = self.expand(chan, text, i + 2, close)
                out.append(self.variable(chan, inner) if close == "}" else evaluate(inner))
                i = j + 1
            else:
                out.append(text[i])
                i += 1
        return "".join(out), i

    @staticmethod
    def lookup(chan: Channel, name: str) -> str:
        for key in (name, "_" + name, "__" + name):
            if key in chan.variables:
                return chan.variables[key]
        return ""

    def variable(self, chan: Channel, inner: str) -> str:
        if m := re.fullmatch(r"(\w+)\((.*)\)", inner, flags=re.S):
            name, arg = m.groups()
            if name == "DEVICE_STATE":
                return "INUSE" if arg in self.busy else "NOT_INUSE"
            if name == "CHANNELS":  # ^<device>-: the busy device's call
                return next((f"{d}-00000001" for d in self.busy if re.search(arg, f"{d}-00000001")), "")
            if name == "GROUP_COUNT":  # legs are hung up as soon as their Dial ends
                return "0"
            if name == "LEN":
                return str(len(arg))
            if name == "REGEX":
                rm = _REGEX_ARGS.match(arg)
                assert rm, arg
                return "1" if re.search(rm.group(1), rm.group(2)) else "0"
            if name == "STRFTIME":
                assert arg == ",,%s.%3q", f"unsupported STRFTIME({arg})"
                return f"{chan.now:.3f}"
            raise AssertionError(f"unknown function {name}")
        if inner == "EPOCH":
            return str(int(chan.now))
        name, *cut = inner.split(":")
        value = chan.exten if name == "EXTEN" else self.lookup(chan, name)
        if cut:
            start = int(cut[0])
            value = value[start:] if len(cut) == 1 else value[start:start + int(cut[1])]
        return value

    # -- running -------------------------------------------------------------------------------------
    def extension(self, context: str, exten: str) -> Extension:
        ctx = self.plan.contexts[context]
        if exten in ctx.extensions:
            return ctx.extensions[exten]
        found = [e for name, e in ctx.extensions.items() if pattern_matches(name, exten)]
        assert found, f"no extension matches {exten} in {context}"
        return found[0]

    def set(self, chan: Channel, args: str) -> None:
        var, value = args.split("=", 1)
        chan.variables.pop(var.lstrip("_"), None)
        chan.variables.pop("_" + var.lstrip("_"), None)
        chan.variables.pop("__" + var.lstrip("_"), None)
        chan.variables[var] = value

    def dial(self, chan: Channel, args: str) -> None:
        channels, _, timeout = args.partition(",")
        limit = chan.hangup_at
        if timeout:
            assert float(timeout) > 0, f"Dial timeout {timeout} (0 rings forever)"
            limit = min(limit, chan.now + float(timeout))
        assert limit < FOREVER, f"Dial({args}) would ring forever"
        ends = []
        for target in channels.split("&"):
            if m := _LOCAL.match(target):
                inherited = {k: v for k, v in chan.variables.items() if k.startswith("__")}
                inherited.update({k[1:]: v for k, v in chan.variables.items()
                                  if k.startswith("_") and not k.startswith("__")})
                leg = Channel(m.group(2), m.group(1), inherited, chan.now, limit)
                self.run_channel(leg)
                ends.append(min(leg.now, limit))
            else:
                self.outcome.windows.append((target, round(chan.now - self.origin, 3),
                                             round(limit - self.origin, 3)))
                ends.append(limit)
        chan.now = max(ends) if ends else chan.now

    def run_channel(self, chan: Channel, whole_context: bool = False, top: bool = False,
                    limit: int = 100_000) -> None:
        ext = self.extension(chan.context, chan.exten)
        index = 1
        stack: list[tuple[str, str, Extension, int, dict[str, str]]] = []
        for _ in range(limit):
            if chan.now >= chan.hangup_at:
                chan.now = chan.hangup_at
                return
            p = ext.priorities[index - 1]
            index += 1
            args, _ = self.expand(chan, p.args)
            app, target = p.app, None
            if app in ("ExecIf", "GosubIf"):
                cond, rest = split_top(args, "?") if app == "GosubIf" else args.split("?", 1)
                if cond in ("", "0"):
                    continue
                if app == "ExecIf":
                    m = re.fullmatch(r"(\w+)\((.*)\)", rest, flags=re.S)
                    assert m, rest
                    app, args = m.group(1), m.group(2)
                else:
                    app, args = "Gosub", rest
            if app == "Goto":
                target = p.args
            elif app == "GotoIf":
                cond, where = split_top(args, "?")
                if cond not in ("", "0"):
                    target = split_top(p.args, "?")[1]
            elif app == "Gosub":
                m = re.fullmatch(r"([^,]+),([^,]+),(\d+)\((.*)\)", args)
                assert m, args
                stack.append((chan.context, chan.exten, ext, index, dict(chan.variables)))
                chan.variables["ARG1"] = m.group(4)
                chan.context, chan.exten = m.group(1), m.group(2)
                ext, index = self.extension(chan.context, chan.exten), int(m.group(3))
                continue
            elif app == "Return":
                chan.context, chan.exten, ext, index, _saved = stack.pop()
                chan.variables.pop("ARG1", None)
                continue
            elif app == "Set":
                self.set(chan, args)
            elif app == "Wait":
                chan.now += float(args)
            elif app == "Dial":
                self.dial(chan, args)
            elif app == "WaitExten":
                chan.now += float(args)
                ctx = self.plan.contexts[chan.context]
                dialled = self.inputs.pop(0) if self.inputs else None
                name = "t" if dialled is None else dialled if dialled in ctx.extensions else "i"
                chan.exten, ext, index = name, ctx.extensions[name], 1
            elif app == "Background":
                self.outcome.plays += 1
            elif app == "Hangup":
                if top:
                    self.outcome.ended = "hangup"
                return
            else:
                assert app in ("NoOp", "Playback", "Answer"), f"unsupported application {app}"
            if target is not None:
                key = resolve(self.plan, p, target)
                if top and (key[0] != chan.context or (key[1] != ext.name and not whole_context)):
                    self.outcome.ended = target
                    return
                if (key[0], key[1]) != (chan.context, ext.name):  # a jump within an extension keeps EXTEN
                    chan.context, chan.exten = key[0], key[1]
                ext, index = self.plan.contexts[key[0]].extensions[key[1]], key[2]
        raise AssertionError("the extension does not end")

    def run(self, context: str, exten: str, whole_context: bool = False) -> Outcome:
        """Run from ``context,exten,1`` until a hangup or a jump out of the extension (or, with
        ``whole_context``, out of the context: a menu with its keys, ``i`` and ``t``)."""
        self.outcome = Outcome()
        chan = Channel(context, exten, {}, 0.0)
        self.run_channel(chan, whole_context, top=True)
        return self.outcome
