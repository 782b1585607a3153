"""``forward_department`` in dialplan: the three distributions with the SPEC §6 timings.

Members keep the department's order; a member is free when the ``DEVICE_STATE`` of their device is
``NOT_INUSE`` or ``UNKNOWN`` (checked when their turn comes); members with no usable extension in the
directory cannot be rung and are left out. Ring time counts from after the announcement:
``PBXDESK_END = ${EPOCH} + timeout_s``, and every ``Dial`` gets the seconds left (never 0, which
Asterisk would read as "no timeout").

* ``all``: the free members joined with ``&`` in one ``Dial`` for ``timeout_s``.
* ``in_turn``: member after member, each ``Dial`` for ``min(step_s, left)``, cycling until ``timeout_s``.
  A free member with no other free member left to take turns with rings once to the end (SPEC: back-to-back
  windows of the same member are one window). A cycle in which nobody could be rung ends the forward; a
  cycle that took no time at all (every ``Dial`` failed at once) waits 1 s before the next one.
* ``incremental``: Asterisk cannot add a leg to a running ``Dial``. Each free member is added to the
  dial string at its turn and the whole set is dialled again for ``min(step_s, left)``; after the last
  free member the set rings until ``timeout_s``. The k-th free member therefore starts at about
  ``k*step_s`` as SPEC §6 says, but the members already ringing see their call restart at each step
  (a short break in ringing), which a real PBX cannot avoid without a queue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pbxdesk.backend.asterisk.syntax import Extension, any_free_expr, busy_expr
from pbxdesk.domain.models import ForwardDepartmentNode
from pbxdesk.domain.problems import join

if TYPE_CHECKING:
    from pbxdesk.backend.asterisk.nodes import Build, Leg

LEFT = "Set(PBXDESK_LEFT=$[${PBXDESK_END} - ${EPOCH}])"
NO_TIME_LEFT = "GotoIf($[${PBXDESK_LEFT} < 1]?done)"


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


def _step_window(ext: Extension, dial: str, step: int, label: str) -> None:
    """``Dial`` for ``min(step, left)`` seconds."""
    ext.add("Set(PBXDESK_T=${PBXDESK_LEFT})", label=label)
    ext.add(f"ExecIf($[${{PBXDESK_T}} > {step}]?Set(PBXDESK_T={step}))")
    ext.add(f"Dial({dial},${{PBXDESK_T}})")


def emit_department(build: Build, ext: Extension, node: ForwardDepartmentNode, ptr: str) -> None:
    build.play(ext, node.announcement, "announcement")
    legs = _members(build, node)
    step = node.step_s if node.step_s and node.step_s > 0 else node.timeout_s
    if legs:
        step_text = "" if node.distribution == "all" else f", step {step} s"
        ext.add(f"Set(PBXDESK_END=$[${{EPOCH}} + {node.timeout_s}])",
                comment=f"{node.distribution}: {len(legs)} member(s){step_text}, timeout {node.timeout_s} s")
        if node.distribution == "all":
            _all(ext, legs, node.timeout_s)
        elif node.distribution == "in_turn":
            _in_turn(ext, legs, step)
        else:
            _incremental(ext, legs, step)
    build.then(ext, node.next, join(ptr, "next"), label="done" if legs else None)


def _all(ext: Extension, legs: list[Leg], timeout_s: int) -> None:
    ext.add("Set(PBXDESK_DS=)")
    for i, leg in enumerate(legs):
        ext.add(f"GotoIf({busy_expr(leg.device)}?m{i + 1})", label=f"m{i}", comment=f"member {leg.employee}")
        ext.add(f"Set(PBXDESK_DS=${{PBXDESK_DS}}&{leg.channel})")
    ext.add("GotoIf($[${LEN(${PBXDESK_DS})} = 0]?done)", label=f"m{len(legs)}", comment="no free member")
    ext.add(f"Dial(${{PBXDESK_DS:1}},{timeout_s})")


def _in_turn(ext: Extension, legs: list[Leg], step: int) -> None:
    ext.add("Set(PBXDESK_RUNG=0)", label="cycle")
    ext.add("Set(PBXDESK_CYCLE=${EPOCH})")
    n = len(legs)
    for i, leg in enumerate(legs):
        others = [other.device for j, other in enumerate(legs) if j != i]
        ext.add(LEFT, label=f"m{i}", comment=f"member {leg.employee}")
        ext.add(NO_TIME_LEFT)
        ext.add(f"GotoIf({busy_expr(leg.device)}?m{i + 1})")
        ext.add("Set(PBXDESK_RUNG=1)")
        if others:
            ext.add(f"GotoIf({any_free_expr(others)}?s{i})", comment="another member is free: one step")
        ext.add(f"Dial({leg.channel},${{PBXDESK_LEFT}})", comment="the only free member: ring to the end")
        ext.add("Goto(done)")
        if others:
            _step_window(ext, leg.channel, step, f"s{i}")
    ext.add("GotoIf($[${PBXDESK_RUNG} = 0]?done)", label=f"m{n}", comment="nobody free in a whole cycle")
    ext.add("ExecIf($[${EPOCH} = ${PBXDESK_CYCLE}]?Wait(1))")
    ext.add("Goto(cycle)")


def _incremental(ext: Extension, legs: list[Leg], step: int) -> None:
    ext.add("Set(PBXDESK_DS=)")
    n = len(legs)
    for i, leg in enumerate(legs):
        later = [other.device for other in legs[i + 1:]]
        ext.add(f"GotoIf({busy_expr(leg.device)}?m{i + 1})", label=f"m{i}", comment=f"member {leg.employee}")
        ext.add(f"Set(PBXDESK_DS=${{PBXDESK_DS}}&{leg.channel})")
        ext.add(LEFT)
        ext.add(NO_TIME_LEFT)
        if later:
            ext.add(f"GotoIf({any_free_expr(later)}?s{i})", comment="more members to add: one step")
        ext.add("Dial(${PBXDESK_DS:1},${PBXDESK_LEFT})", comment="the last free member: ring all to the end")
        ext.add("Goto(done)")
        if later:
            _step_window(ext, "${PBXDESK_DS:1}", step, f"s{i}")
    ext.add("GotoIf($[${LEN(${PBXDESK_DS})} = 0]?done)", label=f"m{n}", comment="nobody free")
    ext.add(LEFT)
    ext.add(NO_TIME_LEFT)
    ext.add("Dial(${PBXDESK_DS:1},${PBXDESK_LEFT})")
