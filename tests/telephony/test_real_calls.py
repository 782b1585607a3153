"""Real calls through pbxdesk's own dialplans in a real Asterisk, each compared with ``pbxdesk simulate``.

Every case of tests/telephony/cases.py is one number, deployed by pbxdesk's deployer and called once by
sipp; all calls of one Asterisk clock run at the same time (three Asterisk instances side by side, each in
its own network namespace with its own faked clock). For each call the instant Asterisk saw, the prompts it
played, the ring windows the phones saw and the outcome (who picked up, the mail of the voicemail or fax)
must be what the simulator says for that instant, keys, busy set and answer; ring windows within 0.5 s.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.telephony import cases as case_list
from tests.telephony.realcall import TOLERANCE_S, Batch, compare, run_batch

MONDAY_CASES = case_list.monday_cases()
OTHER_CASES = case_list.midnight_cases() + case_list.dst_cases()
ALL = {c.name: c for c in MONDAY_CASES + OTHER_CASES}


@pytest.fixture(scope="module")
def batches(asterisk_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Batch]:
    base = tmp_path_factory.mktemp("calls")
    tts = base / "tts"
    plan = {"monday": (case_list.MONDAY, MONDAY_CASES, 4_950_000_000, 2000),
            "midnight": (case_list.MIDNIGHT, case_list_cases(case_list.midnight_cases), 4_950_001_000, 6000),
            "dst": (case_list.DST, case_list_cases(case_list.dst_cases), 4_950_002_000, 7000)}
    with ThreadPoolExecutor(len(plan)) as pool:
        futures = {name: pool.submit(run_batch, asterisk_root, base / name, clock, cases, tts, number, ext)
                   for name, (clock, cases, number, ext) in plan.items()}
        return {name: f.result() for name, f in futures.items()}


def case_list_cases(factory):
    """The cases of a clock, the same objects the tests look up by name."""
    names = [c.name for c in factory()]
    return [ALL[n] for n in names]


def batch_of(batches: dict[str, Batch], name: str) -> Batch:
    return next(b for b in batches.values() if name in b.results)


COMPARED = [c.name for c in MONDAY_CASES + OTHER_CASES if c.cancel_after_s is None]


@pytest.mark.parametrize("name", COMPARED)
def test_real_call_does_what_simulate_says(batches: dict[str, Batch], name: str) -> None:
    case = ALL[name]
    batch = batch_of(batches, name)
    prefix = f"{batch.asterisk.workdir.parent / 'deploy'}/sounds/pbxdesk"
    compare(case, batch.results[name], prefix)


def test_a_caller_hanging_up_stops_every_phone_at_once(batches: dict[str, Batch]) -> None:
    real = batches["monday"].results["caller_hangs_up_while_ringing"]
    assert real.caller_hangup is not None
    assert len(real.windows) == 5
    for w in real.windows:
        assert not w.answered
        assert abs((w.end - real.caller_hangup).total_seconds()) < TOLERANCE_S, (w, real.caller_hangup)
        assert 3.5 < (w.end - w.start).total_seconds() < 4.5


def test_voicemail_is_recorded_and_mailed_to_every_address(batches: dict[str, Batch]) -> None:
    real = batches["monday"].results["voicemail"]
    assert real.outcome == {"kind": "voicemail",
                            "emails": ["anna@example.ru", "boris@example.ru", "boss@example.ru"]}
    recording = Path(real.mail[0].split(" ")[2])
    assert recording.is_file() and recording.stat().st_size > 8000  # about a second of 8 kHz audio at least


def test_fax_reaches_receivefax_and_is_mailed(batches: dict[str, Batch]) -> None:
    real = batches["monday"].results["fax"]
    assert any(": ReceiveFAX(" in line for line in real.apps)
    assert real.outcome == {"kind": "fax", "emails": ["anna@example.ru"]}


def test_deployed_dialplans_reload_cleanly(batches: dict[str, Batch]) -> None:
    """``dialplan reload`` of every deployed number: no line skipped as too long, and quick."""
    for batch in batches.values():
        assert batch.reload_s < 5
