"""Deployment to a fleet of Asterisk nodes.

Server side: node credentials (:mod:`.nodes`), the server-wide deployment feed and what nodes fetch and
report (:mod:`.feed`), the deploy status people read (:mod:`.status`) and the HTTP API of all that
(:mod:`.routes`). Node side: the agent (:mod:`.agent`) that follows the feed from its durable cursor
(:mod:`.agent_state`), through HTTP (:mod:`.http_source`, ``pbxdesk node-agent``, :mod:`.cli`) or, inside
``pbxdesk serve``, straight from the database (:mod:`.local_source`, :mod:`.inprocess`).
"""
