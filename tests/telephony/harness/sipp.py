"""sipp (Debian's ``sip-tester``) as the phones of a test: scenarios, processes and their message traces.

* :class:`Uas`: one sipp server answering every INVITE sent to its port, for any number of endpoints and
  calls at once: ``180 Ringing`` at once, then ``200 OK`` ``answer_after_s`` seconds later unless a
  ``CANCEL`` came first (``None``: never answers, only rings until cancelled). An answered call is held
  until a ``BYE``. ``reject=True``: every INVITE gets ``486 Busy Here`` (a busy line).
* :class:`Caller`: one call from the endpoint ``caller`` to a dialled number: DTMF digits as SIP INFO
  (``application/dtmf-relay``) at moments counted from the answer, optional RTP audio (sipp's
  ``g711a.pcap``, needed by ``Record``), then it hangs up ``hold_s`` seconds after its last digit unless
  Asterisk hangs up first; ``cancel_after_s`` hangs up while still ringing instead; ``start_after_s``
  delays the INVITE (start many sipp processes first, then let their calls begin at chosen moments).
* :func:`read_trace`: the ``-trace_msg`` log of a sipp as :class:`SipMessage` (time, direction, first line,
  Call-ID, request user), the raw material of ring windows and answers.
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.telephony.harness.netns import Namespace

AUDIO_PCAP = Path("/usr/share/sip-tester/g711a.pcap")
_HEADER = re.compile(r"^-{20,} (\d{4}-\d\d-\d\d\s+\d\d:\d\d:\d\d\.\d+)\s*$")
_DIRECTION = re.compile(r"^(UDP|TCP) message (sent|received)")
_SIP_FIRST = re.compile(r"^(SIP/2\.0 \d{3}.*|[A-Z]+ sip:\S+ SIP/2\.0)$")

_UAS_RING = """
  <recv request="INVITE" crlf="true">
    <action><ereg regexp="[0-9]+" search_in="hdr" header="CSeq:" assign_to="invcseq"/></action>
  </recv>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]T[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

]]></send>
"""
_UAS_CANCEL = """
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]T[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <send><![CDATA[
SIP/2.0 487 Request Terminated
[last_Via:]
[last_From:]
[last_To:];tag=[pid]T[call_number]
[last_Call-ID:]
CSeq: [$invcseq] INVITE
Content-Length: 0

]]></send>
  <recv request="ACK"/>
"""
_UAS_ANSWER = """
  <send retrans="500"><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]T[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Type: application/sdp
Content-Length: [len]

v=0
o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0 8
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000

]]></send>
  <recv request="ACK"/>
  <recv request="BYE"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
"""


_UAS_REJECT = """
  <recv request="INVITE" crlf="true"/>
  <send><![CDATA[
SIP/2.0 486 Busy Here
[last_Via:]
[last_From:]
[last_To:];tag=[pid]T[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <recv request="ACK"/>
"""


def uas_scenario(answer_after_s: float | None, reject: bool = False) -> str:
    if reject:
        body = _UAS_REJECT
    elif answer_after_s is None:
        body = _UAS_RING + '  <recv request="CANCEL"/>\n' + _UAS_CANCEL
    else:
        ms = max(1, round(answer_after_s * 1000))
        body = (_UAS_RING + f'  <recv request="CANCEL" timeout="{ms}" ontimeout="answer"/>\n' + _UAS_CANCEL
                + '  <nop next="end"/>\n  <label id="answer"/>\n' + _UAS_ANSWER + '  <label id="end"/>\n')
    return f'<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="uas">\n{body}</scenario>\n'


def caller_scenario(digits: list[tuple[float, str]], hold_s: float, audio: bool,
                    cancel_after_s: float | None = None, start_after_s: float = 0) -> str:
    """The caller's scenario: (a pause of ``start_after_s``,) INVITE, wait for the answer, DTMF (seconds
    after the answer, or after the previous group), then hold ``hold_s`` unless Asterisk hangs up."""
    sdp_codec = "8" if audio else "0 8"
    invite = f'  <pause milliseconds="{round(start_after_s * 1000)}"/>\n' if start_after_s > 0 else ""
    invite += f"""
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-[pid]-[call_number]-invite
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:caller@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

v=0
o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP {sdp_codec}
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000

]]></send>
  <recv response="100" optional="true"/>
"""
    if cancel_after_s is not None:  # hang up while it rings: CANCEL after the first 180
        invite += (f'  <recv response="180"/>\n  <pause milliseconds="{max(1, round(cancel_after_s * 1000))}"/>\n'
                   '  <nop next="cancel"/>\n')
    invite += """  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200" rtd="true"/>
"""
    body = invite + """
  <send><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Contact: <sip:caller@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Length: 0

]]></send>
"""
    if audio:
        body += f'  <nop><action><exec play_pcap_audio="{AUDIO_PCAP}"/></action></nop>\n'
    cseq = 2
    for delay_s, group in digits:
        body += f'  <pause milliseconds="{max(1, round(delay_s * 1000))}"/>\n'
        for digit in group:
            body += f"""  <send><![CDATA[
INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: {cseq} INFO
Contact: <sip:caller@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/dtmf-relay
Content-Length: [len]

Signal={digit}
Duration=120
]]></send>
  <recv response="200"/>
  <pause milliseconds="150"/>
"""
            cseq += 1
    body += f"""  <recv request="BYE" timeout="{max(1, round(hold_s * 1000))}" ontimeout="hangup"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <nop next="end"/>
  <label id="hangup"/>
  <send retrans="500"><![CDATA[
BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: {cseq} BYE
Contact: <sip:caller@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
  <nop next="end"/>
"""
    body += """  <label id="cancel"/>
"""
    if cancel_after_s is not None:
        body += """  <send><![CDATA[
CANCEL sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-[pid]-[call_number]-invite
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 CANCEL
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
  <recv response="487"/>
  <send><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-[pid]-[call_number]-invite
From: <sip:caller@[local_ip]:[local_port]>;tag=[pid]C[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
"""
    body += '  <label id="end"/>\n'
    return f'<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="caller">\n{body}</scenario>\n'


@dataclass(frozen=True)
class SipMessage:
    at: datetime  # wall clock of the sipp process (not faked)
    sent: bool
    first_line: str
    call_id: str
    user: str  # user part of the request URI (requests) or of To (responses)
    text: str

    @property
    def method(self) -> str:
        return "" if self.first_line.startswith("SIP/2.0") else self.first_line.split(" ", 1)[0]

    @property
    def status(self) -> int:
        return int(self.first_line.split()[1]) if self.first_line.startswith("SIP/2.0") else 0

    @property
    def cseq_method(self) -> str:
        m = re.search(r"^CSeq:\s*\d+\s+(\w+)", self.text, flags=re.M | re.I)
        return m.group(1) if m else ""


def _user(first: str, text: str) -> str:
    if not first.startswith("SIP/2.0"):
        m = re.match(r"^[A-Z]+ sip:([^@;>\s]+)@", first)
        return m.group(1) if m else ""
    m = re.search(r"^To:\s*<?sip:([^@;>\s]+)@", text, flags=re.M | re.I)
    return m.group(1) if m else ""


def read_trace(path: Path) -> list[SipMessage]:
    """The messages of a sipp ``-trace_msg`` file, in order."""
    if not path.is_file():
        return []
    out: list[SipMessage] = []
    at: datetime | None = None
    sent = False
    block: list[str] = []

    def flush() -> None:
        lines = [line.rstrip("\r") for line in block]
        first = next((line for line in lines if _SIP_FIRST.match(line)), None)
        if at is not None and first is not None:
            text = "\n".join(lines)
            m = re.search(r"^(Call-ID|i):\s*(\S+)", text, flags=re.M | re.I)
            out.append(SipMessage(at, sent, first, m.group(2) if m else "", _user(first, text), text))

    for line in path.read_text(errors="replace").splitlines():
        if m := _HEADER.match(line):
            flush()
            at = datetime.strptime(re.sub(r"\s+", " ", m.group(1)), "%Y-%m-%d %H:%M:%S.%f")
            block = []
            sent = False
        elif m := _DIRECTION.match(line):
            sent = m.group(2) == "sent"
        else:
            block.append(line)
    flush()
    return out


class _Sipp:
    def __init__(self, ns: Namespace, workdir: Path, name: str, port: int, media_port: int) -> None:
        self.ns = ns
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.port = port
        self.media_port = media_port
        self.trace = self.workdir / f"{name}.msg"
        self.scenario = self.workdir / f"{name}.xml"
        self.process: subprocess.Popen[bytes] | None = None

    def _start(self, extra: list[str]) -> None:
        log = open(self.workdir / f"{self.name}.out", "wb")
        argv = ["sipp", "-sf", str(self.scenario), "-i", "127.0.0.1", "-p", str(self.port),
                "-mp", str(self.media_port), "-trace_msg", "-message_file", str(self.trace), "-nostdin",
                "-timeout_error", "-max_recv_loops", "10000", "-max_sched_loops", "10000", *extra]
        self.process = self.ns.popen(argv, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
        log.close()

    def messages(self) -> list[SipMessage]:
        return read_trace(self.trace)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class Uas(_Sipp):
    """A sipp server on ``port`` answering (or only ringing) every call sent to it."""

    def __init__(self, ns: Namespace, workdir: Path, port: int, media_port: int,
                 answer_after_s: float | None, reject: bool = False) -> None:
        super().__init__(ns, workdir, f"uas-{port}", port, media_port)
        self.answer_after_s = answer_after_s
        self.scenario.write_text(uas_scenario(answer_after_s, reject))

    def start(self) -> None:
        self._start(["-t", "u1", "-timeout", "3600s"])
        time.sleep(0.05)
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"sipp on {self.port} exited: {(self.workdir / f'{self.name}.out').read_text()}")


class Caller(_Sipp):
    """One call from ``caller`` to ``number`` (see the module docstring)."""

    def __init__(self, ns: Namespace, workdir: Path, name: str, port: int, media_port: int, number: str,
                 digits: list[tuple[float, str]] = (), hold_s: float = 5, audio: bool = False,
                 cancel_after_s: float | None = None, start_after_s: float = 0) -> None:
        super().__init__(ns, workdir, name, port, media_port)
        self.number = number
        self.scenario.write_text(caller_scenario(list(digits), hold_s, audio, cancel_after_s, start_after_s))

    def start(self) -> None:
        self._start(["-s", self.number, "-m", "1", "-t", "u1", "-timeout", "1200s", "127.0.0.1:5060"])

    def wait(self, timeout: float) -> int | None:
        assert self.process is not None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
