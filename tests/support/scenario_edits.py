"""One sequence of scenario edits of every kind (add, delete, paste, change a node's type, replace a whole
scenario, move, edit a field, delete a scenario, change the schedule, one command over several branches),
run on the SPEC §4 example by the tree model tests: each edit is valid after the ones before it."""

from __future__ import annotations

from collections.abc import Callable

from pbxdesk.domain.models import (
    DepartmentRecipient,
    ForwardExternalNode,
    Interval,
    MenuNode,
    MessageNode,
    Range,
    TtsPrompt,
    VoicemailNode,
)
from pbxdesk.scenario_editor import commands
from pbxdesk.widgets.session import DocumentSession, SetValuesCommand


def msg(text: str) -> MessageNode:
    return MessageNode(prompt=TtsPrompt(tts=text), next=None)


Edit = Callable[[DocumentSession], object]

EDITS: list[Edit] = [
    lambda s: commands.set_node(s, "/scenarios/custom1/next", msg("после обеда"), "add"),
    lambda s: commands.set_node(s, "/scenarios/working/no_input/next", VoicemailNode(
        greeting=None, recipients=[DepartmentRecipient(department="sales")], external_email=None), "add"),
    lambda s: commands.delete_node(s, "/scenarios/working/keys/1", "delete subtree"),
    lambda s: commands.set_node(s, "/scenarios/working/keys/1", ForwardExternalNode(
        number="4951234567", timeout_s=20, announcement=None, next=msg("никто")), "paste"),
    # a node changes type in place: its branch rows ("if not answered" -> "then") must be relabelled
    lambda s: commands.set_node(s, "/scenarios/working/keys/1", msg("вместо"), "replace"),
    lambda s: s.push(SetValuesCommand(s, {"/scenarios/working": MenuNode(
        prompt=TtsPrompt(tts="меню"), keys={"1": None, "2": msg("два"), "#": None}, no_input=None,
        extension_dialing=False)}, "replace root")),
    lambda s: commands.move_node(s, "/scenarios/working/keys/2", "/scenarios/working/keys/#", "move"),
    lambda s: s.push(SetValuesCommand(s, {"/scenarios/working/keys/#/prompt/tts": "решётка"}, "field")),
    lambda s: commands.delete_node(s, "/scenarios/non_working", "delete root"),
    lambda s: s.push(SetValuesCommand(s, {
        "/schedule/intervals": [*s.document.schedule.intervals, Interval(id="custom2", name="Вечер")],
        "/schedule/ranges": [*s.document.schedule.ranges,
                             Range(day="tue", start="18:00", end="20:00", interval="custom2")]}, "schedule")),
    lambda s: s.push(SetValuesCommand(s, {"/scenarios/custom1/next/prompt/tts": "другой"}, "field")),
    # one SetValuesCommand changing sibling branches and another scenario (as a merge or "copy settings" does)
    lambda s: s.push(SetValuesCommand(s, {
        "/scenarios/working/keys/1": msg("один"), "/scenarios/working/keys/#": None,
        "/scenarios/custom1": msg("обед")}, "two branches")),
    lambda s: s.push(SetValuesCommand(s, {"/schedule/mode": "always"}, "always")),
    lambda s: commands.delete_node(s, "/scenarios/working", "delete everything of working"),
]
