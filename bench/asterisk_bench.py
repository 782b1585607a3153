"""Asterisk backend benchmark: compiling a 2,000-node routing document and deploying it; departments.

Run: ``.venv/bin/python bench/asterisk_bench.py [--nodes 2000] [--runs 50] [--rounds 5]``

Uses the generated document of ``bench/domain_bench.py``. Prints the median time of ``compile_routing``
next to the baseline ``json.loads`` + ``json.dumps`` of the same document, and the median time of a
re-deployment (sounds already in place: the number's file and the include file written atomically with
fsync) next to the baseline of writing the same bytes with a plain ``write_bytes`` (no temp file, no
fsync), both measured in the same run, with the ratios.

Departments: a forward to a department of 100, 1,000 and 5,000 members for each distribution: dialplan
bytes, bytes per member, the longest line, and the compile time, measured alternately size by size in
``--rounds`` rounds; the ratio of each size's time per member to the 100-member time per member (1.0 is
linear) is the median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import statistics
import time

from domain_bench import directory, document_data, median_s

from pbxdesk.audio.tts import EspeakEngine
from pbxdesk.backend.asterisk import compile_routing
from pbxdesk.backend.asterisk.writer import AsteriskDeployer
from pbxdesk.domain.document import dumps, from_dict
from pbxdesk.domain.models import Directory
from pbxdesk.domain.walk import iter_nodes

SIZES = (100, 1000, 5000)


def department_case(size: int, distribution: str):
    company = Directory.model_validate({
        "employees": [{"id": f"e{i}", "name": f"Сотрудник {i}", "extension": str(10000 + i)} for i in range(size)],
        "departments": [{"id": "d", "name": "Отдел", "members": [f"e{i}" for i in range(size)]}]})
    doc = from_dict({"format": "pbxdesk.routing/1", "number": "4950000099", "name": "Bench", "timezone": "UTC",
                     "schedule": {"mode": "always", "intervals": [{"id": "working", "name": "W"},
                                                                  {"id": "non_working", "name": "N"}],
                                  "ranges": [], "exceptions": []},
                     "scenarios": {"working": {"type": "forward_department", "department": "d",
                                               "distribution": distribution,
                                               "step_s": None if distribution == "all" else 5, "timeout_s": 600,
                                               "announcement": None, "next": None}}})
    return doc, company


def departments(rounds: int) -> None:
    print(f"\ndepartments (median of {rounds} alternating rounds; per-member time relative to {SIZES[0]} members)")
    print(f"{'distribution':>12} {'members':>8} {'bytes':>11} {'B/member':>9} {'longest line':>12} "
          f"{'compile ms':>11} {'us/member':>10} {'x linear':>9}")
    for distribution in ("all", "in_turn", "incremental"):
        cases = {size: department_case(size, distribution) for size in SIZES}
        times: dict[int, list[float]] = {size: [] for size in SIZES}
        for _ in range(rounds):
            for size in SIZES:
                doc, company = cases[size]
                begin = time.perf_counter()
                compile_routing(doc, company)
                times[size].append(time.perf_counter() - begin)
        base = [t / SIZES[0] for t in times[SIZES[0]]]
        for size in SIZES:
            text = compile_routing(*cases[size]).text
            data = len(text.encode())
            longest = max(len(line.encode()) for line in text.splitlines())
            per = [t / size for t in times[size]]
            ratio = statistics.median(p / b for p, b in zip(per, base, strict=True))
            print(f"{distribution:>12} {size:>8,} {data:>11,} {data / size:>9.0f} {longest:>12,} "
                  f"{statistics.median(times[size]) * 1e3:>11.1f} {statistics.median(per) * 1e6:>10.1f} "
                  f"{ratio:>9.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    company = directory()
    doc = from_dict(document_data(args.nodes))
    text = dumps(doc)
    compiled = compile_routing(doc, company)
    nodes = sum(1 for _ in iter_nodes(doc))
    print(f"document: {nodes} nodes, {len(text.encode()):,} bytes of JSON -> dialplan "
          f"{len(compiled.text.encode()):,} bytes, {compiled.text.count(chr(10)):,} lines, "
          f"{len(compiled.contexts)} contexts, {len(compiled.sounds)} sounds")

    baseline = median_s(lambda: json.dumps(json.loads(text), ensure_ascii=False), args.runs)
    compile_s = median_s(lambda: compile_routing(doc, company), args.runs)
    print(f"baseline json.loads+json.dumps : {baseline * 1e3:8.2f} ms  (median of {args.runs})")
    print(f"compile_routing                : {compile_s * 1e3:8.2f} ms  = {compile_s / baseline:6.2f} x baseline")

    with tempfile.TemporaryDirectory(prefix="pbxdesk-bench-") as tmp:
        root = Path(tmp) / "asterisk"
        deployer = AsteriskDeployer(root, EspeakEngine(Path(tmp) / "tts"), lambda _id: None)
        first = deployer.deploy(doc.number, doc, company)  # renders the TTS prompts once
        assert first.ok, first.message
        data = compiled.text.encode()
        plain = Path(tmp) / "plain.conf"
        write_base = median_s(lambda: plain.write_bytes(data), args.runs)
        deploy_s = median_s(lambda: deployer.deploy(doc.number, doc, company), args.runs)
    print(f"baseline plain write_bytes     : {write_base * 1e3:8.2f} ms  (median of {args.runs})")
    print(f"re-deploy (compile + 2 atomic writes with fsync): {deploy_s * 1e3:8.2f} ms  "
          f"= {deploy_s / write_base:6.1f} x plain write")
    departments(args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
