"""Words of the scenario tree: kinds of action, branch rows, interval names, in the UI language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from pbxdesk.domain import describe
from pbxdesk.domain.models import NODE_TYPES, AnyNode, Directory, RoutingDocument

CTX = "ScenarioLabels"



def ui_language() -> str:
    """``ru`` or ``en``: follows the default locale that ``pbxdesk.desktop.i18n.set_language`` sets."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def kind_names() -> dict[str, str]:
    """The seven actions of the "+" menu, in the guide's order."""
    names = {
        "message": QCoreApplication.translate("ScenarioLabels", "Message"),
        "menu": QCoreApplication.translate("ScenarioLabels", "Self-service menu"),
        "forward_external": QCoreApplication.translate("ScenarioLabels", "Forward to external number"),
        "forward_employee": QCoreApplication.translate("ScenarioLabels", "Forward to employee"),
        "forward_department": QCoreApplication.translate("ScenarioLabels", "Forward to department"),
        "voicemail": QCoreApplication.translate("ScenarioLabels", "Voicemail"),
        "fax": QCoreApplication.translate("ScenarioLabels", "Fax"),
    }
    return {kind: names[kind] for kind in NODE_TYPES}


def key_label(key: str) -> str:
    return QCoreApplication.translate("ScenarioLabels", "Key %1").replace("%1", key)


def no_input_label() -> str:
    return QCoreApplication.translate("ScenarioLabels", "Nothing pressed")


def next_label(parent_type: str) -> str:
    if parent_type == "message":
        return QCoreApplication.translate("ScenarioLabels", "then")
    return QCoreApplication.translate("ScenarioLabels", "if not answered")


def plus_label() -> str:
    return "+"


def interval_label(doc: RoutingDocument, interval_id: str) -> str:
    if interval_id == "working":
        return QCoreApplication.translate("ScenarioLabels", "Working time")
    if interval_id == "non_working":
        return QCoreApplication.translate("ScenarioLabels", "Non-working time")
    return describe.interval_name(doc, interval_id, ui_language())


def never_occurs_suffix() -> str:
    return QCoreApplication.translate("ScenarioLabels", "(never occurs)")


def node_label(node: AnyNode, directory: Directory | None, media: Mapping[str, str] | None = None) -> str:
    """The tree's words for an action (``media``: greetings by the names they were uploaded with)."""
    return describe.node_summary(node, directory, ui_language(), media)


def slot_label(tokens: tuple[str, ...], parent_type: str) -> str:
    if tokens[0] == "keys":
        return key_label(tokens[1])
    if tokens[0] == "no_input":
        return no_input_label()
    return next_label(parent_type)


def problems_below(count: int) -> str:
    """The tooltip line of a collapsed action whose branches below have problems."""
    return QCoreApplication.translate("ScenarioLabels", "Problems in the actions below: %1").replace("%1", str(count))


def add_action_hint() -> str:
    return QCoreApplication.translate("ScenarioLabels", "Add an action here (click or press Enter)")


