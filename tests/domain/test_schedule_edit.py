"""Pure range editing: painting, erasing, normalising, overnight ranges, copying days (SPEC §4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbxdesk.domain.models import WEEKDAYS, ExceptionDate, Range
from pbxdesk.domain.schedule_edit import (
    add_days_off,
    copy_day,
    nonexistent_starts,
    normalise,
    paint,
    paint_pieces,
    replaced_by_paint,
    set_day,
    set_exception,
    split_overnight,
)
from pbxdesk.domain.timeutil import parse_hhmm


def R(day: str, start: str, end: str, interval: str = "working") -> Range:
    return Range(day=day, start=start, end=end, interval=interval)


def _minutes(ranges: list[Range]) -> dict[str, list[str]]:
    """The interval of every minute of the week (the reference model the painter must agree with)."""
    week = {d: ["non_working"] * 1440 for d in WEEKDAYS}
    for r in ranges:
        s, e = parse_hhmm(r.start), parse_hhmm(r.end)
        assert s is not None and e is not None
        week[r.day][s:e] = [r.interval] * (e - s)
    return week


def test_paint_splits_and_trims_what_is_under_it():
    base = [R("mon", "09:00", "18:00")]
    assert paint(base, ["mon"], 13 * 60, 14 * 60, "custom1") == [
        R("mon", "09:00", "13:00"), R("mon", "13:00", "14:00", "custom1"), R("mon", "14:00", "18:00")]


def test_non_working_erases_and_adjacent_equal_ranges_merge():
    base = [R("mon", "09:00", "12:00"), R("mon", "12:00", "13:00", "custom1"), R("mon", "13:00", "18:00")]
    assert paint(base, ["mon"], 12 * 60, 13 * 60, "working") == [R("mon", "09:00", "18:00")]
    assert paint(base, ["mon", "tue"], 0, 1440, "non_working") == []


def test_normalise_sorts_merges_and_resolves_overlaps_with_the_later_range():
    messy = [R("tue", "10:00", "11:00"), R("mon", "12:00", "24:00"), R("mon", "08:00", "12:00"),
             R("tue", "10:30", "12:00", "custom1")]
    assert normalise(messy) == [R("mon", "08:00", "24:00"), R("tue", "10:00", "10:30"),
                                R("tue", "10:30", "12:00", "custom1")]


def test_malformed_ranges_are_kept_for_validation_to_report():
    bad = R("mon", "18:00", "09:00")
    assert paint([bad], ["tue"], 0, 60, "working") == [R("tue", "00:00", "01:00"), bad]


@pytest.mark.parametrize(("day", "start", "end", "pieces"), [
    ("mon", 22 * 60, 6 * 60, [("mon", 1320, 1440), ("tue", 0, 360)]),
    ("sun", 23 * 60, 30, [("sun", 1380, 1440), ("mon", 0, 30)]),
    ("wed", 9 * 60, 18 * 60, [("wed", 540, 1080)]),
    ("fri", 20 * 60, 0, [("fri", 1200, 1440)]),
])
def test_split_overnight(day, start, end, pieces):
    assert split_overnight(day, start, end) == pieces


def test_split_overnight_refuses_an_empty_range():
    with pytest.raises(ValueError):
        split_overnight("mon", 600, 600)


def test_overnight_range_replaces_the_next_morning_and_says_what():
    base = [R("tue", "05:00", "08:00", "custom1")]
    pieces = split_overnight("mon", 22 * 60, 6 * 60)
    assert paint_pieces(base, pieces, "working") == [
        R("mon", "22:00", "24:00"), R("tue", "00:00", "06:00"), R("tue", "06:00", "08:00", "custom1")]
    assert replaced_by_paint(base, ["tue"], 0, 360, "working") == [R("tue", "05:00", "06:00", "custom1")]
    assert replaced_by_paint(base, ["tue"], 0, 360, "custom1") == []


def test_copy_day_and_set_day():
    base = [R("mon", "09:00", "13:00"), R("mon", "14:00", "18:00"), R("wed", "10:00", "11:00", "custom1")]
    copied = copy_day(base, "mon", ["wed", "sat"])
    assert [r for r in copied if r.day == "wed"] == [R("wed", "09:00", "13:00"), R("wed", "14:00", "18:00")]
    assert [r for r in copied if r.day == "sat"] == [R("sat", "09:00", "13:00"), R("sat", "14:00", "18:00")]
    assert set_day(base, "mon", [(0, 60, "custom1"), (30, 90, "non_working")]) == [
        R("mon", "00:00", "00:30", "custom1"), R("wed", "10:00", "11:00", "custom1")]


def test_exceptions_sorted_and_days_off_added_once():
    exc = [ExceptionDate(date="2026-12-31", ranges=[])]
    exc = set_exception(exc, "2026-05-01", [(600, 900, "working")])
    assert [e.date for e in exc] == ["2026-05-01", "2026-12-31"]
    new, added = add_days_off(exc, [date(2026, 5, 1), date(2026, 1, 1), date(2026, 1, 1)])
    assert added == 1 and [e.date for e in new] == ["2026-01-01", "2026-05-01", "2026-12-31"]
    assert new[1].ranges[0].start == "10:00"                      # an existing exception is not overwritten


def test_nonexistent_start_in_a_dst_zone():
    ranges = [R("sun", "02:30", "05:00"), R("sun", "03:00", "04:00", "custom1"), R("mon", "02:30", "03:00")]
    found = nonexistent_starts(ranges, "Europe/Berlin", 2026)
    assert found == [(ranges[0], date(2026, 3, 29))]
    assert nonexistent_starts(ranges, "Europe/Moscow", 2026) == []


_paints = st.lists(st.tuples(
    st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=3, unique=True),
    st.integers(0, 1439), st.integers(1, 1440), st.sampled_from(["working", "non_working", "custom1", "custom2"]),
), max_size=12)


@settings(max_examples=150, deadline=None)
@given(_paints)
def test_any_sequence_of_paints_matches_a_minute_model_and_stays_normalised(steps):
    ranges: list[Range] = []
    model = {d: ["non_working"] * 1440 for d in WEEKDAYS}
    for days, a, b, interval in steps:
        start, end = min(a, b - 1), max(a + 1, b)
        ranges = paint(ranges, days, start, end, interval)
        for d in days:
            model[d][start:end] = [interval] * (end - start)
    assert _minutes(ranges) == model
    assert normalise(ranges) == ranges
    for prev, cur in zip(ranges, ranges[1:], strict=False):
        if prev.day == cur.day:
            assert parse_hhmm(prev.end) <= parse_hhmm(cur.start)
            assert not (prev.end == cur.start and prev.interval == cur.interval)
    assert all(r.interval != "non_working" for r in ranges)
