"""Three-way merge by merge units: merges where only one side changed a unit, conflicts where both did."""

from __future__ import annotations

from pbxdesk.domain.merge import DOCUMENT_UNIT, merge, resolve, units
from pbxdesk.domain.models import DayRange, ExceptionDate, Range, TtsPrompt


def _copies(doc):
    return doc.model_copy(deep=True), doc.model_copy(deep=True), doc.model_copy(deep=True)


def test_units_of_the_spec_example(spec_example):
    assert set(units(spec_example)) == {
        "name", "timezone", "schedule.mode", "interval:working", "interval:non_working", "interval:custom1",
        "ranges:mon", "exception:2026-12-31", "scenario:working", "scenario:custom1", "scenario:non_working"}


def test_changes_to_different_units_merge(spec_example, directory):
    base, mine, theirs = _copies(spec_example)
    mine.name = "Продажи"
    mine.schedule.ranges.append(Range(day="tue", start="09:00", end="18:00", interval="working"))
    theirs.scenarios["non_working"].greeting = TtsPrompt(tts="Перезвоните завтра")
    theirs.schedule.exceptions.append(ExceptionDate(date="2027-01-07", ranges=[]))
    result = merge(base, mine, theirs, directory)
    assert result.ok, result.conflicts
    doc = result.merged
    assert doc.name == "Продажи"
    assert [r.day for r in doc.schedule.ranges].count("tue") == 1
    assert doc.scenarios["non_working"].greeting.tts == "Перезвоните завтра"
    assert [e.date for e in doc.schedule.exceptions] == ["2026-12-31", "2027-01-07"]
    assert set(result.taken_from_theirs) == {"scenario:non_working", "exception:2027-01-07"}
    assert set(result.taken_from_mine) == {"name", "ranges:tue"}


def test_same_unit_changed_differently_is_a_conflict_keeping_both(spec_example, directory):
    base, mine, theirs = _copies(spec_example)
    mine.schedule.ranges[0].end = "12:00"
    theirs.schedule.ranges[0].end = "12:30"
    mine.name = "A"
    theirs.name = "A"  # the same change on both sides is no conflict
    result = merge(base, mine, theirs, directory)
    assert result.merged is None
    assert [c.unit for c in result.conflicts] == ["ranges:mon"]
    conflict = result.conflicts[0]
    assert conflict.mine[0]["end"] == "12:00" and conflict.theirs[0]["end"] == "12:30"
    assert conflict.base[0]["end"] == "13:00"


def test_deleting_a_scenario_on_one_side_merges(spec_example, directory):
    base, mine, theirs = _copies(spec_example)
    del theirs.scenarios["custom1"]
    theirs.schedule.intervals = [i for i in theirs.schedule.intervals if i.id != "custom1"]
    theirs.schedule.ranges = [r for r in theirs.schedule.ranges if r.interval != "custom1"]
    theirs.schedule.ranges.append(Range(day="mon", start="13:00", end="14:00", interval="working"))
    mine.timezone = "Europe/Samara"
    result = merge(base, mine, theirs, directory)
    assert result.ok
    assert "custom1" not in result.merged.scenarios
    assert result.merged.timezone == "Europe/Samara"


def test_a_merge_with_validation_errors_is_a_document_conflict(spec_example, directory):
    base, mine, theirs = _copies(spec_example)
    # mine paints lunch on Tuesday with custom1; theirs deletes custom1: each fine alone, broken together
    mine.schedule.ranges.append(Range(day="tue", start="13:00", end="14:00", interval="custom1"))
    del theirs.scenarios["custom1"]
    theirs.schedule.intervals = [i for i in theirs.schedule.intervals if i.id != "custom1"]
    theirs.schedule.ranges = [r for r in theirs.schedule.ranges if r.interval != "custom1"]
    result = merge(base, mine, theirs, directory)
    assert result.merged is None
    assert [c.unit for c in result.conflicts] == [DOCUMENT_UNIT]
    assert any(p.pointer.startswith("/schedule/ranges") for p in result.problems)  # the Tuesday range


def test_resolve_each_unit_or_the_whole_document(spec_example, directory):
    base, mine, theirs = _copies(spec_example)
    mine.name, theirs.name = "Мой", "Их"
    mine.schedule.exceptions[0].ranges = [DayRange(start="10:00", end="14:00", interval="working")]
    theirs.schedule.exceptions[0].ranges = []
    assert {c.unit for c in merge(base, mine, theirs, directory).conflicts} == {"name", "exception:2026-12-31"}
    doc = resolve(base, mine, theirs, {"name": "theirs", "exception:2026-12-31": "mine"})
    assert doc.name == "Их" and doc.schedule.exceptions[0].ranges[0].start == "10:00"
    edited = resolve(base, mine, theirs, {"name": "Общий", "exception:2026-12-31": None})
    assert edited.name == "Общий" and edited.schedule.exceptions == []
    assert resolve(base, mine, theirs, {DOCUMENT_UNIT: "theirs"}).name == "Их"


def test_no_base_means_every_difference_conflicts(spec_example):
    _, mine, theirs = _copies(spec_example)
    theirs.name = "Другое"
    assert [c.unit for c in merge(None, mine, theirs).conflicts] == ["name"]
