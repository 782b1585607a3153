"""The flow overview as a tree of boxes (number -> intervals -> actions -> outcomes), laid out left to right.

No painting here: :func:`flow_tree` turns a routing document into :class:`Box` objects with the words they
show, :func:`layout` gives each box its column and its vertical centre (leaves stacked in order, each parent
centred on its children).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from pbxdesk.domain import describe
from pbxdesk.domain.models import (
    AnyNode,
    Directory,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    MessageNode,
    RoutingDocument,
    VoicemailNode,
)
from pbxdesk.domain.phone import format_number
from pbxdesk.domain.problems import join, pointer
from pbxdesk.domain.schedule import occurring_intervals
from pbxdesk.domain.walk import child_slots
from pbxdesk.scenario_editor import labels

translate = QCoreApplication.translate

NUMBER, INTERVAL, NODE, OUTCOME, MISSING = "number", "interval", "node", "outcome", "missing"


@dataclass
class Box:
    kind: str                 # number / interval / node / outcome / missing
    text: str
    pointer: str = ""
    interval: str = ""
    node_type: str = ""
    edge: str = ""            # the words on the edge from the parent ("Key 1", "if not answered")
    children: list[Box] = field(default_factory=list)
    column: int = 0
    y: float = 0.0            # vertical centre after layout
    height: float = 0.0

    def walk(self) -> list[Box]:
        out, stack = [], [self]
        while stack:
            box = stack.pop()
            out.append(box)
            stack.extend(reversed(box.children))
        return out



def _end_box(node: AnyNode, ptr: str) -> Box | None:
    if isinstance(node, MessageNode):
        return Box(OUTCOME, translate("FlowOverview", "Call ends"), ptr, edge=labels.next_label("message"))
    if isinstance(node, ForwardExternalNode | ForwardEmployeeNode | ForwardDepartmentNode):
        return Box(OUTCOME, translate("FlowOverview", "Call ends"), ptr, edge=labels.next_label(node.type))
    return None


def _answered(node: AnyNode, directory: Directory | None) -> Box | None:
    if isinstance(node, ForwardExternalNode):
        who = format_number(node.number)
    elif isinstance(node, ForwardEmployeeNode):
        who = describe.employee_name(directory, node.employee)
    elif isinstance(node, ForwardDepartmentNode):
        who = describe.department_name(directory, node.department)
    else:
        return None
    return Box(OUTCOME, translate("FlowOverview", "Connected: %1").replace("%1", who),
               edge=translate("FlowOverview", "answered"))


def _mail(node: AnyNode, directory: Directory | None) -> Box | None:
    if not isinstance(node, VoicemailNode | FaxNode):
        return None
    names = []
    for recipient in node.recipients:
        if hasattr(recipient, "employee"):
            names.append(describe.employee_name(directory, recipient.employee))
        else:
            names.append(describe.department_name(directory, recipient.department))
    if node.external_email:
        names.append(node.external_email)
    if node.type == "voicemail":
        text = translate("FlowOverview", "Message by e-mail to %1")
    else:
        text = translate("FlowOverview", "Fax by e-mail to %1")
    return Box(OUTCOME, text.replace("%1", ", ".join(names) or "—"))


def _node_box(node: AnyNode, ptr: str, edge: str, directory: Directory | None,
              label: Callable[[AnyNode], str]) -> Box:
    box = Box(NODE, label(node), ptr, node_type=node.type, edge=edge)
    answered = _answered(node, directory)
    if answered is not None:
        box.children.append(answered)
    mail = _mail(node, directory)
    if mail is not None:
        box.children.append(mail)
    for tokens, child in child_slots(node):
        at = join(ptr, *tokens)
        slot = labels.slot_label(tokens, node.type)
        if child is not None:
            box.children.append(_node_box(child, at, slot, directory, label))
        elif tokens == ("next",):
            end = _end_box(node, at)
            if end is not None:
                box.children.append(end)
        else:
            box.children.append(Box(MISSING, translate("FlowOverview", "No scenario yet"), at, edge=slot))
    if isinstance(node, MenuNode) and node.extension_dialing:
        dialled = translate("FlowOverview", "Extension dialled: that employee rings for 30 s")
        box.children.insert(0, Box(OUTCOME, dialled,
                                   edge=translate("FlowOverview", "extension")))
    return box


def flow_tree(doc: RoutingDocument, directory: Directory | None = None, media: Mapping[str, str] | None = None) -> Box:
    """The number's boxes: every interval that occurs or has a scenario, and everything below it (``media``:
    greetings by the names they were uploaded with)."""
    lang = labels.ui_language()

    def label(node: AnyNode) -> str:
        return describe.node_summary(node, directory, lang, media)

    root = Box(NUMBER, f"{format_number(doc.number)}\n{doc.name}")
    occurring = occurring_intervals(doc)
    ids = [iv.id for iv in doc.schedule.intervals] + [k for k in doc.scenarios if k not in
                                                      {iv.id for iv in doc.schedule.intervals}]
    for interval_id in ids:
        scenario = doc.scenarios.get(interval_id)
        if interval_id not in occurring and scenario is None:
            continue
        name = labels.interval_label(doc, interval_id)
        if interval_id not in occurring:
            name += " " + labels.never_occurs_suffix()
        ptr = pointer("scenarios", interval_id)
        box = Box(INTERVAL, name, ptr, interval=interval_id)
        if scenario is None:
            box.children.append(Box(MISSING, translate("FlowOverview", "No scenario yet"), ptr))
        else:
            box.children.append(_node_box(scenario, ptr, "", directory, label))
        root.children.append(box)
    return root


def layout(root: Box, gap: float = 14.0) -> float:
    """Give every box its column and centre ``y`` (heights must be set); returns the total height."""
    cursor = 0.0

    def place(box: Box, column: int) -> tuple[float, float]:
        nonlocal cursor
        box.column = column
        if not box.children:
            box.y = cursor + box.height / 2
            cursor += box.height + gap
            return cursor - gap - box.height, cursor - gap
        top = cursor
        spans = [place(child, column + 1) for child in box.children]
        first, last = box.children[0].y, box.children[-1].y
        box.y = (first + last) / 2
        if box.y - box.height / 2 < top:  # a tall parent over few children: push them down
            shift = top + box.height / 2 - box.y
            for below in box.walk()[1:]:
                below.y += shift
            box.y += shift
            cursor += shift
        cursor = max(cursor, box.y + box.height / 2 + gap)
        return min(s[0] for s in spans), max(s[1] for s in spans)

    place(root, 0)
    return max(0.0, cursor - gap)
