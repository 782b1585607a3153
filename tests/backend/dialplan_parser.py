"""A strict little parser of the ``extensions.conf`` subset pbxdesk writes, for the backend tests.

It accepts only: empty lines, ``; comment`` lines (no ``;--`` block comments), ``#include "path"``,
``[context]`` headers, ``exten => NAME,1[(label)],App(args)`` and `` same => n[(label)],App(args)``
(NAME: digits, ``*``, ``#``, a lowercase name, or a pattern ``_`` + digits/X/Z/N + ``.``).
Application arguments must be balanced (``${...}``, ``$[...]``, parentheses, double quotes) and end with
the line's last ``)``; no ``;`` may appear outside comments (Asterisk would start a comment there).
Anything else raises :class:`DialplanSyntaxError` with the line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CONTEXT = re.compile(r"^\[([A-Za-z0-9_-]+)\]$")
_EXTEN = re.compile(r"^exten => ([0-9*#]+|[a-z][a-z0-9]*|_[0-9XZN]+\.),1(?:\(([A-Za-z][A-Za-z0-9_]*)\))?,([A-Za-z]+)\((.*)\)$")
_SAME = re.compile(r"^ same => n(?:\(([A-Za-z][A-Za-z0-9_]*)\))?,([A-Za-z]+)\((.*)\)$")
_INCLUDE = re.compile(r'^#include "([^"\n;]+)"$')


class DialplanSyntaxError(ValueError):
    pass


@dataclass
class Priority:
    context: str
    exten: str
    index: int
    label: str | None
    app: str
    args: str
    line_no: int


@dataclass
class Extension:
    name: str
    comment: str | None
    priorities: list[Priority] = field(default_factory=list)


@dataclass
class ContextBlock:
    name: str
    comment: str | None
    extensions: dict[str, Extension] = field(default_factory=dict)


@dataclass
class Dialplan:
    contexts: dict[str, ContextBlock] = field(default_factory=dict)
    includes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def priorities(self) -> list[Priority]:
        return [p for c in self.contexts.values() for e in c.extensions.values() for p in e.priorities]


def check_balanced(args: str, line_no: int) -> None:
    """``${``/``$[`` closed in order, parentheses balanced, quotes closed, no ``;``."""
    stack: list[str] = []
    i = 0
    in_quote = False
    while i < len(args):
        ch = args[i]
        if ch in ";\n\r\\":
            raise DialplanSyntaxError(f"line {line_no}: {ch!r} inside application arguments")
        if ch == '"':
            in_quote = not in_quote
        elif in_quote:
            pass
        elif args.startswith("${", i) or args.startswith("$[", i):
            stack.append("}" if args[i + 1] == "{" else "]")
            i += 2
            continue
        elif ch == "(":
            stack.append(")")
        elif ch in ")}]":
            if not stack or stack.pop() != ch:
                raise DialplanSyntaxError(f"line {line_no}: unbalanced {ch!r} in {args!r}")
        i += 1
    if stack or in_quote:
        raise DialplanSyntaxError(f"line {line_no}: unclosed {stack or 'quote'} in {args!r}")


def split_top(args: str, sep: str) -> list[str]:
    """Split at ``sep`` outside ``${}``, ``$[]``, parentheses and quotes."""
    parts, depth, current, in_quote = [], 0, [], False
    for ch in args:
        if ch == '"':
            in_quote = not in_quote
        elif not in_quote and ch in "([{":
            depth += 1
        elif not in_quote and ch in ")]}":
            depth -= 1
        if ch == sep and depth == 0 and not in_quote:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse(text: str, merged: frozenset[str] = frozenset()) -> Dialplan:
    """``merged``: contexts that may be declared again (Asterisk merges a context declared in several
    included files, as every deployed number's file adds its extension to ``[pbxdesk-incoming]``)."""
    plan = Dialplan()
    context: ContextBlock | None = None
    exten: Extension | None = None
    comment: str | None = None
    for line_no, line in enumerate(text.split("\n"), start=1):
        if "\r" in line or "\x00" in line:
            raise DialplanSyntaxError(f"line {line_no}: control character")
        if line == "":
            continue
        if line.startswith(";"):
            if not line.startswith("; ") or ";" in line[1:] or "--" in line or "\\" in line:
                raise DialplanSyntaxError(f"line {line_no}: unsafe comment {line!r}")
            comment = line[2:]
            plan.comments.append(comment)
            continue
        if m := _INCLUDE.match(line):
            plan.includes.append(m.group(1))
            continue
        if m := _CONTEXT.match(line):
            if m.group(1) in plan.contexts and m.group(1) in merged:
                context = plan.contexts[m.group(1)]
                exten, comment = None, None
                continue
            if m.group(1) in plan.contexts:
                raise DialplanSyntaxError(f"line {line_no}: context {m.group(1)} defined twice")
            context = plan.contexts[m.group(1)] = ContextBlock(m.group(1), comment)
            exten, comment = None, None
            continue
        if m := _EXTEN.match(line):
            if context is None:
                raise DialplanSyntaxError(f"line {line_no}: extension outside a context")
            name, label, app, args = m.groups()
            if name in context.extensions:
                raise DialplanSyntaxError(f"line {line_no}: extension {name} defined twice in {context.name}")
            exten = context.extensions[name] = Extension(name, comment)
        elif m := _SAME.match(line):
            if exten is None or context is None:
                raise DialplanSyntaxError(f"line {line_no}: 'same' without an extension")
            label, app, args = m.groups()
        else:
            raise DialplanSyntaxError(f"line {line_no}: not a dialplan line: {line!r}")
        comment = None
        check_balanced(args, line_no)
        if label and any(p.label == label for p in exten.priorities):
            raise DialplanSyntaxError(f"line {line_no}: label {label} used twice in {exten.name}")
        exten.priorities.append(Priority(context.name, exten.name, len(exten.priorities) + 1, label, app,
                                         args, line_no))
    return plan
