"""Structure of the generated dialplan, for the SPEC example and for generated valid documents.

Checked on the text itself with the strict parser (tests/backend/dialplan_parser.py): every line is
well-formed, every jump target exists, every priority is reachable from ``s``, menu timeouts and repeat
counts and every ``Dial``/ring timeout are the configured ones, the interval chosen by the ``s``
extension at any instant is the one SPEC §6 step 1 picks (the domain's ``interval_at``), and no two
numbers' contexts collide.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.domain.models import (
    WEEKDAYS,
    Directory,
    FaxNode,
    ForwardDepartmentNode,
    ForwardEmployeeNode,
    ForwardExternalNode,
    MenuNode,
    RoutingDocument,
    VoicemailNode,
)
from pbxdesk.domain.schedule import interval_at_local, local_instant, occurring_intervals
from pbxdesk.domain.timeutil import DAY_MINUTES, parse_hhmm
from pbxdesk.domain.walk import iter_nodes
from tests.backend.backend_docs import CASES, routing
from tests.backend.dialplan_checks import check_structure
from tests.backend.dialplan_parser import Dialplan, parse
from tests.backend.dialplan_time import route_at, scenario_start
from tests.domain.strategies import documents_with_directory, instants

_DIAL = re.compile(r"^Dial\(([^,]+),([0-9]+)\)$")
MAX_LINE = 4096  # Asterisk skips a line of 8,192 bytes or more with only a warning; stay far below


def compiled_nodes(doc: RoutingDocument) -> list[tuple[str, object]]:
    """Nodes of the scenarios the dialplan holds: those of intervals that can occur."""
    occurring = occurring_intervals(doc)
    return [(p, n) for p, n in iter_nodes(doc) if p.split("/")[2] in occurring]


def node_extension(plan: Dialplan, ptr: str):
    head = f"{ptr}: "
    for ctx in plan.contexts.values():
        if ctx.comment and ctx.comment.startswith(head):
            return ctx
        for ext in ctx.extensions.values():
            if ext.comment and ext.comment.startswith(head):
                return ext
    raise AssertionError(f"no code for {ptr}")


def check_configured_values(doc: RoutingDocument, directory: Directory, plan: Dialplan) -> None:
    """Menu waits and repeats, forward timeouts, department timeouts and steps, e-mails: as configured."""
    for ptr, node in compiled_nodes(doc):
        code = node_extension(plan, ptr)
        if isinstance(node, MenuNode):
            s = code.extensions["s"].priorities
            assert [p.args for p in s if p.app == "WaitExten"] == [str(node.timeout_s)]
            i = code.extensions["i"].priorities[0]
            assert i.args.startswith(f"$[${{PBXDESK_PLAYS}} < {node.repeats}]?"), i.args
            assert code.extensions["t"].priorities[0].app == "Goto"
            for key in node.keys:
                assert key in code.extensions, f"{ptr}: key {key} is no extension"
            if node.extension_dialing:
                wanted = {e.extension for e in directory.employees if e.extension} - set(node.keys)
                dialled = {name for name in code.extensions if name.isdigit() and name not in node.keys}
                assert dialled == wanted
                for name in dialled:
                    dials = [p.args for p in code.extensions[name].priorities if p.app == "Dial"]
                    assert dials == [f"PJSIP/{name},30"]
            continue
        dials = [_DIAL.match(f"Dial({p.args})") for p in code.priorities if p.app == "Dial"]
        if isinstance(node, ForwardExternalNode):
            assert [(m.group(1), m.group(2)) for m in dials if m] == \
                [(f"PJSIP/{node.number}@trunk", str(node.timeout_s))]
        elif isinstance(node, ForwardEmployeeNode):
            employee = directory.employee(node.employee)
            assert [(m.group(1), m.group(2)) for m in dials if m] == \
                [(f"PJSIP/{employee.extension}", str(node.timeout_s))]
        elif isinstance(node, ForwardDepartmentNode):
            department = directory.department(node.department)
            ringable = {m for m in department.members
                        if directory.employee(m) and (directory.employee(m).extension or "").isdigit()}
            dial_args = [p.args for p in code.priorities if p.app == "Dial"]
            gosubs = [p.args for p in code.priorities if p.app == "GosubIf"]
            if ringable:
                assert len(dial_args) == 1 and dial_args[0].endswith(f":1}},{node.timeout_s}"), dial_args
                assert len(gosubs) == len(ringable)
                ring = plan.contexts[gosubs[0].split("?", 1)[1].split(",")[0]]
                steps = {m for e in ring.extensions.values() for p in e.priorities
                         for m in re.findall(r"\* ([0-9]+)", p.args)}
                assert steps == (set() if node.distribution == "all" else {str(node.step_s)})
            else:
                assert dial_args == [] and gosubs == []
        elif isinstance(node, VoicemailNode | FaxNode):
            emails: set[str] = {node.external_email} if node.external_email else set()
            for r in node.recipients:
                ids = [r.employee] if hasattr(r, "employee") else directory.department(r.department).members
                emails |= {directory.employee(i).email for i in ids if directory.employee(i).email}
            handlers = [p for p in code.priorities if p.args.startswith("CHANNEL(hangup_handler_push)=")]
            if emails:
                mail = plan.contexts[f"pbxdesk-{doc.number}"].extensions[handlers[0].args.split(",")[1]]
                assert mail.priorities[0].args.split(" ")[4:] == sorted(emails)
            else:
                assert handlers == []


def test_spec_example_structure(spec_example, directory) -> None:
    compiled = compile_routing(spec_example, directory)
    plan = parse(compiled.text)
    check_structure(plan, "pbxdesk-4952302222")
    check_configured_values(spec_example, directory, plan)
    assert list(plan.contexts) == ["pbxdesk-4952302222", "pbxdesk-4952302222-menu1", "pbxdesk-4952302222-ring1"]
    # the menu of /scenarios/working: wait 5 s, 3 plays; key 1 and the four extensions of the directory
    menu = plan.contexts["pbxdesk-4952302222-menu1"]
    assert sorted(menu.extensions) == sorted(["s", "1", "101", "102", "103", "201", "i", "t"])


def test_spec_example_interval_choice(spec_example, directory) -> None:
    """Monday 10:00 Moscow → the working menu; 13:30 → the lunch message; Tuesday → non-working
    voicemail; 2026-12-31 (a Thursday) 10:00 → working by its exception, 16:00 → non-working."""
    plan = parse(compile_routing(spec_example, directory).text)
    main = "pbxdesk-4952302222"
    cases = {datetime(2026, 11, 23, 10, 0): "working", datetime(2026, 11, 23, 13, 30): "custom1",
             datetime(2026, 11, 23, 13, 59): "custom1", datetime(2026, 11, 23, 18, 0): "non_working",
             datetime(2026, 11, 24, 10, 0): "non_working", datetime(2026, 12, 31, 10, 0): "working",
             datetime(2026, 12, 31, 16, 0): "non_working"}
    for local, interval in cases.items():
        assert route_at(plan, main, local, "Europe/Moscow") == scenario_start(plan, main, interval), local


def test_golden_documents_values(directory) -> None:
    for doc in CASES.values():
        plan = parse(compile_routing(doc, directory).text)
        check_configured_values(doc, directory, plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents_with_directory(), st.lists(instants(), min_size=1, max_size=4))
def test_generated_documents(pair: tuple[RoutingDocument, Directory], moments: list) -> None:
    doc, directory = pair
    compiled = compile_routing(doc, directory)
    plan = parse(compiled.text)
    main = f"pbxdesk-{doc.number}"
    check_structure(plan, main)
    check_configured_values(doc, directory, plan)
    assert max(len(line.encode()) for line in compiled.text.splitlines()) < MAX_LINE
    assert all(name == main or name.startswith((main + "-menu", main + "-ring")) for name in plan.contexts)
    referenced = set(re.findall(r"(?:Playback|Background)\(pbxdesk/([0-9a-f]{64})\)", compiled.text))
    assert referenced == {s.name for s in compiled.sounds}
    for local in [local_instant(doc, at) for at in moments] + boundary_times(doc):
        expected = scenario_start(plan, main, interval_at_local(doc, local))
        assert route_at(plan, main, local, doc.timezone) == expected, local


def boundary_times(doc: RoutingDocument) -> list[datetime]:
    """Wall-clock minutes around every range edge: the week of Monday 2026-11-23 and each exception date."""
    days: list[tuple[date, list]] = [(date(2026, 11, 23) + timedelta(days=i),
                                      [r for r in doc.schedule.ranges if r.day == day])
                                     for i, day in enumerate(WEEKDAYS)]
    days += [(date.fromisoformat(e.date), e.ranges) for e in doc.schedule.exceptions]
    out = []
    for day, ranges in days:
        midnight = datetime.combine(day, time())
        for r in ranges:
            for edge in (parse_hhmm(r.start), parse_hhmm(r.end)):
                for minute in (edge - 1, edge):
                    if 0 <= minute < DAY_MINUTES:
                        out.append(midnight + timedelta(minutes=minute))
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents_with_directory(max_depth=2), min_size=2, max_size=4,
                unique_by=lambda pair: pair[0].number))
def test_numbers_never_collide(pairs: list[tuple[RoutingDocument, Directory]]) -> None:
    """All numbers' files included together: every context name is defined once, and each one's
    jumps stay inside its own number's contexts."""
    texts = [compile_routing(doc, directory).text for doc, directory in pairs]
    plan = parse("\n".join(texts))  # the parser refuses a context defined twice
    counts = Counter(name.split("-")[1] for name in plan.contexts)
    assert set(counts) == {doc.number for doc, _ in pairs}
    for doc, _ in pairs:
        for name, ctx in plan.contexts.items():
            if name.split("-")[1] == doc.number:
                for ext in ctx.extensions.values():
                    for p in ext.priorities:
                        for other in {d.number for d, _ in pairs} - {doc.number}:
                            assert f"pbxdesk-{other}" not in p.args
    check_structure(plan, *(f"pbxdesk-{doc.number}" for doc, _ in pairs))


@pytest.mark.parametrize("distribution", ["all", "in_turn", "incremental"])
def test_a_1000_member_department_is_linear_and_every_line_is_short(distribution: str) -> None:
    """No line near Asterisk's 8 KB limit, whatever the department size, and the dialplan grows linearly:
    one snapshot line per member, everything else fixed."""
    sizes = {}
    for size in (100, 1000):
        directory = Directory.model_validate({
            "employees": [{"id": f"e{i}", "name": f"N{i}", "extension": str(10000 + i)} for i in range(size)],
            "departments": [{"id": "d", "name": "D", "members": [f"e{i}" for i in range(size)]}]})
        node = {"type": "forward_department", "department": "d", "distribution": distribution,
                "step_s": None if distribution == "all" else 5, "timeout_s": 600, "announcement": None, "next": None}
        text = compile_routing(routing("4950000099", {"working": node}), directory).text
        assert max(len(line.encode()) for line in text.splitlines()) < MAX_LINE
        check_structure(parse(text), "pbxdesk-4950000099")
        sizes[size] = len(text.encode())
    per_member = (sizes[1000] - sizes[100]) / 900
    assert per_member < 400, per_member  # bytes per extra member
    assert sizes[1000] < 11 * sizes[100]
