"""A number's deploy status in words (English or Russian), for ``pbxdesk sync`` and ``pbxdesk status``:
"live on 2 of 3 nodes; node ast-2: revision 5 written, but the reload failed (exit 1: ...)"."""

from __future__ import annotations

from pbxdesk.store.records import DeployState


def live_words(state: DeployState, lang: str = "en") -> str:
    if state.nodes_total == 0:
        return "no Asterisk node is set up on the server" if lang != "ru" else "на сервере нет ни одного узла Asterisk"
    if lang == "ru":
        return f"работает на узлах: {state.live_on} из {state.nodes_total}"
    return f"live on {state.live_on} of {state.nodes_total} nodes"


def node_words(state: DeployState, lang: str = "en") -> list[str]:
    """One phrase per node that lacks the number: failures with the node's own message, then the waits."""
    out = []
    for node in state.failed_nodes:
        text = f"node {node.node}: {node.message}" if lang != "ru" else f"узел {node.node}: {node.message}"
        out.append(text)
    waiting = [n.node for n in state.nodes if n.status == "pending"]
    if waiting:
        names = ", ".join(waiting)
        out.append(f"waiting for {names}" if lang != "ru" else f"ожидает {names}")
    return out


def deploy_line(state: DeployState, lang: str = "en") -> str:
    """``live on 1 of 2 nodes; node ast-2: ...`` (without the number)."""
    return "; ".join([live_words(state, lang), *node_words(state, lang)])
