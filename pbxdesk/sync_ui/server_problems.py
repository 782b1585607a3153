"""Problems the server found in a pushed document (a 422), shown on the number in its editor.

The sync engine stores them as the number's ``sync_message``: a summary line, then one line per problem
``ERROR /json/pointer code: message``. :func:`parse_problems` reads them back; :class:`ServerProblemsView`
puts a red banner on top of a number editor, marks the branches in the scenario tree (the scenario
editor's own problem marks and list, merged with the local validation results every time it re-runs) and
selects the first branch. They stay until the number is saved again or synced.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from pbxdesk.desktop import i18n
from pbxdesk.domain.messages import CATALOG
from pbxdesk.domain.problems import Problem

_LINE = re.compile(r"^(ERROR|WARNING|INFO)\s+(/\S*|)\s*(\S+):\s?(.*)$")


def parse_problems(message: str | None) -> tuple[str, list[Problem]]:
    """``(summary, problems)`` of a stored sync message (problems empty when it has no problem lines)."""
    if not message:
        return "", []
    lines = message.splitlines()
    problems = []
    for line in lines[1:]:
        match = _LINE.match(line.strip())
        if match:
            severity, pointer, code, text = match.groups()
            problems.append(Problem(severity.lower(), pointer, code, russian(code, text), text))  # type: ignore[arg-type]
    return lines[0], problems


def russian(code: str, english: str) -> str:
    """The Russian text of a server problem: its catalogue entry filled with the values read back from the
    English text the server sent (the server's own text when it does not match the catalogue)."""
    entry = CATALOG.get(code)
    if entry is None:
        return english
    _severity, ru, en = entry
    pattern = re.escape(en)
    names: list[str] = []
    for name in re.findall(r"\\\{(\w+)\\\}", pattern):
        if name not in names:
            names.append(name)
            pattern = pattern.replace(f"\\{{{name}\\}}", f"(?P<{name}>.+?)", 1)
    match = re.fullmatch(pattern, english)
    if match is None:
        return english
    try:
        return ru.format(**match.groupdict())
    except (KeyError, IndexError, ValueError):
        return english


class ServerProblemsView(QObject):
    """Attached to one ``NumberEditor``: ``show(message)`` / ``clear()``."""

    def __init__(self, editor: Any) -> None:
        super().__init__(editor)
        self.editor = editor
        self.problems: list[Problem] = []
        self.banner = QLabel(editor)
        self.banner.setObjectName("serverProblemsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; border: 1px solid #e57373; padding: 6px; color: #b71c1c;")
        self.banner.hide()
        layout = editor.layout()
        if layout is not None:
            layout.insertWidget(0, self.banner)
        editor.scenarios.validator.problemsChanged.connect(self._local_checked)
        editor.saved.connect(lambda *_a: self.clear())

    def show(self, message: str | None) -> None:
        summary, problems = parse_problems(message)
        self.problems = problems
        if not summary:
            self.clear()
            return
        model = self.editor.scenarios.model
        where = [f"• {model.branch_path(p.pointer)}: {p.message(i18n.current_language())}" for p in problems]
        self.banner.setText("\n".join([self.tr("The server refused the last saved version of this number:"),
                                       *where] if where else [summary]))
        self.banner.setToolTip(message or "")
        self.banner.setAccessibleName(self.banner.text())
        self.banner.show()
        self._apply(self.editor.scenarios.validator.problems)
        if problems:
            self.editor.scenarios.select_pointer(problems[0].pointer)

    def clear(self) -> None:
        self.problems = []
        self.banner.hide()
        self._apply(self.editor.scenarios.validator.problems)

    def _local_checked(self, local: list[Problem]) -> None:
        if self.problems:
            self._apply(local)

    def _apply(self, local: list[Problem]) -> None:
        scenarios = self.editor.scenarios
        merged = list(local) + [p for p in self.problems if p not in local]
        scenarios.model.set_problems(merged)
        scenarios.problems.show_problems(merged)


def attach(editor: QWidget) -> ServerProblemsView:
    view = getattr(editor, "_server_problems", None)
    if view is None:
        view = ServerProblemsView(editor)
        editor._server_problems = view  # type: ignore[attr-defined]
    return view
