"""Real calls compared with ``pbxdesk simulate``: cases, one batch of concurrent calls per Asterisk, results.

A :class:`Case` is one phone number of its own: its routing scenarios, its people (each gets a unique
extension, and their phone behaviour: never answers, answers ``answer_after_s`` after each ring starts,
or is busy with a real established call), external numbers and what the caller does (DTMF, audio,
hanging up while it rings). :func:`run_batch` deploys every case with pbxdesk's own deployer (real TTS
prompts, the settings file the tier writes) into one Asterisk with a faked clock, in a private network
namespace, places all the calls at once, and returns a :class:`Real` per case: the interval instant
Asterisk saw, the prompts it played, the ring windows the phones saw (sipp traces) labelled with the node
that rang them, and the outcome (who picked up, the voicemail or fax mail the hook received).
:func:`simulated` runs the domain simulator for the same instant, keys, busy set and answer, and
:func:`compare` checks one against the other (ring windows within :data:`TOLERANCE_S`).
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk.nodes import tts_sound_name
from pbxdesk.backend.asterisk.writer import AsteriskDeployer
from pbxdesk.domain.document import from_dict
from pbxdesk.domain.models import Directory
from pbxdesk.domain.simulator import CallResult, simulate
from tests.telephony.harness import Asterisk, Caller, Endpoint, Namespace, SipMessage, Uas

TOLERANCE_S = 0.5
INTERVALS = [{"id": "working", "name": "Рабочее время"}, {"id": "non_working", "name": "Нерабочее время"}]
HOLD_PORT, REJECT_PORT, ANSWER_PORT0 = 5071, 5069, 5072
RING_PORTS = (5070, 5100, 5101, 5102, 5103, 5104, 5105, 5106)
"""Phones that never answer are served by several sipp processes (by extension), as real phones are
separate devices: one sipp answering hundreds of INVITEs in a burst would queue them and blur the times."""
CALLER_PORT0, MEDIA0 = 5200, 40000
VOICEMAIL_GREETING = "vm-intro"
START_S, HEAVY, HEAVY_GAP_S = 1.5, 100, 2.5


@dataclass(frozen=True)
class Person:
    id: str
    answer_after_s: float | None = None  # None: the phone rings until cancelled
    busy: bool = False  # in a real call when the test call comes
    email: str | None = None
    extension: bool = True  # False: the directory has no extension for them


@dataclass
class Case:
    name: str
    scenarios: dict[str, Any]
    people: list[Person] = field(default_factory=list)
    departments: dict[str, list[str]] = field(default_factory=dict)
    schedule: dict[str, Any] | None = None
    timezone: str = "Europe/Moscow"
    inputs: list[str] = field(default_factory=list)  # simulate --input
    digits: list[tuple[float, str]] = field(default_factory=list)  # (seconds after the previous, DTMF)
    externals: dict[str, float | str | None] = field(default_factory=dict)  # number: answer delay/None/"busy"
    hold_s: float = 20.0  # the caller hangs up this long after the answer and its keys (unless Asterisk does)
    audio: bool = False
    cancel_after_s: float | None = None
    windows: bool = True  # compare ring windows with simulate (not where simulate cannot know)
    number: str = ""
    extensions: dict[str, str] = field(default_factory=dict)  # person id -> extension

    def document(self) -> dict[str, Any]:
        schedule = self.schedule or {"mode": "always", "intervals": INTERVALS, "ranges": [], "exceptions": []}
        return {"format": "pbxdesk.routing/1", "number": self.number, "name": self.name,
                "timezone": self.timezone, "schedule": schedule, "scenarios": self.scenarios}

    def directory(self) -> Directory:
        employees = [{"id": p.id, "name": p.id, "email": p.email,
                      **({"extension": self.extensions[p.id]} if p.extension else {})} for p in self.people]
        return Directory.model_validate({"employees": employees, "departments": [
            {"id": d, "name": d, "members": members} for d, members in self.departments.items()]})

    def answer(self) -> tuple[str | None, float]:
        """simulate's ``--answer``: the one person or external number that picks up (or nobody)."""
        for p in self.people:
            if p.answer_after_s is not None and not p.busy:
                return p.id, p.answer_after_s
        for number, after in self.externals.items():
            if isinstance(after, float | int):
                return f"external:{number}", float(after)
        return None, 0.0


@dataclass
class Window:
    target: str  # person id or external number
    start: datetime  # real time (sipp clocks)
    end: datetime
    answered: bool
    node: str = ""  # the JSON pointer of the node that rang it


@dataclass
class Real:
    instant: datetime | None = None  # the instance's (faked) clock when the call reached the dialplan
    plays: list[str] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    outcome: dict[str, Any] = field(default_factory=dict)
    apps: list[str] = field(default_factory=list)
    mail: list[str] = field(default_factory=list)
    caller_hangup: datetime | None = None  # when the caller's CANCEL or BYE went out (real time)


@dataclass
class Batch:
    results: dict[str, Real]
    reload_s: float
    boot_s: float
    dialplan_bytes: int
    asterisk: Asterisk


def _sound(prefix: str, prompt: dict[str, Any]) -> str:
    if "tts" in prompt:
        return f"{prefix}/{tts_sound_name(prompt['tts'], prompt.get('voice', 'ru'))}"
    if "audio" in prompt:
        return f"{prefix}/{prompt['audio']}"
    return VOICEMAIL_GREETING if prompt.get("system") == "voicemail" else ""


def simulated(case: Case, instant: datetime) -> CallResult:
    """``pbxdesk simulate`` of this case at the instant Asterisk saw the call."""
    who, after = case.answer()
    busy = [p.id for p in case.people if p.busy]
    return simulate(from_dict(case.document()), instant, case.directory(), inputs=case.inputs, busy=busy,
                    answer=who, answer_after_s=after)


def _node_map(text: str) -> dict[str, str]:
    """``node<k>`` and ``menu<k>`` of a compiled dialplan -> the JSON pointer of their node."""
    found: dict[str, str] = {}
    comment = ""
    for line in text.splitlines():
        if line.startswith("; /"):
            comment = line[2:].split(": ", 1)[0]
        elif m := re.match(r"^exten => (node\d+),1,", line):
            found[m.group(1)] = comment
        elif m := re.match(r"^\[pbxdesk-\d{10}-(menu\d+)\]$", line):
            found[m.group(1)] = comment
    return found


class _Instance:
    """One Asterisk with its phones, for a list of cases (numbers assigned by the caller)."""

    def __init__(self, root: Path, workdir: Path, clock: datetime, cases: list[Case], tts_cache: Path) -> None:
        self.root, self.workdir, self.clock, self.cases = root, workdir, clock, cases
        self.deploy_root = workdir / "deploy"
        self.records = workdir / "records"
        self.records.mkdir(parents=True, exist_ok=True)
        self.mail_log = workdir / "mail.log"
        hook = workdir / "mailhook.sh"
        hook.write_text(f'#!/bin/sh\necho "$*" >> {self.mail_log}\n')
        hook.chmod(0o755)
        settings = workdir / "asterisk.ini"
        settings.write_text("[asterisk]\nemployee_channel = PJSIP/{extension}\nemployee_device = PJSIP/{extension}\n"
                            "trunk = PJSIP/{number}\n"
                            f"mail_command = {hook} {{kind}} {{number}} {{file}} {{emails}}\n"
                            f"record_dir = {self.records}\nsound_prefix = {self.deploy_root}/sounds/pbxdesk\n"
                            f"voicemail_greeting = {VOICEMAIL_GREETING}\nvoicemail_max_s = 60\n")
        self.deployer = AsteriskDeployer(self.deploy_root, EspeakEngine(tts_cache), lambda _m: None,
                                         settings_path=settings)
        self.node_maps: dict[str, dict[str, str]] = {}
        self.delays = sorted({float(p.answer_after_s) for c in cases for p in c.people
                              if p.answer_after_s is not None and not p.busy}
                             | {float(a) for c in cases for a in c.externals.values() if isinstance(a, float | int)})

    def port_of(self, answer_after_s: float | str | None, busy: bool = False, extension: str = "0") -> int:
        if busy:
            return HOLD_PORT
        if answer_after_s == "busy":
            return REJECT_PORT
        if answer_after_s is None:
            return RING_PORTS[int(extension) % len(RING_PORTS)]
        return ANSWER_PORT0 + self.delays.index(float(answer_after_s))

    def deploy(self) -> int:
        total = 0
        for case in self.cases:
            result = self.deployer.deploy(case.number, from_dict(case.document()), case.directory())
            assert result.ok, f"{case.name}: {result.message}"
            text = self.deployer.number_path(case.number).read_text()
            self.node_maps[case.number] = _node_map(text)
            total += len(text.encode())
        return total

    def endpoints(self) -> list[Endpoint]:
        out = []
        for case in self.cases:
            for p in case.people:
                if p.extension:
                    ext = case.extensions[p.id]
                    out.append(Endpoint(ext, self.port_of(p.answer_after_s, p.busy, ext)))
            out += [Endpoint(number, self.port_of(after)) for number, after in case.externals.items()]
        return out


def run_batch(root: Path, workdir: Path, clock: datetime, cases: list[Case], tts_cache: Path,
              first_number: int, first_extension: int) -> Batch:
    """Deploy and call every case at once in one Asterisk whose clock starts at ``clock``."""
    extension = first_extension
    for i, case in enumerate(cases):
        case.number = f"{first_number + i:010d}"
        for p in case.people:
            case.extensions[p.id] = str(extension)
            extension += 1
        # "@<person>" in the caller's keys stands for that person's extension
        case.inputs = [case.extensions.get(k[1:], k) if k.startswith("@") else k for k in case.inputs]
        case.digits = [(d, case.extensions.get(k[1:], k) if k.startswith("@") else k) for d, k in case.digits]
    inst = _Instance(root, workdir, clock, cases, tts_cache)
    dialplan_bytes = inst.deploy()
    with Namespace() as ns:
        ast = Asterisk(root, workdir / "asterisk", ns, inst.endpoints(), [inst.deploy_root / "extensions_pbxdesk.conf"],
                       clock=clock)
        try:
            ast.start()
            reload_s = ast.reload()
            phones = workdir / "phones"
            uas = [Uas(ns, phones, HOLD_PORT, MEDIA0, 0.2), Uas(ns, phones, REJECT_PORT, MEDIA0 + 10, None, reject=True)]
            uas += [Uas(ns, phones, port, MEDIA0 + 100 + 10 * i, None) for i, port in enumerate(RING_PORTS)]
            uas += [Uas(ns, phones, ANSWER_PORT0 + i, MEDIA0 + 300 + 10 * i, d) for i, d in enumerate(inst.delays)]
            for u in uas:
                u.start()
            _make_busy(ast, [c.extensions[p.id] for c in cases for p in c.people if p.busy])
            holding = {m.call_id for m in uas[0].messages()}  # the calls that keep busy phones busy
            callers = []
            heavy = 0
            for i, case in enumerate(cases):
                # the sipp processes start now, their calls a little later; the calls that ring a large
                # department start one after another, so that their bursts of INVITEs never overlap
                start = START_S
                if len(case.people) >= HEAVY:
                    heavy += 1
                    start += HEAVY_GAP_S * heavy
                caller = Caller(ns, workdir / "callers", case.name, CALLER_PORT0 + i, MEDIA0 + 1000 + 10 * i,
                                case.number, digits=case.digits, hold_s=case.hold_s, audio=case.audio,
                                cancel_after_s=case.cancel_after_s, start_after_s=start)
                caller.start()
                callers.append(caller)
            deadline = time.time() + 150
            for caller in callers:
                caller.wait(max(1.0, deadline - time.time()))
            time.sleep(1.0)  # hangup handlers (the mail hook) run after the call ends
        finally:
            ast.stop()
        messages = [m for u in uas for m in u.messages() if m.call_id not in holding]
        results = {case.name: _collect(ast, inst, case, caller, messages) for case, caller in zip(cases, callers, strict=True)}
    return Batch(results, reload_s, ast.boot_s or 0.0, dialplan_bytes, ast)


def _make_busy(ast: Asterisk, extensions: list[str]) -> None:
    """Each busy person's phone gets a real call: Asterisk calls it, the phone answers, the call stays up."""
    if not extensions:
        return
    for ext in extensions:
        ast.hold_call(ext)
    deadline = time.time() + 20
    while time.time() < deadline:
        up = ast.cli("core show channels concise", check=False).stdout
        if all(re.search(rf"^PJSIP/{ext}-[^!]*!hold!s!\d+!Up!", up, flags=re.M) for ext in extensions):
            return
        time.sleep(0.1)
    raise AssertionError(f"the busy phones {extensions} did not get their calls up")


def _collect(ast: Asterisk, inst: _Instance, case: Case, caller: Caller, messages: list[SipMessage]) -> Real:
    real = Real()
    prefix = f"pbxdesk-{case.number}"
    executed = [e for e in ast.executed(prefix)]
    main = next((e for e in executed if e.context == prefix and e.exten == "s"), None)
    if main is None:
        return real
    real.instant = main.at
    on_main = [e for e in executed if e.channel == main.channel]
    real.apps = [f"{e.at:%M:%S.%f} {e.channel} {e.context.removeprefix(prefix)},{e.exten}: {e.app}({e.args})"
                 for e in executed]
    real.plays = [e.args for e in on_main if e.app.lower() in ("playback", "background")]
    # the caller's sipp clock and Asterisk's faked clock differ by a constant: the INVITE it sent is `main`
    caller_msgs = caller.messages()
    invite = next(m for m in caller_msgs if m.sent and m.method == "INVITE")
    offset = main.at.replace(tzinfo=None) - invite.at
    hangup = next((m for m in caller_msgs if m.sent and m.method in ("CANCEL", "BYE")), None)
    real.caller_hangup = hangup.at if hangup else None
    # nodes that ring, in the order they started (faked clock -> sipp clock)
    nodes = inst.node_maps[case.number]
    starts: list[tuple[datetime, str]] = []
    for e in on_main:
        if e.context == prefix and e.exten.startswith("node") and e.app == "NoOp" and e.args.startswith("forward_"):
            starts.append((e.at.replace(tzinfo=None) - offset, nodes[e.exten]))
        elif e.context.startswith(prefix + "-menu") and e.exten.isdigit() and len(e.exten) > 1 and e.app == "Dial":
            starts.append((e.at.replace(tzinfo=None) - offset, nodes[e.context.removeprefix(prefix + "-")]))
    targets = {ext: pid for pid, ext in case.extensions.items()} | {n: n for n in case.externals}
    by_call: dict[str, list[SipMessage]] = defaultdict(list)
    for m in messages:
        by_call[m.call_id].append(m)
    for msgs in by_call.values():
        invite_in = next((m for m in msgs if not m.sent and m.method == "INVITE"), None)
        if invite_in is None or invite_in.user not in targets:
            continue
        answered = next((m for m in msgs if m.sent and m.status == 200 and m.cseq_method == "INVITE"), None)
        ended = next((m for m in msgs if (not m.sent and m.method == "CANCEL") or (m.sent and m.status == 486)),
                     None)
        end = answered or ended
        if end is None:
            continue
        node = ""
        for at, ptr in starts:
            if at <= invite_in.at + timedelta(seconds=0.05):
                node = ptr
        real.windows.append(Window(targets[invite_in.user], invite_in.at, end.at, answered is not None, node))
    real.windows.sort(key=lambda w: (w.start, w.target))
    real.mail = [line for line in (inst.mail_log.read_text().splitlines() if inst.mail_log.is_file() else [])
                 if line.split(" ")[1:2] == [case.number]]
    picked = [w for w in real.windows if w.answered]
    if picked:
        who = picked[0].target
        real.outcome = {"kind": "connected", "external": who} if who in case.externals else \
            {"kind": "connected", "employee": who}
    elif real.mail:
        kind, _number, _file, *emails = real.mail[0].split(" ")
        real.outcome = {"kind": kind, "emails": sorted(emails)}
    elif any(e.app == "Record" for e in on_main) or any(e.app == "ReceiveFAX" for e in on_main):
        kind = "voicemail" if any(e.app == "Record" for e in on_main) else "fax"
        real.outcome = {"kind": kind, "emails": []}
    else:
        real.outcome = {"kind": "hangup"}
    return real


def expected_plays(case: Case, sim: CallResult, prefix: str) -> list[str]:
    return [s for s in (_sound(prefix, step["prompt"]) for step in sim.steps if step["kind"] == "play") if s]


def compare(case: Case, real: Real, sound_prefix: str) -> tuple[CallResult, float]:
    """Assert the real call did what simulate says; return the simulation and the largest window error."""
    assert real.instant is not None, f"{case.name}: the call never reached the dialplan"
    sim = simulated(case, real.instant)
    assert real.outcome == sim.outcome, f"{case.name}: real {real.outcome} != simulated {sim.outcome}\n" \
        + "\n".join(real.apps)
    assert real.plays == expected_plays(case, sim, sound_prefix), f"{case.name}: prompts differ\n" + \
        "\n".join(real.apps)
    worst = 0.0
    if not case.windows:
        return sim, worst
    rings = [s for s in sim.steps if s["kind"] == "ring"]
    assert {s["node"] for s in rings} == {w.node for w in real.windows}, \
        f"{case.name}: nodes that rang: real {sorted({w.node for w in real.windows})}, simulated " \
        f"{sorted({s['node'] for s in rings})}\n" + "\n".join(real.apps)
    for node in {s["node"] for s in rings}:
        mine = [w for w in real.windows if w.node == node]
        origin = min(w.start for w in mine)
        got = sorted(((w.target, (w.start - origin).total_seconds(), (w.end - origin).total_seconds())
                      for w in mine), key=lambda w: (w[0], w[1]))
        want = sorted(((s["target"], float(s["from_s"]), float(s["to_s"])) for s in rings if s["node"] == node),
                      key=lambda w: (w[0], w[1]))
        assert [w[0] for w in got] == [w[0] for w in want], \
            f"{case.name} {node}: real targets {[w[0] for w in got]} != simulated {[w[0] for w in want]}\n" \
            + "\n".join(real.apps)
        for g, w in zip(got, want, strict=True):
            error = max(abs(g[1] - w[1]), abs(g[2] - w[2]))
            worst = max(worst, error)
            assert error <= TOLERANCE_S, f"{case.name} {node}: real window {g} vs simulated {w}"
    return sim, worst


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
