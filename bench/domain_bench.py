"""Domain benchmark: validation and one simulated call on a 2,000-node routing document.

Run: ``.venv/bin/python bench/domain_bench.py [--nodes 2000] [--runs 200]``

Prints the median time of ``validate_data`` (structure + semantics, with the directory) and of one
``simulate`` call through the deepest menu path, next to the baseline ``json.loads`` + ``json.dumps`` of
the same document (its canonical text read, then written back compact: the C-accelerated path of the
json module) measured in the same run, and the ratios. Targets: validation < 10 ms, a call < 1 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pbxdesk.domain.document import dumps, from_dict, parse_document
from pbxdesk.domain.models import MENU_KEYS, Directory
from pbxdesk.domain.problems import errors
from pbxdesk.domain.simulator import simulate
from pbxdesk.domain.validation import validate_data, validate_document
from pbxdesk.domain.walk import iter_nodes

EMPLOYEES = 40
DEPARTMENTS = 8


def directory() -> Directory:
    employees = [{"id": f"e-{i}", "name": f"Сотрудник {i}", "extension": str(200 + i),
                  "email": f"user{i}@example.ru"} for i in range(EMPLOYEES)]
    departments = [{"id": f"d-{j}", "name": f"Отдел {j}",
                    "members": [f"e-{i}" for i in range(j * 5, j * 5 + 5)]} for j in range(DEPARTMENTS)]
    return Directory.model_validate({"employees": employees, "departments": departments})


class _Builder:
    """Menus nested ``depth`` levels, 12 keys each, leaves are forward chains ending in voicemail."""

    def __init__(self, budget: int) -> None:
        self.left = budget
        self.serial = 0

    def leaf(self) -> dict[str, Any]:
        self.serial += 1
        self.left -= 3
        d = f"d-{self.serial % DEPARTMENTS}"
        mail = {"type": "voicemail", "greeting": None, "recipients": [{"department": d}],
                "external_email": "office@example.ru"}
        dept = {"type": "forward_department", "department": d, "distribution": "in_turn", "step_s": 10,
                "timeout_s": 60, "announcement": {"tts": "Соединяю с отделом", "voice": "ru"}, "next": mail}
        return {"type": "forward_employee", "employee": f"e-{self.serial % EMPLOYEES}", "timeout_s": 20,
                "announcement": None, "next": dept}

    def menu(self, depth: int) -> dict[str, Any]:
        self.left -= 1
        keys: dict[str, Any] = {}
        for key in MENU_KEYS:
            if self.left <= 4:
                break
            keys[key] = self.menu(depth - 1) if depth > 1 else self.leaf()
        return {"type": "menu", "prompt": {"tts": f"Меню уровня {depth}", "voice": "ru"}, "keys": keys,
                "no_input": self.leaf(), "extension_dialing": True, "timeout_s": 5, "repeats": 3}


def document_data(nodes: int) -> dict[str, Any]:
    builder = _Builder(nodes)
    working = builder.menu(4)
    evening = builder.menu(2)
    ranges = [{"day": day, "start": start, "end": end, "interval": interval}
              for day in ("mon", "tue", "wed", "thu", "fri")
              for start, end, interval in (("09:00", "13:00", "working"), ("13:00", "14:00", "custom1"),
                                           ("14:00", "18:00", "working"))]
    return {
        "format": "pbxdesk.routing/1", "number": "4952302222", "name": "Бенчмарк", "timezone": "Europe/Moscow",
        "schedule": {"mode": "weekly",
                     "intervals": [{"id": "working", "name": "Рабочее время"},
                                   {"id": "non_working", "name": "Нерабочее время"},
                                   {"id": "custom1", "name": "Обед"}],
                     "ranges": ranges,
                     "exceptions": [{"date": "2026-12-31", "ranges": [
                         {"start": "09:00", "end": "15:00", "interval": "working"}]}]},
        "scenarios": {"working": working, "custom1": evening, "non_working": builder.leaf()},
    }


def median_s(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    company = directory()
    data = document_data(args.nodes)
    doc = from_dict(data)
    text = dumps(doc)
    node_count = sum(1 for _ in iter_nodes(doc))
    problems = validate_data(data, company)
    at = datetime(2026, 11, 23, 10, 0)
    inputs = ["1", "2", "3", "4"]  # down four menu levels, then employee, department (in_turn), voicemail
    call = simulate(doc, at, company, inputs=inputs, answer="nobody")

    baseline = median_s(lambda: json.dumps(json.loads(text), ensure_ascii=False), args.runs)
    validation = median_s(lambda: validate_data(data, company), args.runs)
    parse = median_s(lambda: parse_document(data), args.runs)
    semantic = median_s(lambda: validate_document(doc, company), args.runs)
    one_call = median_s(lambda: simulate(doc, at, company, inputs=inputs, answer="nobody"), args.runs * 10)

    codes = sorted({p.code for p in problems})
    print(f"document: {node_count} nodes, {len(text.encode()):,} bytes of JSON; "
          f"validation found {len(errors(problems))} errors, {len(problems) - len(errors(problems))} warnings"
          f" {codes}")
    print(f"simulated call: {len(call.steps)} steps, outcome {call.outcome['kind']}")
    print(f"baseline json.loads+json.dumps : {baseline * 1e3:8.3f} ms  (median of {args.runs})")
    print(f"validate_data (with directory) : {validation * 1e3:8.3f} ms  = {validation / baseline:6.2f} x baseline"
          f"   target < 10 ms: {'OK' if validation < 0.010 else 'MISSED'}")
    print(f"  of which parse_document      : {parse * 1e3:8.3f} ms  = {parse / baseline:6.2f} x baseline")
    print(f"  of which validate_document   : {semantic * 1e3:8.3f} ms  = {semantic / baseline:6.2f} x baseline")
    print(f"simulate (one call)            : {one_call * 1e3:8.3f} ms  = {one_call / baseline:6.2f} x baseline"
          f"   target < 1 ms: {'OK' if one_call < 0.001 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
