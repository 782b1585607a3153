"""A company of the provisioning server for the server-side benches: SQLite in a temporary directory, the
test directory (tests/data/directory.json) and ``count`` numbers provisioned with the default routing; the
SPEC §4 example (tests/data/spec_example.json) is what the benches then store as their routings."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from pbxdesk.domain.document import load_directory
from pbxdesk.server import accounts, storage
from pbxdesk.server.app import build_context
from pbxdesk.server.context import ServerConfig

ROOT = Path(__file__).resolve().parents[1]


class BenchCompany(NamedTuple):
    engine: Any
    company_id: int
    numbers: list[str]
    example: dict[str, Any]  # the SPEC §4 example routing, to store with each number's own "number"
    directory: Any


@contextmanager
def bench_company(count: int) -> Iterator[BenchCompany]:
    example = json.loads((ROOT / "tests" / "data" / "spec_example.json").read_text(encoding="utf-8"))
    directory = load_directory((ROOT / "tests" / "data" / "directory.json").read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        engine = build_context(ServerConfig(Path(tmp))).engine
        try:
            cid, _token = accounts.create_company(engine, "Bench")
            storage.set_directory(engine, cid, directory)
            wanted = [f"49{i:08d}" for i in range(count)]
            storage.add_numbers(engine, cid, wanted)
            yield BenchCompany(engine, cid, wanted, example, directory)
        finally:
            engine.dispose()
