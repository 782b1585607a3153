"""Real calls: how closely a real Asterisk follows the ring windows ``pbxdesk simulate`` lays out.

Run: ``.venv/bin/python bench/realcall_bench.py [--rounds 3]`` (needs the relocatable Asterisk of
``../shared/telephony/`` or ``PBXDESK_ASTERISK``, sipp and libfaketime: ``scripts/setup.sh``).

Each round places every call of the real-call tier (``tests/telephony/cases.py``, Monday clock: menus,
forwards, each distribution with 2, 5 and 200 members) at once in one Asterisk and compares each with
the simulator. Prints per round: the largest and the median difference between a real ring window's
start/end and the simulated one, the spread of the 200 INVITEs of the 200-member ``all`` department,
Asterisk's boot time, the ``dialplan reload`` time of all the deployed numbers and their size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pbxdesk.app.process_env import prepare_environment

prepare_environment()  # as the app and every bench do, before numpy loads

from tests.telephony import cases as case_list
from tests.telephony.harness import find_asterisk
from tests.telephony.realcall import compare, run_batch, simulated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root, why = find_asterisk()
    if root is None:
        print(f"no Asterisk: {why}")
        return 1
    print(f"{'round':>5} {'calls':>5} {'windows':>7} {'max err s':>9} {'median err s':>12} {'200 INVITEs s':>13} "
          f"{'boot s':>6} {'reload ms':>9} {'dialplan KB':>11}")
    for r in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory(prefix="pbxdesk-calls-") as tmp:
            cases = [c for c in case_list.monday_cases() if c.cancel_after_s is None]
            batch = run_batch(root, Path(tmp), case_list.MONDAY, cases, Path(tmp) / "tts", 4_950_000_000, 2000)
            prefix = f"{Path(tmp) / 'deploy'}/sounds/pbxdesk"
            errors: list[float] = []
            for case in cases:
                real = batch.results[case.name]
                compare(case, real, prefix)
                if not case.windows:
                    continue
                sim = simulated(case, real.instant)
                for node in {w.node for w in real.windows}:
                    mine = [w for w in real.windows if w.node == node]
                    origin = min(w.start for w in mine)
                    want = {(s["target"], float(s["from_s"])): float(s["to_s"]) for s in sim.steps
                            if s["kind"] == "ring" and s["node"] == node}
                    for w in mine:
                        start = (w.start - origin).total_seconds()
                        key = min((k for k in want if k[0] == w.target), key=lambda k: abs(k[1] - start))
                        errors += [abs(start - key[1]), abs((w.end - origin).total_seconds() - want[key])]
            big = batch.results["all_200"].windows
            spread = (max(w.start for w in big) - min(w.start for w in big)).total_seconds()
            print(f"{r:>5} {len(cases):>5} {len(errors) // 2:>7} {max(errors):>9.3f} {statistics.median(errors):>12.3f} "
                  f"{spread:>13.3f} {batch.boot_s:>6.2f} {batch.reload_s * 1e3:>9.1f} {batch.dialplan_bytes / 1024:>11.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
