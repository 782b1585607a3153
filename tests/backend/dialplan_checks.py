"""Structural checks on parsed dialplan (see dialplan_parser): every jump target exists, every line runs."""

from __future__ import annotations

import re

from tests.backend.dialplan_parser import Dialplan, Priority, split_top

TERMINAL = {"Goto", "Hangup", "Return", "WaitExten"}
Key = tuple[str, str, int]
_LOCAL_CONTEXT = re.compile(r"Local/[^@&,]*@([A-Za-z0-9_-]+)")


def jump_targets(p: Priority) -> list[str]:
    """The raw targets a priority can jump to (Goto, GotoIf, GotoIfTime, hangup handlers)."""
    if p.app == "Goto":
        return [p.args]
    if p.app == "GosubIf":
        parts = split_top(p.args, "?")
        assert len(parts) == 2, f"line {p.line_no}: GosubIf needs one '?': {p.args}"
        return [t.split("(", 1)[0] for t in split_top(parts[1], ":") if t]
    if p.app in ("GotoIf", "GotoIfTime"):
        parts = split_top(p.args, "?")
        assert len(parts) == 2, f"line {p.line_no}: {p.app} needs one '?': {p.args}"
        return [t for t in split_top(parts[1], ":") if t]
    if p.app == "Set" and p.args.startswith("CHANNEL(hangup_handler_push)="):
        return [p.args.split("=", 1)[1]]
    return []


def resolve(plan: Dialplan, p: Priority, target: str) -> Key:
    parts = split_top(target, ",")
    assert 1 <= len(parts) <= 3, f"line {p.line_no}: bad target {target!r}"
    ctx = parts[0] if len(parts) == 3 else p.context
    exten = parts[-2] if len(parts) >= 2 else p.exten
    prio = parts[-1]
    assert ctx in plan.contexts, f"line {p.line_no}: no context {ctx!r}"
    ext = plan.contexts[ctx].extensions.get(exten)
    assert ext is not None, f"line {p.line_no}: no extension {exten!r} in {ctx}"
    if prio.isdigit():
        assert 1 <= int(prio) <= len(ext.priorities), f"line {p.line_no}: no priority {prio} in {exten}"
        return ctx, exten, int(prio)
    found = [q.index for q in ext.priorities if q.label == prio]
    assert found, f"line {p.line_no}: no label {prio!r} in {ctx},{exten}"
    return ctx, exten, found[0]


def successors(plan: Dialplan, key: Key) -> list[Key]:
    ctx, exten, index = key
    ext = plan.contexts[ctx].extensions[exten]
    p = ext.priorities[index - 1]
    out = [resolve(plan, p, t) for t in jump_targets(p)]
    if p.app == "WaitExten":  # the caller's digits, t and i: every extension of the menu context
        out += [(ctx, name, 1) for name in plan.contexts[ctx].extensions if name != "s"]
    for leg_context in _LOCAL_CONTEXT.findall(p.args):  # Local/ legs: the pattern extensions they reach
        assert leg_context in plan.contexts, f"line {p.line_no}: no context {leg_context!r}"
        out += [(leg_context, name, 1) for name in plan.contexts[leg_context].extensions if name.startswith("_")]
    if p.app not in TERMINAL and index < len(ext.priorities):
        out.append((ctx, exten, index + 1))
    return out


def reachable(plan: Dialplan, *starts: str) -> set[Key]:
    seen: set[Key] = set()
    todo = [(start, "s", 1) for start in starts]
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        todo.extend(successors(plan, key))
    return seen


def check_structure(plan: Dialplan, *starts: str) -> None:
    """Every target resolves; every priority of every extension is reachable from ``start,s,1``;
    every extension ends with a jump, a hangup, a return or a wait (never runs off its last line)."""
    for p in plan.priorities():
        for target in jump_targets(p):
            resolve(plan, p, target)
    seen = reachable(plan, *starts)
    for p in plan.priorities():
        assert (p.context, p.exten, p.index) in seen, \
            f"line {p.line_no} ({p.context},{p.exten},{p.index} {p.app}) is unreachable"
    for ctx in plan.contexts.values():
        for ext in ctx.extensions.values():
            last = ext.priorities[-1]
            assert last.app in TERMINAL, \
                f"line {last.line_no}: extension {ctx.name},{ext.name} ends with {last.app}"
