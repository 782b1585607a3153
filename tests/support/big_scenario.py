"""A scenario of a few thousand actions for the tests of the tree's rows built as they are shown."""

from __future__ import annotations

from pbxdesk.domain.defaults import fixed_intervals
from pbxdesk.domain.models import (
    ForwardEmployeeNode,
    MenuNode,
    MessageNode,
    RoutingDocument,
    Schedule,
    TtsPrompt,
    VoicemailNode,
)


def big_document(menus_deep: int = 4) -> RoutingDocument:
    """Menus of keys 1-4 nested ``menus_deep`` levels (each with a goodbye message when nothing is pressed),
    each key of the last level a forward to employee e-101 of the test directory, followed by a voicemail
    when ``menus_deep`` is odd: 1,706 actions at the default depth, 682 at depth 3; valid, no problems."""

    def leaf(depth: int) -> ForwardEmployeeNode:
        return ForwardEmployeeNode(employee="e-101", timeout_s=20, announcement=None, next=VoicemailNode(
            greeting=None, recipients=[], external_email="a@example.ru") if depth % 2 else None)

    def menu(depth: int) -> MenuNode:
        keys = {k: (menu(depth + 1) if depth < menus_deep else leaf(depth)) for k in "1234"}
        return MenuNode(prompt=TtsPrompt(tts=f"уровень {depth}"), keys=keys,
                        no_input=MessageNode(prompt=TtsPrompt(tts="до свидания"), next=None), extension_dialing=False)

    return RoutingDocument(number="4952302222", name="большой", schedule=Schedule(
        mode="always", intervals=fixed_intervals()), scenarios={"working": menu(0)})
