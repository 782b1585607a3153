"""Ring windows of a forward and who picks up (SPEC §6, forward nodes).

A window is ``(target, from_s, to_s)`` in seconds from the moment the forward starts ringing (after its
announcement). ``ring_windows`` lays the windows out for a distribution; ``settle`` applies the answer:
a target answers ``after_s`` seconds after the start of each of its own windows, if that moment is strictly
before the window's end. The first such moment connects the call: the answering window ends there, every
other window still ringing is cut at that moment (the other phones stop ringing when somebody picks up),
and windows that would start at or after it are not rung.
"""

from __future__ import annotations

from collections.abc import Sequence

Window = tuple[str, float, float]


def _unique(members: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    ordered: list[str] = []
    for member in members:
        if member not in seen:
            seen.add(member)
            ordered.append(member)
    return ordered


def ring_windows(distribution: str, free_members: Sequence[str], step_s: float | None,
                 timeout_s: float) -> list[Window]:
    """The ring windows of a department forward over its free members (department order kept).

    ``all``: every member 0..timeout. ``in_turn``: one member at a time for ``step_s``, cycling, the last
    window cut at the timeout; back-to-back windows of the same member merge into one. ``incremental``:
    the k-th member (0-based) from ``k*step_s`` to the timeout; members starting at or after it do not ring.
    Raises ValueError for an unknown distribution or a missing/non-positive step where one is needed.
    """
    members = _unique(free_members)
    if not members or timeout_s <= 0:
        return []
    if distribution == "all":
        return [(m, 0, timeout_s) for m in members]
    if distribution not in ("in_turn", "incremental"):
        raise ValueError(f"unknown distribution {distribution!r}")
    if step_s is None or step_s <= 0:
        raise ValueError(f"distribution {distribution!r} needs a positive step_s")
    windows: list[Window] = []
    if distribution == "incremental":
        for k, member in enumerate(members):
            start = k * step_s
            if start >= timeout_s:
                break
            windows.append((member, start, timeout_s))
        return windows
    k = 0
    while k * step_s < timeout_s:
        member = members[k % len(members)]
        start, end = k * step_s, min((k + 1) * step_s, timeout_s)
        if windows and windows[-1][0] == member and windows[-1][2] == start:
            windows[-1] = (member, windows[-1][1], end)
        else:
            windows.append((member, start, end))
        k += 1
    return windows


def settle(windows: Sequence[Window], answerer: str | None,
           after_s: float) -> tuple[list[Window], str | None]:
    """The windows actually rung and the target that answered (None when nobody did)."""
    connect_at: float | None = None
    answering: int | None = None
    if answerer is not None:
        for index, (target, start, end) in enumerate(windows):
            moment = start + after_s
            if target == answerer and moment < end and (connect_at is None or moment < connect_at):
                connect_at, answering = moment, index
    if connect_at is None or answering is None:
        return list(windows), None
    rung: list[Window] = []
    for index, (target, start, end) in enumerate(windows):
        if index == answering:
            rung.append((target, start, connect_at))
        elif start < connect_at:
            rung.append((target, start, min(end, connect_at)))
    return rung, answerer
