"""``forward_department`` in dialplan: the three distributions with the SPEC §6 timings, at any size.

The forward takes a snapshot when it starts, as SPEC §6 lays the windows out: members keep the
department's order, busy members are skipped (:func:`~pbxdesk.backend.asterisk.syntax.free_expr`;
members with no usable extension cannot be rung and are left out), and each free member gets its rank
``k`` among the free ones. Then one ``Dial`` rings every free member through a ``Local/`` leg of its own,
and each leg rings exactly its member's windows, counted from the same instant ``PBXDESK_T0`` (taken with
milliseconds just before the ``Dial``, after the announcement):

* ``all``: every member rings from the start to ``timeout_s``; no timing of its own is needed, so the dial
  strings hold the members' channels themselves (no ``Local/`` leg per member: 200 members start ringing
  within about 0.1 s).
* ``incremental``: the leg waits until ``k*step_s``, then dials its member until the timeout; a member
  already ringing is never re-dialled (no restarted calls), so a phone answering after more than
  ``step_s`` of ringing is connected.
* ``in_turn``: the leg rings its member in the windows ``[k*step_s + c*n*step_s, +step_s)`` for every
  cycle ``c`` (``n`` free members), each ``Dial`` timed to end at the window's end; a lone free member rings
  once to the timeout (back-to-back windows are one).

Legs of members whose first window would start at or after the timeout are not created. Before each
window after the first instant a leg checks its member is still free (a member who took another call
meanwhile is not rung then). When a member answers, the forward's ``Dial`` hangs up every other leg at
once (their phones get ``CANCEL`` within milliseconds); when the caller hangs up, every leg goes too.
Unanswered, the forward's ``Dial`` returns while its ``Local/`` legs are still hanging up their phones
(for about 10 ms their channels exist and read ``RINGING``); every leg counts itself in the group
``GROUP(pbxdesk)=<the call's UNIQUEID>`` and the forward waits (at most 1 s, in 50 ms steps) until
``GROUP_COUNT`` is 0, so a next node that rings one of the members finds them free.

Size: the snapshot is one ``GosubIf`` line per member in the node's extension, and everything else is a
fixed number of lines in the node's context ``[pbxdesk-<number>-ring<k>]``, so the dialplan grows linearly
with the department. No dial string grows with it either: legs are dialled in groups of :data:`FANOUT`
(group legs ``9<level><index>`` each dialling the next level down, as many levels as the size needs), so
every substituted ``Dial`` argument stays a few KB, under Asterisk's 8 KB limit for application data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pbxdesk.backend.asterisk.syntax import Context, Extension, busy_expr, context_name, free_cond
from pbxdesk.domain.models import ForwardDepartmentNode
from pbxdesk.domain.problems import join

if TYPE_CHECKING:
    from pbxdesk.backend.asterisk.nodes import Build, Leg

FANOUT = 64
"""Legs per ``Dial``: member entries are at most ~56 bytes, so a group's dial string stays under 3.6 KB."""
RANK_OFFSET = 1_000_000
"""A member leg's extension is ``1`` + its rank in six digits + the member's extension."""
NOW = "${STRFTIME(,,%s.%3q)}"
RANK = "${EXTEN:1:6}"
MEMBER = "${EXTEN:7}"
IN_CALL = "Set(GROUP(pbxdesk)=${PBXDESK_CALL})"
SETTLED = "${GROUP_COUNT(${PBXDESK_CALL}@pbxdesk)} = 0"


def levels(count: int) -> int:
    """Group levels for ``count`` legs: 1 up to FANOUT legs (the forward dials the legs), 2 up to FANOUT²..."""
    level = 1
    while FANOUT ** level < count:
        level += 1
    return level


def _members(build: Build, node: ForwardDepartmentNode) -> list[Leg]:
    directory = build.need_directory("forwards to departments")
    department = directory.department(node.department)
    legs: list[Leg] = []
    seen: set[str] = set()
    for member in department.members if department else []:
        if member in seen:
            continue
        seen.add(member)
        leg = build.leg(member)
        if leg is not None:
            legs.append(leg)
    return legs


def emit_department(build: Build, ext: Extension, node: ForwardDepartmentNode, ptr: str) -> None:
    build.play(ext, node.announcement, "announcement")
    legs = _members(build, node)
    if legs:
        ring = Context(context_name(build.number, f"ring{build.nodes}"),
                       comments=[f"{ptr}: the ring legs of {node.distribution}, {len(legs)} member(s)"])
        build.rings.append(ring)
        step = node.step_s if node.distribution != "all" and node.step_s and node.step_s > 0 else None
        depth = levels(len(legs) if step is None else min(len(legs), -(-node.timeout_s // step)))
        direct = build.leg_templates("${ARG1}")[0] if step is None else None
        _emit_add(ring, depth, step, node.timeout_s, direct)
        if depth > 1:
            _emit_group(ring)
        if direct is None:
            _emit_member(build, ring, node.distribution, step, node.timeout_s)
        step_text = f", step {step} s" if step else ""
        ext.add("Set(PBXDESK_N=0)", comment=f"{node.distribution}: {len(legs)} member(s){step_text}, timeout "
                                          f"{node.timeout_s} s: the free members, in order, get their ranks")
        for leg in legs:
            ext.add(f"GosubIf({free_cond(leg.device)}?{ring.name},add,1({leg.extension}))",
                    comment=f"member {leg.employee}")
        ext.add("GotoIf($[${PBXDESK_N} = 0]?done)", comment="no free member")
        ext.add("Set(__PBXDESK_FREE=${PBXDESK_N})")
        ext.add("Set(__PBXDESK_CALL=${UNIQUEID})")
        ext.add(f"Set(__PBXDESK_T0={NOW})", comment="ring windows count from here")
        ext.add(f"Dial(${{PBXDESK_G{depth}_0:1}},{node.timeout_s})")
        if depth > 1 or direct is None:
            ext.add("Set(PBXDESK_I=0)", comment="unanswered: wait (at most 1 s) until every leg has hung up its "
                                              "phone, so that what follows finds the members free")
            ext.add(f"GotoIf($[{SETTLED} | ${{PBXDESK_I}} >= 20]?done)", label="settle")
            ext.add("Set(PBXDESK_I=$[${PBXDESK_I} + 1])")
            ext.add("Wait(0.05)")
            ext.add("Goto(settle)")
    build.then(ext, node.next, join(ptr, "next"), label="done" if legs else None)


def _emit_add(ring: Context, depth: int, step: int | None, timeout_s: int, direct: str | None) -> None:
    """``add(<extension>)``: give the next free member its rank and put its leg into the dial strings
    (``direct``: the member's own dial string instead of a leg, for ``all``)."""
    prefix = "_" if depth <= 2 else "__"  # legs of level 1 are dialled by the forward or by its group legs
    add = ring.extension("add")
    add.add("Set(PBXDESK_R=${PBXDESK_N})", comment="the rank of this member among the free members")
    add.add("Set(PBXDESK_N=$[${PBXDESK_R} + 1])")
    if step is not None:
        add.add(f"GotoIf($[${{PBXDESK_R}} * {step} >= {timeout_s}]?end)", comment="would start after the timeout")
    for level in range(1, depth + 1):
        size = FANOUT ** level
        below = FANOUT ** (level - 1)
        var = f"{prefix}PBXDESK_G{level}_${{PBXDESK_I}}"
        if level == 1:
            entry = f"&{direct}" if direct else f"&Local/$[{RANK_OFFSET} + ${{PBXDESK_R}}]${{ARG1}}@{ring.name}"
        else:
            add.add(f"GotoIf($[${{PBXDESK_R}} % {below} != 0]?end)", comment=f"no new group of level {level - 1}")
            entry = f"&Local/9{level - 1}$[${{PBXDESK_R}} / {below}]@{ring.name}"
        add.add(f"Set(PBXDESK_I=$[(${{PBXDESK_R}} - ${{PBXDESK_R}} % {size}) / {size}])",
                comment=f"level {level}: dial string number PBXDESK_I")
        add.add(f"ExecIf($[${{PBXDESK_R}} % {size} = 0]?Set({var}=))")
        add.add(f"Set({var}=${{PBXDESK_G{level}_${{PBXDESK_I}}}}{entry})")
    add.add("Return()", label="end")


def _emit_group(ring: Context) -> None:
    group = ring.extension("_9X.")
    group.add(IN_CALL, comment="a group leg (counted until it hangs up) dials its dial string of the level below")
    group.add("Dial(${PBXDESK_G${EXTEN:1:1}_${EXTEN:2}:1})")
    group.add("Hangup()")


def _emit_member(build: Build, ring: Context, distribution: str, step: int | None, timeout_s: int) -> None:
    channel, device = build.leg_templates(MEMBER)
    member = ring.extension(f"_1{'X' * 6}.")
    member.add(IN_CALL, comment="a member leg: counted until it hangs up")
    if distribution == "all" or step is None:
        member.add(f"Dial({channel})", comment="a member leg: rings until the timeout of the forward")
        member.add("Hangup()")
        return
    if distribution == "incremental":
        member.add(f"Set(PBXDESK_W=$[${{PBXDESK_T0}} + {RANK} * {step} - {NOW}])",
                   comment=f"a member leg: starts at rank * {step} s, rings until the timeout of the forward")
        member.add("ExecIf($[${PBXDESK_W} > 0]?Wait(${PBXDESK_W}))")
        member.add(f"GotoIf({busy_expr(device)}?end)", comment="busy by now: not rung")
        member.add(f"Dial({channel})")
        member.add("Hangup()", label="end")
        return
    member.add(f"Set(PBXDESK_AT=$[{RANK} * {step}])",
               comment=f"a member leg: windows of {step} s from rank * {step} s, every free members * {step} s")
    member.add("GotoIf($[${PBXDESK_FREE} > 1]?window)")
    member.add(f"Dial({channel})", comment="the only free member: one window until the timeout of the forward")
    member.add("Hangup()")
    member.add(f"Set(PBXDESK_W=$[${{PBXDESK_T0}} + ${{PBXDESK_AT}} - {NOW}])", label="window")
    member.add("ExecIf($[${PBXDESK_W} > 0]?Wait(${PBXDESK_W}))")
    member.add(f"GotoIf({busy_expr(device)}?next)", comment="busy by now: this window is not rung")
    member.add(f"Set(PBXDESK_W=$[${{PBXDESK_T0}} + ${{PBXDESK_AT}} + {step} - {NOW}])")
    member.add("ExecIf($[${PBXDESK_W} < 0.1]?Set(PBXDESK_W=0.1))", comment="never 0: that would ring forever")
    member.add(f"Dial({channel},${{PBXDESK_W}})")
    member.add(f"Set(PBXDESK_AT=$[${{PBXDESK_AT}} + ${{PBXDESK_FREE}} * {step}])", label="next")
    member.add(f"GotoIf($[${{PBXDESK_AT}} < {timeout_s}]?window)")
    member.add("Hangup()")
