"""The test call in words: steps, ring windows, the outcome and the branch a call stopped at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from pbxdesk.domain import describe
from pbxdesk.domain.models import Directory, RoutingDocument
from pbxdesk.domain.phone import PhoneNumberError, format_number
from pbxdesk.domain.problems import split
from pbxdesk.domain.walk import get_at
from pbxdesk.scenario_editor import labels

translate = QCoreApplication.translate

CTX = "TestCallWords"



def lang() -> str:
    return labels.ui_language()


def target_name(target: str, directory: Directory | None) -> str:
    """An employee's name, or a formatted external number, for a ring window's target."""
    found = directory.employee(target) if directory is not None else None
    if found is not None:
        return found.name
    try:
        return format_number(target.removeprefix("external:"))
    except PhoneNumberError:
        return target


def seconds_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def prompt_words(prompt: dict[str, Any], media: Mapping[str, str] | None = None) -> str:
    """A played prompt in words (``media``: audio files by the names they were uploaded with)."""
    if "system" in prompt:
        if prompt["system"] == "fax":
            return translate("TestCallWords", "the system fax greeting")
        return translate("TestCallWords", "the system voicemail greeting")
    if "audio" in prompt:
        mid = str(prompt["audio"])
        name = media.get(mid) if media else None
        quoted = describe.quoted(name, labels.ui_language()) if name else mid[:8]
        return translate("TestCallWords", "audio file %1").replace("%1", quoted)
    text = str(prompt.get("tts", ""))
    return describe.quoted(text if len(text) <= 60 else text[:59] + "…", labels.ui_language())


def step_text(step: dict[str, Any], directory: Directory | None, media: Mapping[str, str] | None = None) -> str:
    kind = step.get("kind")
    if kind == "play":
        return translate("TestCallWords", "Plays %1").replace("%1", prompt_words(step.get("prompt", {}), media))
    if kind == "menu":
        value = str(step.get("input", "none"))
        if value == "none":
            return translate("TestCallWords", "The caller presses nothing")
        if len(value) > 1:
            return translate("TestCallWords", "The caller dials %1").replace("%1", value)
        return translate("TestCallWords", "The caller presses %1").replace("%1", value)
    if kind == "ring":
        return ring_text(step, directory)
    if kind == "record":
        if step.get("medium") == "fax":
            return translate("TestCallWords", "Receives a fax")
        return translate("TestCallWords", "Records a voice message")
    return str(kind)


def ring_text(step: dict[str, Any], directory: Directory | None) -> str:
    who = target_name(str(step["target"]), directory)
    return (translate("TestCallWords", "%1 rings from %2 to %3 s").replace("%1", who)
            .replace("%2", seconds_text(step["from_s"])).replace("%3", seconds_text(step["to_s"])))


def branch_words(doc: RoutingDocument, ptr: str) -> str:
    """A branch in words: «Рабочее время › Кнопка 2» (the pointer itself when it is not a branch)."""
    try:
        tokens = split(ptr)
    except ValueError:
        return ptr
    if len(tokens) < 2 or tokens[0] != "scenarios":
        return ptr
    parts = [labels.interval_label(doc, tokens[1])]
    at = ["scenarios", tokens[1]]
    i = 2
    while i < len(tokens):
        try:
            parent = get_at(doc, "/" + "/".join(at))
        except (KeyError, IndexError, ValueError):
            parent = None
        if tokens[i] == "keys" and i + 1 < len(tokens):
            parts.append(labels.key_label(tokens[i + 1]))
            at += tokens[i:i + 2]
            i += 2
            continue
        if tokens[i] == "no_input":
            parts.append(labels.no_input_label())
        elif tokens[i] == "next":
            parts.append(labels.next_label(getattr(parent, "type", "")))
        else:
            parts.append(tokens[i])
        at.append(tokens[i])
        i += 1
    return " › ".join(parts)


def outcome_words(outcome: dict[str, Any], steps: list[dict[str, Any]], doc: RoutingDocument,
                  directory: Directory | None) -> str:
    kind = outcome.get("kind")
    if kind == "broken":
        ptr = str(outcome.get("pointer", ""))
        return (translate("TestCallWords", "The call stops at a branch with no scenario: %1 (%2)")
                .replace("%1", branch_words(doc, ptr)).replace("%2", ptr))
    if kind == "hangup":
        if any(s.get("kind") == "ring" for s in steps):
            return translate("TestCallWords", "Nobody answered: the call ends")
        if steps and steps[-1].get("kind") == "play":
            return translate("TestCallWords", "The call ends after the message")
        return translate("TestCallWords", "The call ends")
    if kind == "connected" and "employee" in outcome:
        who = target_name(str(outcome["employee"]), directory)
        return translate("TestCallWords", "Connected to %1").replace("%1", who)
    if kind == "connected":
        return translate("TestCallWords", "Connected to the external number %1").replace(
            "%1", target_name(str(outcome.get("external", "")), directory))
    if kind in ("voicemail", "fax"):
        return describe.outcome_text(outcome, directory, lang())
    return describe.outcome_text(outcome, directory, lang())
