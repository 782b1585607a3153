"""Walking the scenario trees of a routing document with JSON Pointers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pbxdesk.domain.models import MENU_KEYS, AnyNode, AudioPrompt, MenuNode, RoutingDocument
from pbxdesk.domain.problems import join, pointer, split


def child_slots(node: AnyNode) -> list[tuple[tuple[str, ...], AnyNode | None]]:
    """The places under a node where a branch continues: (relative tokens, node or None).

    ``message`` and the forwards have ``next``; a menu has one slot per enabled key (in keypad order,
    then any unexpected key) and ``no_input``; voicemail and fax end the call.
    """
    if isinstance(node, MenuNode):
        ordered = [k for k in MENU_KEYS if k in node.keys] + [k for k in node.keys if k not in MENU_KEYS]
        slots: list[tuple[tuple[str, ...], AnyNode | None]] = [(("keys", k), node.keys[k]) for k in ordered]
        slots.append((("no_input",), node.no_input))
        return slots
    if hasattr(node, "next"):
        return [(("next",), node.next)]
    return []


def iter_nodes(doc: RoutingDocument) -> Iterator[tuple[str, AnyNode]]:
    """Every node of every scenario, pre-order, with its pointer (``/scenarios/working/keys/1``...)."""
    stack: list[tuple[str, AnyNode]] = []
    for interval_id, root in reversed(list(doc.scenarios.items())):
        if root is not None:
            stack.append((pointer("scenarios", interval_id), root))
    while stack:
        ptr, node = stack.pop()
        yield ptr, node
        for tokens, child in reversed(child_slots(node)):
            if child is not None:
                stack.append((join(ptr, *tokens), child))


def media_ids(doc: RoutingDocument) -> list[str]:
    """The audio files the document's prompts use (greetings, menus, announcements), each once, in order."""
    ids: list[str] = []
    for _ptr, node in iter_nodes(doc):
        for field_name in ("prompt", "announcement", "greeting"):
            prompt = getattr(node, field_name, None)
            if isinstance(prompt, AudioPrompt) and prompt.audio not in ids:
                ids.append(prompt.audio)
    return ids


def get_at(doc: RoutingDocument, ptr: str) -> Any:
    """The model object (or plain value) a pointer names; KeyError when it does not exist."""
    current: Any = doc
    for token in split(ptr):
        if isinstance(current, dict):
            current = current[token]
        elif isinstance(current, list):
            current = current[int(token)]
        elif hasattr(current, token):
            current = getattr(current, token)
        else:
            raise KeyError(ptr)
    return current


def set_at(doc: RoutingDocument, ptr: str, value: Any) -> None:
    """Put ``value`` at a pointer (a scenario, a menu key, ``no_input``, ``next`` or any field)."""
    tokens = split(ptr)
    if not tokens:
        raise KeyError("cannot replace the whole document")
    parent = get_at(doc, pointer(*tokens[:-1]))
    last = tokens[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        parent[int(last)] = value
    else:
        setattr(parent, last, value)


def delete_at(doc: RoutingDocument, ptr: str) -> None:
    """Remove a dict member (a scenario or a menu key); other places are set to None."""
    tokens = split(ptr)
    parent = get_at(doc, pointer(*tokens[:-1]))
    if isinstance(parent, dict):
        parent.pop(tokens[-1], None)
    else:
        setattr(parent, tokens[-1], None)
