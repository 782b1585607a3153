"""Timezone picker (IANA names) and the warning about ranges starting in a skipped DST hour."""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from zoneinfo import TZPATH, available_timezones

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from pbxdesk.domain.models import DEFAULT_TIMEZONE, RoutingDocument
from pbxdesk.domain.schedule import UnknownTimezoneError
from pbxdesk.domain.schedule_edit import nonexistent_starts
from pbxdesk.schedule_grid.names import date_label, day_short


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """The IANA names of the system's zone files ("Area/Place": Etc/, posix/ and right/ left out)."""
    names = _zone_files()
    if not names:  # no zone directory (the tzdata package, as on Windows): zoneinfo knows where they are
        names = {n for n in available_timezones() if "/" in n}
    return tuple(sorted(n for n in names if not n.startswith(("Etc/", "posix/", "right/"))))


def _zone_files() -> set[str]:
    """Names of the files under the subdirectories of the zone directories. ``available_timezones`` gives
    the same names but opens each of some 600 files to check its header (50-200 ms, the first number
    opened paid it); the files in those subdirectories are all zone files."""
    found: set[str] = set()
    for root in TZPATH:
        stack = [("", root)]
        while stack:
            prefix, path = stack.pop()
            try:
                entries = list(os.scandir(path))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir():
                    if prefix or entry.name not in ("posix", "right", "Etc"):
                        stack.append((f"{prefix}{entry.name}/", entry.path))
                elif prefix:
                    found.add(prefix + entry.name)
    return found


class TimezonePicker(QComboBox):
    """An editable combo of IANA zone names; ``timezoneChosen`` fires for a known name only."""

    timezoneChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timezonePicker")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(timezone_names()))
        completer = QCompleter(list(timezone_names()), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._retranslate()
        self.setMinimumContentsLength(18)
        self.set_timezone(DEFAULT_TIMEZONE)
        self.activated.connect(lambda _i: self._commit())
        line = self.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._commit)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Timezone of the number"))
        self.setToolTip(self.tr("The schedule times are wall-clock times of this timezone"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_timezone(self, name: str) -> None:
        self.blockSignals(True)
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(name)
        self.blockSignals(False)

    def _commit(self) -> None:
        name = self.currentText().strip()
        if name in timezone_names():
            self.timezoneChosen.emit(name)


def dst_warnings(doc: RoutingDocument, year: int | None = None) -> list[str]:
    """Sentences about weekly ranges that start in a local hour skipped by a DST change this year."""
    year = year or date.today().year
    try:
        found = nonexistent_starts(doc.schedule.ranges, doc.timezone, year)
    except UnknownTimezoneError:
        return [QCoreApplication.translate("TimezonePicker", "Unknown timezone “%1”.").replace("%1", doc.timezone)]
    text = QCoreApplication.translate(
        "TimezonePicker", "%1 %2 starts in an hour that does not exist on %3 (the clocks jump forward in %4).")
    return [text.replace("%1", day_short(r.day)).replace("%2", r.start).replace("%3", date_label(d))
            .replace("%4", doc.timezone) for r, d in found]
