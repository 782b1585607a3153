"""The harness itself: a pbxdesk dialplan deployed into a real Asterisk answers a real SIP call."""

from __future__ import annotations

from pathlib import Path

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk.writer import AsteriskDeployer
from pbxdesk.domain.document import from_dict
from tests.telephony.harness import Asterisk, Caller, Endpoint, Namespace, Uas
from tests.telephony.harness.netns import EPHEMERAL
from tests.telephony.realcall import MEDIA0, RING_PORTS

NUMBER = "4957770001"


def test_a_call_runs_the_deployed_dialplan_and_rings_the_employee(asterisk_root: Path, tmp_path: Path) -> None:
    doc = from_dict({"format": "pbxdesk.routing/1", "number": NUMBER, "name": "Проверка", "timezone": "UTC",
                     "schedule": {"mode": "always", "intervals": [{"id": "working", "name": "Рабочее время"},
                                                                  {"id": "non_working", "name": "Нерабочее время"}],
                                  "ranges": [], "exceptions": []},
                     "scenarios": {"working": {"type": "forward_employee", "employee": "e1", "timeout_s": 10,
                                               "announcement": None, "next": None}}})
    from pbxdesk.domain.models import Directory

    directory = Directory.model_validate({"employees": [{"id": "e1", "name": "Анна", "extension": "301"}],
                                          "departments": []})
    deploy_root = tmp_path / "deploy"
    deployer = AsteriskDeployer(deploy_root, EspeakEngine(tmp_path / "tts"), lambda _m: None)
    assert deployer.deploy(NUMBER, doc, directory).ok
    with Namespace() as ns:
        ast = Asterisk(asterisk_root, tmp_path / "ast", ns, [Endpoint("301", 5071)],
                       [deploy_root / "extensions_pbxdesk.conf"])
        try:
            ast.start()
            uas = Uas(ns, tmp_path / "sipp", 5071, 40000, answer_after_s=1.0)
            uas.start()
            caller = Caller(ns, tmp_path / "sipp", "caller", 5090, 40100, NUMBER, hold_s=1)
            caller.start()
            assert caller.wait(30) == 0
        finally:
            ast.stop()
    invites = [m for m in uas.messages() if m.method == "INVITE" and not m.sent]
    answers = [m for m in uas.messages() if m.sent and m.status == 200 and m.cseq_method == "INVITE"]
    assert [m.user for m in invites] == ["301"]
    assert len(answers) == 1 and 0.9 < (answers[0].at - invites[0].at).total_seconds() < 1.2
    assert any(e.app == "Dial" and e.args.startswith("PJSIP/301,") for e in ast.executed(f"pbxdesk-{NUMBER}"))


def test_the_namespace_hands_out_no_port_a_test_phone_binds() -> None:
    """Sockets bound to no port (Asterisk's, curl's, sipp's own) get ports above every fixed SIP and media port
    of the tier, so a phone starting later never meets "Address already in use"."""
    with Namespace() as ns:
        low, high = map(int, ns.run(["cat", "/proc/sys/net/ipv4/ip_local_port_range"]).stdout.split())
    assert (low, high) == EPHEMERAL
    assert low > MEDIA0 + 2000 and low > max(RING_PORTS)
