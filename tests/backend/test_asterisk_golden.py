"""Golden dialplan for every node kind and every department distribution (tests/backend/golden/*.conf).

Regenerate after an intended change with ``PBXDESK_UPDATE_GOLDEN=1 python -m pytest tests/backend`` and
review the diff line by line against SPEC §6; the review notes per file are below. Every golden file is
also run through the strict parser and the structure checks, so a golden file cannot hold broken syntax.

Review notes (SPEC §6 step 2, line by line):
* message.conf: ``node1`` plays the TTS prompt (``Playback(pbxdesk/<sha of the text>)``) then ``Goto``
  ``node2``, which plays the stored audio master (``pbxdesk/<media id>``) and, having no ``next``,
  ``Hangup()`` — "play the prompt, then next; no next → hang up".
* menu.conf: the menu context ``-menu1``: ``Set(PBXDESK_PLAYS=0)``, ``(play)`` counts a play,
  ``Background`` the prompt, ``WaitExten(7)`` = ``timeout_s``. Keys ``1`` and ``#`` go to their branches.
  Extension dialing: 101, 102, 103 and 201 are extensions (none equals an enabled key): busy → straight
  to ``no_input``; else ``Dial(PJSIP/<ext>,30)`` ("ring that employee for 30 s"), unanswered → ``no_input``.
  ``i`` replays while fewer than ``repeats`` (2) plays happened, then ``no_input``; ``t`` (no input) →
  ``no_input`` at once. ``no_input`` rings e-201 for 10 s, skipping a busy one.
* forward_external.conf: announcement ``Playback`` first, then ``Dial(PJSIP/4951112233@trunk,30)``,
  unanswered → ``next`` (voicemail with the system greeting ``vm-intro``, ``Record``; the hangup handler
  ``mail2`` mails ``a@example.ru``).
* forward_employee.conf: no announcement; busy (DEVICE_STATE not NOT_INUSE/UNKNOWN) → ``done`` at once;
  ``Dial(PJSIP/102,20)``; no ``next`` → ``Hangup()``.
* department_*.conf: the forward's extension takes the snapshot: ``PBXDESK_N=0``, then one ``GosubIf`` per
  member in department order: free (NOT_INUSE/UNKNOWN, or a stale RINGING with no channel) → ``add``
  gives it the next rank and appends its ``Local/1<rank:6><ext>@...-ring1`` leg to dial string
  ``PBXDESK_G1_0`` (busy members get no rank); nobody free → ``done``; else ``PBXDESK_FREE`` and the
  start instant ``PBXDESK_T0`` (milliseconds) are passed on to the legs and one ``Dial(...,timeout_s)``
  rings them all and ends them at the timeout; unanswered, ``settle`` waits (50 ms steps, at most 20)
  until no leg of the call (``GROUP_COUNT(<UNIQUEID>@pbxdesk)``) is left.
* department_all.conf: each leg dials its member at once: 101, 102, 103 ring 0..30 s.
* department_in_turn.conf: ``add`` skips ranks whose first window would start at or after 60 s; a leg
  rings windows of 10 s at rank*10 + c*free*10 (each ``Dial`` timed to the window's end, never 0), a
  member who became busy skips that window; with one free member it rings once to the end.
* department_in_turn_one_member.conf: the single member of ``support`` rings once for all 15 s.
* department_incremental.conf: the leg of rank k waits until k*15 s, then rings until 30 s; members
  already ringing are never re-dialled.
* voicemail.conf: ``Answer``, the greeting, ``Record(...wav,10,300,k)``; the handler mails anna, boris,
  vera (sales; anna deduplicated with the employee and the external e-mail), sorted; ``empty`` adds none.
* fax.conf: no greeting and no system fax greeting by default; ``ReceiveFAX(...tif)``; mail to gleb.
* schedule.conf: exception dates first (``STRFTIME`` in Asia/Vladivostok, full ``%Y%m%d``), weekly ranges
  grouped by day with end minute inclusive (09:00-12:59 for [09:00, 13:00); 22:00-23:59 for 24:00);
  uncovered → ``non_working``; 2026-12-31 has its own ranges pinned to ``31,dec``; 2027-01-01 (empty)
  → ``non_working``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pbxdesk.backend.asterisk import compile_routing
from tests.backend.backend_docs import CASES
from tests.backend.dialplan_checks import check_structure
from tests.backend.dialplan_parser import parse

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_dialplan(case: str, directory) -> None:
    compiled = compile_routing(CASES[case], directory)
    path = GOLDEN / f"{case}.conf"
    if os.environ.get("PBXDESK_UPDATE_GOLDEN") == "1":
        path.write_text(compiled.text, encoding="utf-8")
    assert compiled.text == path.read_text(encoding="utf-8"), f"{case}: dialplan differs from {path}"
    check_structure(parse(compiled.text), f"pbxdesk-{CASES[case].number}")


def test_every_node_kind_and_distribution_has_a_golden_file() -> None:
    kinds = {n for n in ("message", "menu", "forward_external", "forward_employee", "voicemail", "fax")}
    kinds |= {f"department_{d}" for d in ("all", "in_turn", "incremental")}
    assert kinds <= set(CASES)
    assert {p.stem for p in GOLDEN.glob("*.conf")} == set(CASES)
