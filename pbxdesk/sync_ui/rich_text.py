"""Unit differences and documents as simple HTML for the read-only text panes of the sync dialogs."""

from __future__ import annotations

from html import escape

from pbxdesk.sync_ui.words import UnitDiff

ADDED, REMOVED, MUTED = "#1b5e20", "#b71c1c", "#616161"


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line).replace("    ", "&nbsp;&nbsp;&nbsp;&nbsp;") for line in lines)


def diff_html(diffs: list[UnitDiff], before: str, after: str, empty: str) -> str:
    """One block per unit: its title, the node-by-node changes (scenarios) and both versions side by side."""
    if not diffs:
        return f"<p style='color:{MUTED}'>{escape(empty)}</p>"
    parts = []
    for diff in diffs:
        parts.append(f"<h3 style='margin-bottom:2px'>{escape(diff.title)}</h3>")
        if diff.details:
            items = "".join(f"<li>{escape(line)}</li>" for line in diff.details)
            parts.append(f"<ul style='margin-top:0'>{items}</ul>")
        parts.append(
            "<table width='100%' cellspacing='0' cellpadding='4' style='border-collapse:collapse'>"
            f"<tr><th align='left' width='50%' style='color:{REMOVED}'>{escape(before)}</th>"
            f"<th align='left' width='50%' style='color:{ADDED}'>{escape(after)}</th></tr>"
            f"<tr><td valign='top' style='background:#fbe9e7'>{_lines(diff.before)}</td>"
            f"<td valign='top' style='background:#e8f5e9'>{_lines(diff.after)}</td></tr></table>")
    return "".join(parts)


def lines_html(title: str, lines: list[str]) -> str:
    return f"<h3>{escape(title)}</h3><p>{_lines(lines)}</p>"


def message_html(text: str, colour: str = REMOVED) -> str:
    return f"<p style='color:{colour}'>{_lines(text.splitlines())}</p>"
