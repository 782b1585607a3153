"""Which interval a call lands in (SPEC §6 step 1): weekdays, exceptions, always mode, time zones, DST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pbxdesk.domain.schedule import (
    UnknownTimezoneError,
    interval_at,
    local_instant,
    occurring_intervals,
    zone,
)
from pbxdesk.domain.simulator import simulate
from tests.domain.strategies import make_document

HANGUP = {"type": "message", "prompt": {"tts": "x"}, "next": None}


@pytest.mark.parametrize(("at", "expected"), [
    (datetime(2026, 11, 23, 8, 59), "non_working"),   # Monday before opening
    (datetime(2026, 11, 23, 9, 0), "working"),        # start is inside [start, end)
    (datetime(2026, 11, 23, 12, 59, 59), "working"),
    (datetime(2026, 11, 23, 13, 0), "custom1"),       # lunch
    (datetime(2026, 11, 23, 14, 0), "working"),
    (datetime(2026, 11, 23, 18, 0), "non_working"),   # end is outside
    (datetime(2026, 11, 24, 10, 0), "non_working"),   # Tuesday has no ranges
    (datetime(2026, 12, 31, 14, 59), "working"),      # exception date (a Thursday) 09:00-15:00
    (datetime(2026, 12, 31, 15, 0), "non_working"),
])
def test_spec_example_intervals_at_local_times(spec_example, at, expected):
    assert interval_at(spec_example, at) == expected


def test_an_instant_with_an_offset_is_converted_to_the_numbers_zone(spec_example):
    # 06:30 UTC is 09:30 in Moscow (UTC+3): working; the same wall-clock without offset is local
    assert interval_at(spec_example, datetime(2026, 11, 23, 6, 30, tzinfo=UTC)) == "working"
    assert interval_at(spec_example, datetime(2026, 11, 23, 6, 30)) == "non_working"
    plus5 = timezone(timedelta(hours=5))
    assert interval_at(spec_example, datetime(2026, 11, 23, 15, 30, tzinfo=plus5)) == "custom1"  # 13:30 MSK


def test_an_instant_near_midnight_uses_the_local_weekday():
    doc = make_document({"working": HANGUP, "non_working": HANGUP},
                        ranges=[{"day": "sun", "start": "20:00", "end": "24:00", "interval": "working"}],
                        timezone_name="America/New_York")
    # Monday 00:30 UTC is Sunday 19:30 / 20:30 in New York depending on DST; in November (EST) 19:30
    assert interval_at(doc, datetime(2026, 11, 23, 1, 30, tzinfo=UTC)) == "working"   # Sun 20:30 EST
    assert interval_at(doc, datetime(2026, 11, 23, 0, 30, tzinfo=UTC)) == "non_working"  # Sun 19:30 EST
    assert interval_at(doc, datetime(2026, 11, 22, 23, 59)) == "working"  # local Sunday 23:59, end 24:00


def test_exception_dates_replace_the_weekday_and_an_empty_one_is_non_working():
    monday = [{"day": "mon", "start": "09:00", "end": "18:00", "interval": "working"}]
    doc = make_document({"working": HANGUP, "non_working": HANGUP, "custom1": HANGUP}, extra=("Праздник",),
                        ranges=monday,
                        exceptions=[{"date": "2026-11-30", "ranges": []},
                                    {"date": "2026-12-07", "ranges": [
                                        {"start": "10:00", "end": "12:00", "interval": "custom1"}]}])
    assert interval_at(doc, datetime(2026, 11, 23, 10, 0)) == "working"
    assert interval_at(doc, datetime(2026, 11, 30, 10, 0)) == "non_working"
    assert interval_at(doc, datetime(2026, 12, 7, 11, 0)) == "custom1"
    assert interval_at(doc, datetime(2026, 12, 7, 9, 0)) == "non_working"  # weekday ranges do not apply


def test_always_mode_is_working_whatever_the_ranges_say():
    doc = make_document({"working": HANGUP}, mode="always",
                        ranges=[{"day": "mon", "start": "00:00", "end": "24:00", "interval": "non_working"}],
                        exceptions=[{"date": "2026-11-23", "ranges": []}])
    assert interval_at(doc, datetime(2026, 11, 23, 3, 0)) == "working"
    assert simulate(doc, datetime(2026, 11, 23, 3, 0)).interval == "working"
    assert occurring_intervals(doc) == {"working"}


BERLIN_RANGES = [
    {"day": "sun", "start": "02:00", "end": "03:00", "interval": "working"},
    {"day": "sun", "start": "03:00", "end": "04:00", "interval": "custom1"},
]


def _berlin():
    return make_document({"working": HANGUP, "non_working": HANGUP, "custom1": HANGUP}, extra=("Ночь",),
                         ranges=BERLIN_RANGES, timezone_name="Europe/Berlin")


def test_spring_forward_a_missing_local_time_is_read_with_fold_0():
    doc = _berlin()
    # 2026-03-29: clocks jump 02:00 -> 03:00. fold=0 reads 02:30 with the old offset (+01:00),
    # the instant 01:30 UTC, which is 03:30 local summer time.
    gap = datetime(2026, 3, 29, 2, 30)
    assert local_instant(doc, gap) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert local_instant(doc, gap).hour == 3
    assert interval_at(doc, gap) == "custom1"
    assert interval_at(doc, datetime(2026, 3, 29, 1, 59)) == "non_working"
    assert interval_at(doc, datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == "non_working"  # 01:59 CET
    assert interval_at(doc, datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "custom1"  # 03:00 CEST


def test_fall_back_an_ambiguous_local_time_is_its_first_occurrence():
    doc = _berlin()
    # 2026-10-25: clocks go back 03:00 -> 02:00; 02:30 happens twice, fold=0 is the summer-time one.
    twice = datetime(2026, 10, 25, 2, 30)
    first = local_instant(doc, twice)
    assert (first.hour, first.minute) == (2, 30)
    assert first.timestamp() == datetime(2026, 10, 25, 0, 30, tzinfo=UTC).timestamp()
    assert interval_at(doc, twice) == "working"
    # both real instants at 02:30 local are in the 02:00-03:00 range
    assert interval_at(doc, datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) == "working"
    assert interval_at(doc, datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == "working"
    assert interval_at(doc, datetime(2026, 10, 25, 2, 30, tzinfo=UTC)) == "custom1"  # 03:30 CET


def test_occurring_intervals_follow_the_week_and_the_exception_dates():
    full_week = [{"day": d, "start": "00:00", "end": "24:00", "interval": "working"}
                 for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")]
    doc = make_document({"working": HANGUP}, ranges=full_week, extra=("A", "B"))
    assert occurring_intervals(doc) == {"working"}  # no minute left for non_working

    doc = make_document({"working": HANGUP}, ranges=full_week, extra=("A", "B"),
                        exceptions=[{"date": "2026-05-01", "ranges": [
                            {"start": "10:00", "end": "12:00", "interval": "custom2"}]}])
    assert occurring_intervals(doc) == {"working", "custom2", "non_working"}  # the holiday's free hours


def test_occurring_intervals_of_the_spec_example(spec_example):
    assert occurring_intervals(spec_example) == {"working", "custom1", "non_working"}


def test_occurring_intervals_ignore_malformed_and_empty_ranges():
    doc = make_document({"working": HANGUP}, extra=("A", "B", "C"), ranges=[
        {"day": "mon", "start": "10:00", "end": "10:00", "interval": "custom1"},
        {"day": "mon", "start": "12:00", "end": "11:00", "interval": "custom2"},
        {"day": "tue", "start": "25:00", "end": "26:00", "interval": "custom3"},
        {"day": "xyz", "start": "09:00", "end": "10:00", "interval": "custom3"},
        {"day": "wed", "start": "09:00", "end": "10:00", "interval": "working"},
    ])
    assert occurring_intervals(doc) == {"working", "non_working"}


@pytest.mark.parametrize("name", ["Europe", "x" * 5000, ""])
def test_a_timezone_name_that_is_a_directory_or_too_long_is_unknown(name):
    with pytest.raises(UnknownTimezoneError):
        zone(name)
