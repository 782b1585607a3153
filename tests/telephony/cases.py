"""The real-call cases of the tier, by Asterisk clock (see realcall.py for what a case is).

* ``MONDAY`` (2026-11-30 07:00:20 UTC, Monday 10:00 in Moscow): schedules around the 10:00 minute in
  several zones, exception dates, messages, menus, forwards, the three distributions with 2, 5 and 200
  members, voicemail and fax.
* ``MIDNIGHT`` (2026-11-30 20:59:40 UTC, Monday 23:59 in Moscow): the end of a day (``24:00``).
* ``DST`` (2026-03-29 01:00:20 UTC, Sunday 03:00 in Berlin just after clocks went forward; 21:00 on
  Saturday in New York, three weeks into its summer time).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tests.telephony.realcall import INTERVALS, Case, Person

MONDAY = datetime(2026, 11, 30, 7, 0, 20, tzinfo=UTC)
MIDNIGHT = datetime(2026, 11, 30, 20, 59, 40, tzinfo=UTC)
DST = datetime(2026, 3, 29, 1, 0, 20, tzinfo=UTC)
CUSTOM = [{"id": f"custom{i}", "name": f"Extra {i}"} for i in (1, 2, 3)]


def tts(text: str) -> dict[str, str]:
    return {"tts": text, "voice": "en"}


def say(text: str, nxt: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "message", "prompt": tts(text), "next": nxt}


def per_interval(intervals: list[str]) -> dict[str, Any]:
    return {iv: say(f"interval {iv}") for iv in intervals}


def weekly(ranges: list[tuple[str, str, str, str]], exceptions: list[dict[str, Any]] = (),
           extra: bool = False) -> dict[str, Any]:
    return {"mode": "weekly", "intervals": INTERVALS + (CUSTOM if extra else []),
            "ranges": [{"day": d, "start": s, "end": e, "interval": i} for d, s, e, i in ranges],
            "exceptions": list(exceptions)}


def schedule_case(name: str, ranges: list[tuple[str, str, str, str]], timezone: str = "Europe/Moscow",
                  exceptions: list[dict[str, Any]] = (), extra: bool = False) -> Case:
    intervals = ["working", "non_working"] + (["custom1", "custom2", "custom3"] if extra else [])
    return Case(name, per_interval(intervals), schedule=weekly(ranges, exceptions, extra), timezone=timezone)


def menu(**kw: Any) -> dict[str, Any]:
    node = {"type": "menu", "prompt": tts("press one"), "extension_dialing": True, "timeout_s": 2, "repeats": 3,
            "keys": {"1": say("key one")}, "no_input": say("no input")}
    node.update(kw)
    return node


def department(distribution: str, step: int | None, timeout: int, nxt: dict[str, Any] | None = None,
               announcement: dict[str, str] | None = None, dep: str = "d") -> dict[str, Any]:
    return {"type": "forward_department", "department": dep, "distribution": distribution,
            "step_s": step, "timeout_s": timeout, "announcement": announcement, "next": nxt}


def team(size: int, answers: dict[int, float] = (), busy: tuple[int, ...] = ()) -> list[Person]:
    """m1..m<size>; ``answers``: member number -> seconds after each ring starts; ``busy``: in a call."""
    answers = dict(answers)
    return [Person(f"m{i}", answer_after_s=answers.get(i), busy=i in busy) for i in range(1, size + 1)]


def department_case(name: str, distribution: str, size: int, step: int | None, timeout: int,
                    answers: dict[int, float] = (), busy: tuple[int, ...] = (),
                    announcement: dict[str, str] | None = None, windows: bool = True) -> Case:
    people = team(size, answers, busy)
    node = department(distribution, step, timeout, nxt=say("nobody answered"), announcement=announcement)
    return Case(name, {"working": node}, people=people, departments={"d": [p.id for p in people]},
                windows=windows)


def forward_employee(employee: str, timeout: int, nxt: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "forward_employee", "employee": employee, "timeout_s": timeout, "announcement": None,
            "next": nxt}


def forward_external(number: str, timeout: int) -> dict[str, Any]:
    return {"type": "forward_external", "number": number, "timeout_s": timeout, "announcement": tts("connecting"),
            "next": say("the line did not answer")}


def monday_cases() -> list[Case]:
    cases = [
        # schedules: the call comes at 10:00 on Monday in Moscow
        schedule_case("sched_start_minute", [("mon", "10:00", "11:00", "working")]),
        schedule_case("sched_end_excluded", [("mon", "09:00", "10:00", "working")]),
        schedule_case("sched_last_minute", [("mon", "09:00", "10:01", "working")]),
        *[schedule_case(f"sched_custom{k}", [("mon", "09:00", "10:00", "working"),
                                             ("mon", "10:00", "10:30", f"custom{k}")], extra=True)
          for k in (1, 2, 3)],
        schedule_case("sched_other_weekday", [("tue", "10:00", "11:00", "working")]),
        schedule_case("sched_exception_today", [("mon", "09:00", "18:00", "working")], extra=True,
                      exceptions=[{"date": "2026-11-30", "ranges": [
                          {"start": "09:00", "end": "10:01", "interval": "custom1"}]}]),
        schedule_case("sched_exception_empty", [("mon", "09:00", "18:00", "working")],
                      exceptions=[{"date": "2026-11-30", "ranges": []}]),
        schedule_case("sched_exception_other_date", [("mon", "09:00", "18:00", "working")],
                      exceptions=[{"date": "2026-12-01", "ranges": []}]),
        Case("sched_always", per_interval(["working"])),
        schedule_case("sched_zone_previous_day", [("sun", "21:00", "22:00", "working")], timezone="America/Adak"),
        # a message, then hang up
        Case("message_then_hangup", {"working": say("hello", say("goodbye"))}),
        # menus
        Case("menu_key", {"working": menu()}, inputs=["1"], digits=[(0.8, "1")]),
        Case("menu_no_input", {"working": menu()}),
        Case("menu_invalid_then_key", {"working": menu()}, inputs=["7", "1"], digits=[(0.8, "7"), (1.5, "1")]),
        Case("menu_repeats_run_out", {"working": menu(repeats=2)}, inputs=["7", "7"],
             digits=[(0.8, "7"), (1.5, "7")]),
        Case("menu_not_an_extension", {"working": menu()}, inputs=["99"], digits=[(0.8, "99")]),
        Case("menu_extension_answered", {"working": menu()}, people=[Person("anna", answer_after_s=1.0)],
             inputs=["@anna"], digits=[(0.8, "@anna")]),
        Case("menu_extension_unanswered", {"working": menu()}, people=[Person("boris")], inputs=["@boris"],
             digits=[(0.8, "@boris")], hold_s=40),
        Case("menu_extension_busy", {"working": menu()}, people=[Person("vera", busy=True)], inputs=["@vera"],
             digits=[(0.8, "@vera")]),
        # forwards
        Case("external_answered", {"working": forward_external("4951110001", 10)}, externals={"4951110001": 2.0}),
        Case("external_timeout", {"working": forward_external("4951110002", 10)}, externals={"4951110002": None}),
        Case("external_busy_line", {"working": forward_external("4951110003", 10)}, externals={"4951110003": "busy"},
             windows=False),
        Case("employee_answered", {"working": forward_employee("anna", 10, say("missed"))},
             people=[Person("anna", answer_after_s=2.0)]),
        Case("employee_timeout", {"working": forward_employee("boris", 10, say("missed"))}, people=[Person("boris")]),
        Case("employee_busy", {"working": forward_employee("vera", 10, say("missed"))},
             people=[Person("vera", busy=True)]),
        Case("employee_without_extension", {"working": forward_employee("gleb", 10, say("missed"))},
             people=[Person("gleb", extension=False)]),
        # the directory changed under a routing (docs/routing.md): a target that left rings nobody, the call
        # moves on at once; mail goes to the recipients still there
        Case("employee_left_the_directory", {"working": forward_employee("ghost", 10, say("missed"))},
             people=[Person("anna")]),
        Case("department_left_the_directory", {"working": department("all", None, 15, nxt=say("nobody answered"),
                                                                     dep="gone")},
             people=[Person("anna")], departments={"d": ["anna"]}),
        Case("recipients_left_the_directory", {"working": {
            "type": "fax", "greeting": None, "external_email": None,
            "recipients": [{"employee": "ghost"}, {"department": "gone"}, {"employee": "anna"}]}},
             people=[Person("anna", email="anna@example.ru")], hold_s=4),
        # departments: each distribution with 2, 5 and 200 members
        department_case("all_2", "all", 2, None, 15, answers={2: 2.0}),
        department_case("all_5", "all", 5, None, 15),
        department_case("all_200", "all", 200, None, 15, answers={150: 3.0}, busy=(10, 20, 30)),
        department_case("in_turn_2", "in_turn", 2, 5, 15),
        department_case("in_turn_5", "in_turn", 5, 5, 20, answers={4: 2.0}, busy=(3,)),
        department_case("in_turn_200", "in_turn", 200, 5, 15, busy=(1,)),
        department_case("incremental_2", "incremental", 2, 5, 15, answers={1: 7.0}),
        department_case("incremental_5", "incremental", 5, 5, 15),
        department_case("incremental_200", "incremental", 200, 5, 20, answers={3: 1.0}),
        department_case("department_announcement", "all", 2, None, 15, answers={1: 1.0},
                        announcement=tts("please hold")),
        Case("department_after_employee", {"working": forward_employee(
            "x", 10, department("in_turn", 5, 15))}, people=[Person("x"), Person("y")],
            departments={"d": ["x", "y"]}),
        Case("employee_after_department", {"working": department(
            "in_turn", 5, 15, nxt=forward_employee("x", 10, None))}, people=[Person("x"), Person("y")],
            departments={"d": ["x", "y"]}),
        Case("department_member_without_extension", {"working": department("in_turn", 5, 15)},
             people=[Person("a"), Person("b", extension=False), Person("c")], departments={"d": ["a", "b", "c"]}),
        # voicemail and fax
        Case("voicemail", {"working": {
            "type": "voicemail", "greeting": tts("leave a message"),
            "recipients": [{"employee": "anna"}, {"department": "sales"}], "external_email": "boss@example.ru"}},
            people=[Person("anna", email="anna@example.ru"), Person("boris", email="boris@example.ru"),
                    Person("vera")], departments={"sales": ["anna", "boris", "vera"]}, audio=True, hold_s=6),
        Case("fax", {"working": {"type": "fax", "greeting": None, "recipients": [{"employee": "anna"}],
                                 "external_email": None}},
             people=[Person("anna", email="anna@example.ru")], hold_s=4),
    ]
    hangs_up = department_case("caller_hangs_up_while_ringing", "all", 5, None, 30, windows=False)
    hangs_up.cancel_after_s = 4.0
    return cases + [hangs_up]


def midnight_cases() -> list[Case]:
    return [schedule_case("sched_until_midnight", [("mon", "22:00", "24:00", "working")]),
            schedule_case("sched_last_minute_excluded", [("mon", "22:00", "23:59", "working")])]


def dst_cases() -> list[Case]:
    return [schedule_case("dst_spring_forward_berlin", [("sun", "02:00", "03:00", "non_working"),
                                                       ("sun", "03:00", "04:00", "working")],
                          timezone="Europe/Berlin"),
            schedule_case("dst_summer_time_new_york", [("sat", "21:00", "22:00", "working")],
                          timezone="America/New_York")]
